package org.cim4j.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.cim4j.TenantId;
import org.cim4j.spi.CustomerStore;
import org.cim4j.spi.InteractionStore;
import org.cim4j.spi.LoyaltyStore;
import org.cim4j.spi.PurchaseStore;
import org.cim4j.spi.Stores;
import org.cim4j.spi.TagStore;
import org.cim4j.spi.TransactionMode;

/**
 * One unit of work: hands out the stores and keeps an undo log of every mutation, which
 * {@link #rollback()} replays backwards. Mutations go through {@link #put}, {@link #remove},
 * {@link #add} and {@link #removeFrom} so none can forget its undo entry.
 */
final class MemoryTransaction implements Stores {
    private final MemoryData data;
    private final TransactionMode mode;
    private final List<Runnable> undo = new ArrayList<>();
    private boolean open = true;
    private final MemoryCustomerStore customers = new MemoryCustomerStore(this);
    private final MemoryInteractionStore interactions = new MemoryInteractionStore(this);
    private final MemoryPurchaseStore purchases = new MemoryPurchaseStore(this);
    private final MemoryTagStore tags = new MemoryTagStore(this);
    private final MemoryLoyaltyStore loyalty = new MemoryLoyaltyStore(this);

    MemoryTransaction(MemoryData data, TransactionMode mode) {
        this.data = data;
        this.mode = mode;
    }

    @Override
    public CustomerStore customers() {
        return customers;
    }

    @Override
    public InteractionStore interactions() {
        return interactions;
    }

    @Override
    public PurchaseStore purchases() {
        return purchases;
    }

    @Override
    public TagStore tags() {
        return tags;
    }

    @Override
    public LoyaltyStore loyalty() {
        return loyalty;
    }

    /** The tenant's data, for reading. */
    MemoryData.TenantData read(TenantId tenant) {
        ensureOpen();
        return data.tenant(tenant);
    }

    /** The tenant's data, for writing; fails in a read-only transaction. */
    MemoryData.TenantData write(TenantId tenant) {
        ensureOpen();
        if (mode == TransactionMode.READ_ONLY) {
            throw new IllegalStateException("write attempted in a read-only transaction");
        }
        return data.tenant(tenant);
    }

    <K, V> void put(Map<K, V> map, K key, V value) {
        boolean had = map.containsKey(key);
        V previous = map.put(key, value);
        undo.add(had ? () -> map.put(key, previous) : () -> map.remove(key));
    }

    <K, V> void remove(Map<K, V> map, K key) {
        if (map.containsKey(key)) {
            V previous = map.remove(key);
            undo.add(() -> map.put(key, previous));
        }
    }

    <E> void add(Collection<E> collection, E element) {
        if (collection.add(element)) {
            undo.add(() -> collection.remove(element));
        }
    }

    <E> void removeFrom(Collection<E> collection, E element) {
        if (collection.remove(element)) {
            undo.add(() -> collection.add(element));
        }
    }

    /** Registers a custom undo action, for stores added by extensions. */
    void onRollback(Runnable action) {
        undo.add(action);
    }

    void commit() {
        undo.clear();
    }

    void rollback() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
    }

    void end() {
        open = false;
    }

    private void ensureOpen() {
        if (!open) {
            throw InMemoryStorage.transactionEnded();
        }
    }
}

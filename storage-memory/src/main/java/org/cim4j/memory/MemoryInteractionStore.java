package org.cim4j.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import org.cim4j.DuplicateException;
import org.cim4j.TenantId;
import org.cim4j.customer.CustomerId;
import org.cim4j.interaction.Interaction;
import org.cim4j.interaction.InteractionId;
import org.cim4j.interaction.InteractionQuery;
import org.cim4j.spi.InteractionStore;
import org.cim4j.spi.TimeKeyset;
import org.jspecify.annotations.Nullable;

/** {@link InteractionStore} over per-customer timelines kept sorted newest first. */
final class MemoryInteractionStore implements InteractionStore {
    private final MemoryTransaction tx;

    MemoryInteractionStore(MemoryTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(Interaction interaction) {
        MemoryData.TenantData t = tx.write(interaction.tenant());
        if (t.interactions.containsKey(interaction.id())) {
            throw new DuplicateException("interaction", "id", interaction.id().toString());
        }
        tx.put(t.interactions, interaction.id(), interaction);
        tx.add(t.writableTimeline(interaction.customerId()), interaction);
    }

    @Override
    public Optional<Interaction> findById(TenantId tenant, InteractionId id) {
        return Optional.ofNullable(tx.read(tenant).interactions.get(id));
    }

    @Override
    public List<Interaction> timeline(TenantId tenant, CustomerId customer, InteractionQuery query,
                                      @Nullable TimeKeyset before, int limit) {
        NavigableSet<Interaction> timeline = tx.read(tenant).timeline(customer);
        List<Interaction> page = new ArrayList<>(Math.min(limit, 64));
        for (Interaction i : timeline) {
            if (before != null && !isBefore(i, before)) {
                continue;
            }
            if (query.matches(i)) {
                page.add(i);
                if (page.size() == limit) {
                    break;
                }
            }
        }
        return page;
    }

    @Override
    public long count(TenantId tenant, CustomerId customer, InteractionQuery query) {
        return tx.read(tenant).timeline(customer).stream().filter(query::matches).count();
    }

    /** Strictly before the keyset in newest-first order, i.e. older, or as old with a smaller id. */
    static boolean isBefore(Interaction i, TimeKeyset k) {
        int cmp = i.occurredAt().compareTo(k.at());
        return cmp < 0 || (cmp == 0 && i.id().value().compareTo(k.id()) < 0);
    }
}

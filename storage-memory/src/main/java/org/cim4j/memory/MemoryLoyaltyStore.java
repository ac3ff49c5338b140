package org.cim4j.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cim4j.DuplicateException;
import org.cim4j.NotFoundException;
import org.cim4j.TenantId;
import org.cim4j.VersionConflictException;
import org.cim4j.customer.CustomerId;
import org.cim4j.loyalty.IdempotencyKey;
import org.cim4j.loyalty.LedgerEntry;
import org.cim4j.loyalty.LedgerEntryId;
import org.cim4j.loyalty.LoyaltyProgram;
import org.cim4j.loyalty.Lot;
import org.cim4j.loyalty.MemberAccount;
import org.cim4j.loyalty.MemberAccountId;
import org.cim4j.loyalty.ProgramId;
import org.cim4j.loyalty.TierChange;
import org.cim4j.spi.LedgerTotals;
import org.cim4j.spi.LoyaltyCommandRecord;
import org.cim4j.spi.LoyaltyStore;
import org.jspecify.annotations.Nullable;

/**
 * {@link LoyaltyStore} over the tenant's {@link MemoryLoyaltyData}. {@link #lockAccount} needs no lock of
 * its own: read-write units of {@link InMemoryStorage} already run one at a time.
 */
final class MemoryLoyaltyStore implements LoyaltyStore {
    private final MemoryTransaction tx;

    MemoryLoyaltyStore(MemoryTransaction tx) {
        this.tx = tx;
    }

    private MemoryLoyaltyData read(TenantId tenant) {
        return tx.read(tenant).loyalty;
    }

    private MemoryLoyaltyData write(TenantId tenant) {
        return tx.write(tenant).loyalty;
    }

    @Override
    public void saveProgram(TenantId tenant, LoyaltyProgram program) {
        tx.put(write(tenant).programs, program.id(), program);
    }

    @Override
    public Optional<LoyaltyProgram> findProgram(TenantId tenant, ProgramId id) {
        return Optional.ofNullable(read(tenant).programs.get(id));
    }

    @Override
    public List<LoyaltyProgram> programs(TenantId tenant) {
        return List.copyOf(read(tenant).programs.values());
    }

    @Override
    public void insertAccount(MemberAccount account) {
        MemoryLoyaltyData d = write(account.tenant());
        if (d.accounts.containsKey(account.id())) {
            throw new DuplicateException("member account", "id", account.id().toString());
        }
        String key = customerKey(account.program(), account.customer());
        MemberAccountId existing = d.accountsByCustomer.get(key);
        if (existing != null) {
            throw new DuplicateException("member account", "customer", existing.toString());
        }
        tx.put(d.accounts, account.id(), account);
        tx.put(d.accountsByCustomer, key, account.id());
    }

    @Override
    public Optional<MemberAccount> findAccount(TenantId tenant, ProgramId program, CustomerId customer) {
        MemoryLoyaltyData d = read(tenant);
        MemberAccountId id = d.accountsByCustomer.get(customerKey(program, customer));
        return id == null ? Optional.empty() : Optional.of(d.accounts.get(id));
    }

    @Override
    public Optional<MemberAccount> lockAccount(TenantId tenant, ProgramId program, CustomerId customer) {
        MemoryLoyaltyData d = write(tenant);
        MemberAccountId id = d.accountsByCustomer.get(customerKey(program, customer));
        return id == null ? Optional.empty() : Optional.of(d.accounts.get(id));
    }

    @Override
    public void updateAccount(MemberAccount account, long expectedVersion) {
        MemoryLoyaltyData d = write(account.tenant());
        MemberAccount stored = d.accounts.get(account.id());
        if (stored == null) {
            throw new NotFoundException("member account", account.id().toString());
        }
        if (stored.version() != expectedVersion) {
            throw new VersionConflictException("member account", account.id().toString(), expectedVersion);
        }
        if (!stored.program().equals(account.program()) || !stored.customer().equals(account.customer())) {
            throw new IllegalArgumentException("program and customer of a member account cannot change");
        }
        tx.put(d.accounts, account.id(), account);
    }

    @Override
    public List<MemberAccount> accounts(TenantId tenant, ProgramId program, @Nullable MemberAccountId after, int limit) {
        Map<MemberAccountId, MemberAccount> view = after == null ? read(tenant).accounts
                : read(tenant).accounts.tailMap(after, false);
        return view.values().stream().filter(a -> a.program().equals(program)).limit(limit).toList();
    }

    @Override
    public void appendEntry(LedgerEntry entry) {
        MemoryLoyaltyData d = write(entry.tenant());
        if (d.entries.containsKey(entry.id())) {
            throw new DuplicateException("ledger entry", "id", entry.id().toString());
        }
        var ledger = d.ledger(entry.account());
        if (ledger.containsKey(entry.sequence())) {
            throw new DuplicateException("ledger entry", "sequence", ledger.get(entry.sequence()).id().toString());
        }
        tx.put(d.entries, entry.id(), entry);
        tx.put(ledger, entry.sequence(), entry);
        if (entry.reverses() != null) {
            tx.add(d.reversalsOf(entry.reverses()), entry.id());
        }
    }

    @Override
    public List<LedgerEntry> entries(TenantId tenant, MemberAccountId account) {
        var ledger = read(tenant).ledgers.get(account);
        return ledger == null ? List.of() : List.copyOf(ledger.values());
    }

    /** Sums the account's entries in place (no copy of the ledger); same sums as the SPI default. */
    @Override
    public LedgerTotals ledgerTotals(TenantId tenant, MemberAccountId account, Instant from, Instant to) {
        var ledger = read(tenant).ledgers.get(account);
        if (ledger == null) {
            return LedgerTotals.ZERO;
        }
        return LedgerTotals.of(ledger.values(), from, to);
    }

    @Override
    public Optional<LedgerEntry> findEntry(TenantId tenant, LedgerEntryId id) {
        return Optional.ofNullable(read(tenant).entries.get(id));
    }

    @Override
    public List<LedgerEntry> reversalsOf(TenantId tenant, LedgerEntryId entry) {
        MemoryLoyaltyData d = read(tenant);
        List<LedgerEntryId> ids = d.reversals.get(entry);
        if (ids == null) {
            return List.of();
        }
        List<LedgerEntry> out = new ArrayList<>();
        ids.forEach(id -> out.add(d.entries.get(id)));
        out.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        return out;
    }

    @Override
    public void insertLot(Lot lot) {
        MemoryLoyaltyData d = write(lot.tenant());
        if (d.lots.containsKey(lot.id())) {
            throw new DuplicateException("lot", "id", lot.id().toString());
        }
        tx.put(d.lots, lot.id(), lot);
        tx.add(d.lotsOf(lot.account()), lot.id());
    }

    @Override
    public void updateLotRemaining(TenantId tenant, LedgerEntryId lotId, long remaining) {
        MemoryLoyaltyData d = write(tenant);
        Lot lot = d.lots.get(lotId);
        if (lot == null) {
            throw new NotFoundException("lot", lotId.toString());
        }
        if (remaining < 0 || remaining > lot.original()) {
            throw new IllegalArgumentException("lot " + lotId + " remaining must be 0.." + lot.original() + ", was " + remaining);
        }
        tx.put(d.lots, lotId, lot.withRemaining(remaining));
    }

    @Override
    public Optional<Lot> findLot(TenantId tenant, LedgerEntryId lot) {
        return Optional.ofNullable(read(tenant).lots.get(lot));
    }

    @Override
    public List<Lot> openLots(TenantId tenant, MemberAccountId account) {
        MemoryLoyaltyData d = read(tenant);
        var ids = d.lotsByAccount.get(account);
        if (ids == null) {
            return List.of();
        }
        return ids.stream().map(d.lots::get).filter(l -> l.remaining() > 0).toList();
    }

    @Override
    public List<Lot> dueLots(TenantId tenant, MemberAccountId account, Instant at) {
        MemoryLoyaltyData d = read(tenant);
        var ids = d.lotsByAccount.get(account);
        if (ids == null) {
            return List.of();
        }
        return ids.stream().map(d.lots::get).filter(l -> l.remaining() > 0 && l.isExpiredAt(at)).toList();
    }

    @Override
    public Optional<LoyaltyCommandRecord> findCommand(TenantId tenant, IdempotencyKey key) {
        return Optional.ofNullable(read(tenant).commands.get(key));
    }

    @Override
    public void insertCommand(LoyaltyCommandRecord record) {
        MemoryLoyaltyData d = write(record.tenant());
        if (d.commands.containsKey(record.key())) {
            throw new DuplicateException("loyalty command", "idempotencyKey", record.key().value());
        }
        tx.put(d.commands, record.key(), record);
    }

    @Override
    public void appendTierChange(TierChange change) {
        tx.add(write(change.tenant()).historyOf(change.account()), change);
    }

    @Override
    public List<TierChange> tierHistory(TenantId tenant, MemberAccountId account) {
        List<TierChange> h = read(tenant).tierHistory.get(account);
        return h == null ? List.of() : List.copyOf(h);
    }

    private static String customerKey(ProgramId program, CustomerId customer) {
        return program.value() + "\u0000" + customer;
    }
}

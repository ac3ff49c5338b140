package org.cim4j.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cim4j.loyalty.IdempotencyKey;
import org.cim4j.loyalty.LedgerEntry;
import org.cim4j.loyalty.LedgerEntryId;
import org.cim4j.loyalty.LoyaltyProgram;
import org.cim4j.loyalty.Lot;
import org.cim4j.loyalty.MemberAccount;
import org.cim4j.loyalty.MemberAccountId;
import org.cim4j.loyalty.ProgramId;
import org.cim4j.loyalty.TierChange;
import org.cim4j.spi.LoyaltyCommandRecord;

/** One tenant's loyalty records and indexes. Guarded by the storage's lock; inner collections are created on first write. */
final class MemoryLoyaltyData {
    final TreeMap<ProgramId, LoyaltyProgram> programs = new TreeMap<>();
    final TreeMap<MemberAccountId, MemberAccount> accounts = new TreeMap<>();
    /** {@code program + NUL + customer} to account id. */
    final Map<String, MemberAccountId> accountsByCustomer = new HashMap<>();
    final Map<LedgerEntryId, LedgerEntry> entries = new HashMap<>();
    /** Per account: sequence to entry. */
    final Map<MemberAccountId, TreeMap<Long, LedgerEntry>> ledgers = new HashMap<>();
    final Map<LedgerEntryId, List<LedgerEntryId>> reversals = new HashMap<>();
    final Map<LedgerEntryId, Lot> lots = new HashMap<>();
    final Map<MemberAccountId, Set<LedgerEntryId>> lotsByAccount = new HashMap<>();
    final Map<IdempotencyKey, LoyaltyCommandRecord> commands = new HashMap<>();
    final Map<MemberAccountId, List<TierChange>> tierHistory = new HashMap<>();

    TreeMap<Long, LedgerEntry> ledger(MemberAccountId account) {
        return ledgers.computeIfAbsent(account, a -> new TreeMap<>());
    }

    List<LedgerEntryId> reversalsOf(LedgerEntryId entry) {
        return reversals.computeIfAbsent(entry, e -> new ArrayList<>());
    }

    Set<LedgerEntryId> lotsOf(MemberAccountId account) {
        return lotsByAccount.computeIfAbsent(account, a -> new LinkedHashSet<>());
    }

    List<TierChange> historyOf(MemberAccountId account) {
        return tierHistory.computeIfAbsent(account, a -> new ArrayList<>());
    }
}

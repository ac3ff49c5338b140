package org.cim4j.spi;

import java.time.Instant;
import java.util.Objects;
import org.cim4j.TenantId;
import org.cim4j.loyalty.IdempotencyKey;
import org.cim4j.loyalty.LedgerEntryId;
import org.cim4j.loyalty.MemberAccountId;
import org.jspecify.annotations.Nullable;

/**
 * The stored first result of an idempotent loyalty command, written in the same transaction as the
 * ledger change it describes. The engine rebuilds the command's result from it (and the entry it
 * names) when the key is replayed.
 *
 * @param tenant       owning tenant; {@code (tenant, key)} is unique
 * @param key          the command's idempotency key
 * @param command      command kind: {@code "earn"}, {@code "redeem"}, {@code "reverse"} or {@code "adjust"}
 * @param account      the member account the command ran on
 * @param entry        the ledger entry written, or {@code null} if the command wrote none (e.g. a capped earn)
 * @param amount       points earned, redeemed, reversed or adjusted (absolute)
 * @param notRecovered for reversals, points that could not be taken back; otherwise 0
 * @param balanceAfter balance right after the command
 * @param tierAfter    tier code right after the command
 * @param at           when the command ran
 */
public record LoyaltyCommandRecord(TenantId tenant, IdempotencyKey key, String command, MemberAccountId account,
                                   @Nullable LedgerEntryId entry, long amount, long notRecovered, long balanceAfter,
                                   String tierAfter, Instant at) {
    public LoyaltyCommandRecord {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(tierAfter, "tierAfter");
        Objects.requireNonNull(at, "at");
        if (amount < 0 || notRecovered < 0 || balanceAfter < 0) {
            throw new IllegalArgumentException("command record amounts must not be negative");
        }
    }
}

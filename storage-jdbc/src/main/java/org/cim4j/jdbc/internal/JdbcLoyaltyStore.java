package org.cim4j.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cim4j.DuplicateException;
import org.cim4j.NotFoundException;
import org.cim4j.TenantId;
import org.cim4j.VersionConflictException;
import org.cim4j.customer.CustomerId;
import org.cim4j.jdbc.Dialect;
import org.cim4j.loyalty.EarnReason;
import org.cim4j.loyalty.EarnSource;
import org.cim4j.loyalty.EntryKind;
import org.cim4j.loyalty.IdempotencyKey;
import org.cim4j.loyalty.LedgerEntry;
import org.cim4j.loyalty.LedgerEntryId;
import org.cim4j.loyalty.LoyaltyProgram;
import org.cim4j.loyalty.Lot;
import org.cim4j.loyalty.MemberAccount;
import org.cim4j.loyalty.MemberAccountId;
import org.cim4j.loyalty.ProgramId;
import org.cim4j.loyalty.TierChange;
import org.cim4j.loyalty.TierChangeReason;
import org.cim4j.spi.LedgerTotals;
import org.cim4j.spi.LoyaltyCodec;
import org.cim4j.spi.LoyaltyCommandRecord;
import org.cim4j.spi.LoyaltyStore;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * {@link LoyaltyStore} over the {@code loyalty_*} tables (migration V3). Programs and an entry's lot
 * allocations are stored as {@link LoyaltyCodec} text; everything else has its own column.
 * {@link #lockAccount} is {@code SELECT … FOR UPDATE} on the account row, which serialises the engine's
 * commands per account on every dialect; {@link #updateAccount} and {@link #updateLotRemaining} are
 * additionally guarded in their {@code WHERE} clause (version, {@code remaining <= original}), and the
 * tables carry CHECK constraints (balance not negative, {@code 0 <= remaining <= original}). Unique
 * violations are undone through the transaction's savepoint where PostgreSQL needs it and reported with
 * the key names the engine checks ({@code "customer"}, {@code "idempotencyKey"}).
 */
final class JdbcLoyaltyStore implements LoyaltyStore {
    private static final String ACCOUNT_COLUMNS = "id, program_id, customer_id, enrolled_at, balance, tier, tier_since,"
            + " grace_until, version";
    private static final String ENTRY_COLUMNS = "id, account_id, seq, kind, delta, recorded_at, idem_key, actor,"
            + " earn_source, earn_reference, expires_at, reverses, note, allocations";
    private static final String LOT_COLUMNS = "id, account_id, original, remaining, earned_at, expires_at";
    private static final String COMMAND_COLUMNS = "idem_key, command, account_id, entry_id, amount, not_recovered,"
            + " balance_after, tier_after, recorded_at";

    private final Tx tx;
    private final Db db;

    JdbcLoyaltyStore(Tx tx) {
        this.tx = tx;
        this.db = tx.db();
    }

    // ---------------------------------------------------------------- programs

    @Override
    public void saveProgram(TenantId tenant, LoyaltyProgram program) {
        String sql;
        if (db.dialect() == Dialect.POSTGRESQL) {
            sql = "INSERT INTO #loyalty_program (tenant_id, id, definition) VALUES (?, ?, ?)"
                    + " ON CONFLICT (tenant_id, id) DO UPDATE SET definition = EXCLUDED.definition";
        } else if (db.dialect() == Dialect.MARIADB) {
            sql = "INSERT INTO #loyalty_program (tenant_id, id, definition) VALUES (?, ?, ?)"
                    + " ON DUPLICATE KEY UPDATE definition = VALUES(definition)";
        } else {
            sql = "MERGE INTO #loyalty_program (tenant_id, id, definition) KEY (tenant_id, id) VALUES (?, ?, ?)";
        }
        tx.w().createUpdate(db.sql(sql)).bind(0, tenant.value()).bind(1, program.id().value())
                .bind(2, LoyaltyCodec.encodeProgram(program)).execute();
    }

    @Override
    public Optional<LoyaltyProgram> findProgram(TenantId tenant, ProgramId id) {
        return tx.h().createQuery(db.sql("SELECT definition FROM #loyalty_program WHERE tenant_id = ? AND id = ?"))
                .bind(0, tenant.value()).bind(1, id.value())
                .map((rs, ctx) -> LoyaltyCodec.decodeProgram(rs.getString("definition"))).findOne();
    }

    @Override
    public List<LoyaltyProgram> programs(TenantId tenant) {
        List<LoyaltyProgram> all = new ArrayList<>(tx.h().createQuery(db.sql(
                        "SELECT definition FROM #loyalty_program WHERE tenant_id = ?"))
                .bind(0, tenant.value())
                .map((rs, ctx) -> LoyaltyCodec.decodeProgram(rs.getString("definition"))).list());
        all.sort(Comparator.comparing(LoyaltyProgram::id)); // Java order, independent of the database collation
        return all;
    }

    // ---------------------------------------------------------------- accounts

    @Override
    public void insertAccount(MemberAccount a) {
        tx.w();
        Optional<UUID> holder = accountHolder(a.tenant(), a.program(), a.customer());
        if (holder.isPresent()) {
            throw new DuplicateException("member account", "customer", holder.get().toString());
        }
        tx.guarded(() -> tx.h().createUpdate(db.sql("INSERT INTO #loyalty_account (tenant_id, " + ACCOUNT_COLUMNS
                                + ") VALUES (" + Db.placeholders(10) + ")"))
                        .bind(0, a.tenant().value()).bind(1, db.id(a.id().value())).bind(2, a.program().value())
                        .bind(3, db.id(a.customer().value())).bind(4, Db.ts(a.enrolledAt())).bind(5, a.balance())
                        .bind(6, a.tier()).bind(7, Db.ts(a.tierSince())).bind(8, Db.ts(a.graceUntil()))
                        .bind(9, a.version()).execute(),
                e -> {
                    // lost a race: name the account that won (it is committed, so visible now)
                    Optional<UUID> winner = accountHolder(a.tenant(), a.program(), a.customer());
                    return winner.isPresent() && !winner.get().equals(a.id().value())
                            ? new SqlDuplicateException("member account", "customer", winner.get().toString(),
                            SqlErrors.codes(e), e)
                            : new SqlDuplicateException("member account", "id", a.id().toString(), SqlErrors.codes(e), e);
                }, false);
    }

    private Optional<UUID> accountHolder(TenantId tenant, ProgramId program, CustomerId customer) {
        return tx.h().createQuery(db.sql("SELECT id FROM #loyalty_account"
                        + " WHERE tenant_id = ? AND program_id = ? AND customer_id = ?"))
                .bind(0, tenant.value()).bind(1, program.value()).bind(2, db.id(customer.value()))
                .map((rs, ctx) -> Db.requiredUuid(rs, "id")).findOne();
    }

    @Override
    public Optional<MemberAccount> findAccount(TenantId tenant, ProgramId program, CustomerId customer) {
        return accountQuery(tenant, program, customer, "").findOne();
    }

    @Override
    public Optional<MemberAccount> lockAccount(TenantId tenant, ProgramId program, CustomerId customer) {
        tx.w();
        return accountQuery(tenant, program, customer, " FOR UPDATE").findOne();
    }

    private ResultIterable<MemberAccount> accountQuery(TenantId tenant, ProgramId program, CustomerId customer,
                                                       String suffix) {
        return tx.h().createQuery(db.sql("SELECT " + ACCOUNT_COLUMNS + " FROM #loyalty_account"
                        + " WHERE tenant_id = ? AND program_id = ? AND customer_id = ?" + suffix))
                .bind(0, tenant.value()).bind(1, program.value()).bind(2, db.id(customer.value()))
                .map((rs, ctx) -> account(rs, tenant));
    }

    @Override
    public void updateAccount(MemberAccount a, long expectedVersion) {
        int n = tx.w().createUpdate(db.sql("UPDATE #loyalty_account SET balance = ?, tier = ?, tier_since = ?,"
                        + " grace_until = ?, version = ?"
                        + " WHERE tenant_id = ? AND id = ? AND version = ? AND program_id = ? AND customer_id = ?"))
                .bind(0, a.balance()).bind(1, a.tier()).bind(2, Db.ts(a.tierSince())).bind(3, Db.ts(a.graceUntil()))
                .bind(4, a.version()).bind(5, a.tenant().value()).bind(6, db.id(a.id().value()))
                .bind(7, expectedVersion).bind(8, a.program().value()).bind(9, db.id(a.customer().value()))
                .execute();
        if (n == 1) {
            return;
        }
        Optional<Object[]> stored = tx.h().createQuery(db.sql("SELECT version, program_id, customer_id"
                        + " FROM #loyalty_account WHERE tenant_id = ? AND id = ?"))
                .bind(0, a.tenant().value()).bind(1, db.id(a.id().value()))
                .map((rs, ctx) -> new Object[] {rs.getLong("version"), rs.getString("program_id"),
                        Db.requiredUuid(rs, "customer_id")})
                .findOne();
        if (stored.isEmpty()) {
            throw new NotFoundException("member account", a.id().toString());
        }
        Object[] s = stored.get();
        if (!a.program().value().equals(s[1]) || !a.customer().value().equals(s[2])) {
            throw new IllegalArgumentException("program and customer of a member account cannot change");
        }
        throw new VersionConflictException("member account", a.id().toString(), expectedVersion);
    }

    @Override
    public List<MemberAccount> accounts(TenantId tenant, ProgramId program, @Nullable MemberAccountId after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Query q = tx.h().createQuery(db.sql("SELECT " + ACCOUNT_COLUMNS + " FROM #loyalty_account"
                        + " WHERE tenant_id = ? AND program_id = ?" + (after == null ? "" : " AND id > ?")
                        + " ORDER BY id LIMIT ?"))
                .bind(0, tenant.value()).bind(1, program.value());
        int next = 2;
        if (after != null) {
            q.bind(next++, db.id(after.value()));
        }
        q.bind(next, limit);
        return q.map((rs, ctx) -> account(rs, tenant)).list();
    }

    private static MemberAccount account(ResultSet rs, TenantId tenant) throws SQLException {
        return new MemberAccount(MemberAccountId.of(Db.requiredUuid(rs, "id")), tenant,
                ProgramId.of(rs.getString("program_id")), CustomerId.of(Db.requiredUuid(rs, "customer_id")),
                Db.requiredInstant(rs, "enrolled_at"), rs.getLong("balance"), rs.getString("tier"),
                Db.requiredInstant(rs, "tier_since"), Db.instant(rs, "grace_until"), rs.getLong("version"));
    }

    // ---------------------------------------------------------------- ledger

    @Override
    public void appendEntry(LedgerEntry e) {
        tx.w();
        tx.guarded(() -> tx.h().createUpdate(db.sql("INSERT INTO #loyalty_entry (tenant_id, " + ENTRY_COLUMNS
                                + ") VALUES (" + Db.placeholders(15) + ")"))
                        .bind(0, e.tenant().value()).bind(1, db.id(e.id().value())).bind(2, db.id(e.account().value()))
                        .bind(3, e.sequence()).bind(4, e.kind().name()).bind(5, e.delta()).bind(6, Db.ts(e.at()))
                        .bind(7, e.key().value()).bind(8, e.actor())
                        .bind(9, e.earnReason() == null ? null : e.earnReason().source().name())
                        .bind(10, e.earnReason() == null ? null : e.earnReason().reference())
                        .bind(11, Db.ts(e.expiresAt()))
                        .bind(12, db.id(e.reverses() == null ? null : e.reverses().value()))
                        .bind(13, e.note()).bind(14, LoyaltyCodec.encodeAllocations(e.allocations())).execute(),
                ex -> {
                    if (findEntry(e.tenant(), e.id()).isPresent()) {
                        return new SqlDuplicateException("ledger entry", "id", e.id().toString(), SqlErrors.codes(ex), ex);
                    }
                    Optional<UUID> holder = tx.h().createQuery(db.sql("SELECT id FROM #loyalty_entry"
                                    + " WHERE tenant_id = ? AND account_id = ? AND seq = ?"))
                            .bind(0, e.tenant().value()).bind(1, db.id(e.account().value())).bind(2, e.sequence())
                            .map((rs, ctx) -> Db.requiredUuid(rs, "id")).findOne();
                    return new SqlDuplicateException("ledger entry", "sequence",
                            holder.map(UUID::toString).orElse(null), SqlErrors.codes(ex), ex);
                }, false);
    }

    @Override
    public List<LedgerEntry> entries(TenantId tenant, MemberAccountId account) {
        return tx.h().createQuery(db.sql("SELECT " + ENTRY_COLUMNS + " FROM #loyalty_entry"
                        + " WHERE tenant_id = ? AND account_id = ? ORDER BY seq"))
                .bind(0, tenant.value()).bind(1, db.id(account.value()))
                .map((rs, ctx) -> entry(rs, tenant)).list();
    }

    /** Reads the {@code (tenant_id, account_id, recorded_at)} index range instead of the whole ledger. */
    @Override
    public List<LedgerEntry> entriesSince(TenantId tenant, MemberAccountId account, Instant from) {
        return tx.h().createQuery(db.sql("SELECT " + ENTRY_COLUMNS + " FROM #loyalty_entry"
                        + " WHERE tenant_id = ? AND account_id = ? AND recorded_at >= ? ORDER BY seq"))
                .bind(0, tenant.value()).bind(1, db.id(account.value())).bind(2, Db.ts(from))
                .map((rs, ctx) -> entry(rs, tenant)).list();
    }

    /**
     * One aggregate over the {@code (tenant_id, account_id, recorded_at)} index range; same sums as the SPI
     * default.
     */
    @Override
    public LedgerTotals ledgerTotals(TenantId tenant, MemberAccountId account, Instant from, Instant to) {
        return tx.h().createQuery(db.sql("SELECT"
                        + " COALESCE(SUM(CASE WHEN kind = ? OR (kind = ? AND delta < 0) THEN delta ELSE 0 END), 0)"
                        + " AS qualifying,"
                        + " COALESCE(SUM(CASE WHEN kind = ? AND earn_source IS NOT NULL AND earn_source <> ?"
                        + " THEN delta ELSE 0 END), 0) AS rule_earned"
                        + " FROM #loyalty_entry"
                        + " WHERE tenant_id = ? AND account_id = ? AND recorded_at >= ? AND recorded_at < ?"))
                .bind(0, EntryKind.EARN.name()).bind(1, EntryKind.REVERSAL.name())
                .bind(2, EntryKind.EARN.name()).bind(3, EarnSource.MANUAL.name())
                .bind(4, tenant.value()).bind(5, db.id(account.value())).bind(6, Db.ts(from)).bind(7, Db.ts(to))
                .map((rs, ctx) -> new LedgerTotals(rs.getLong("qualifying"), rs.getLong("rule_earned"))).one();
    }

    @Override
    public Optional<LedgerEntry> findEntry(TenantId tenant, LedgerEntryId id) {
        return tx.h().createQuery(db.sql("SELECT " + ENTRY_COLUMNS + " FROM #loyalty_entry"
                        + " WHERE tenant_id = ? AND id = ?"))
                .bind(0, tenant.value()).bind(1, db.id(id.value()))
                .map((rs, ctx) -> entry(rs, tenant)).findOne();
    }

    @Override
    public List<LedgerEntry> reversalsOf(TenantId tenant, LedgerEntryId entry) {
        return tx.h().createQuery(db.sql("SELECT " + ENTRY_COLUMNS + " FROM #loyalty_entry"
                        + " WHERE tenant_id = ? AND reverses = ? AND kind = ? ORDER BY seq"))
                .bind(0, tenant.value()).bind(1, db.id(entry.value())).bind(2, EntryKind.REVERSAL.name())
                .map((rs, ctx) -> entry(rs, tenant)).list();
    }

    private static LedgerEntry entry(ResultSet rs, TenantId tenant) throws SQLException {
        String source = rs.getString("earn_source");
        UUID reverses = Db.uuid(rs, "reverses");
        return new LedgerEntry(LedgerEntryId.of(Db.requiredUuid(rs, "id")), tenant,
                MemberAccountId.of(Db.requiredUuid(rs, "account_id")), rs.getLong("seq"),
                EntryKind.valueOf(rs.getString("kind")), rs.getLong("delta"), Db.requiredInstant(rs, "recorded_at"),
                IdempotencyKey.of(rs.getString("idem_key")), rs.getString("actor"),
                source == null ? null : new EarnReason(EarnSource.valueOf(source), rs.getString("earn_reference")),
                Db.instant(rs, "expires_at"), reverses == null ? null : LedgerEntryId.of(reverses), rs.getString("note"),
                LoyaltyCodec.decodeAllocations(rs.getString("allocations")));
    }

    // ---------------------------------------------------------------- lots

    @Override
    public void insertLot(Lot lot) {
        tx.w();
        tx.guarded(() -> tx.h().createUpdate(db.sql("INSERT INTO #loyalty_lot (tenant_id, " + LOT_COLUMNS
                                + ") VALUES (" + Db.placeholders(7) + ")"))
                        .bind(0, lot.tenant().value()).bind(1, db.id(lot.id().value()))
                        .bind(2, db.id(lot.account().value())).bind(3, lot.original()).bind(4, lot.remaining())
                        .bind(5, Db.ts(lot.earnedAt())).bind(6, Db.ts(lot.expiresAt())).execute(),
                e -> new SqlDuplicateException("lot", "id", lot.id().toString(), SqlErrors.codes(e), e), false);
    }

    @Override
    public void updateLotRemaining(TenantId tenant, LedgerEntryId lot, long remaining) {
        tx.w();
        if (remaining >= 0) {
            int n = tx.h().createUpdate(db.sql("UPDATE #loyalty_lot SET remaining = ?"
                            + " WHERE tenant_id = ? AND id = ? AND original >= ?"))
                    .bind(0, remaining).bind(1, tenant.value()).bind(2, db.id(lot.value())).bind(3, remaining)
                    .execute();
            if (n == 1) {
                return;
            }
        }
        Lot stored = findLot(tenant, lot).orElseThrow(() -> new NotFoundException("lot", lot.toString()));
        throw new IllegalArgumentException("lot " + lot + " remaining must be 0.." + stored.original() + ", was "
                + remaining);
    }

    @Override
    public Optional<Lot> findLot(TenantId tenant, LedgerEntryId lot) {
        return tx.h().createQuery(db.sql("SELECT " + LOT_COLUMNS + " FROM #loyalty_lot WHERE tenant_id = ? AND id = ?"))
                .bind(0, tenant.value()).bind(1, db.id(lot.value()))
                .map((rs, ctx) -> lot(rs, tenant)).findOne();
    }

    @Override
    public List<Lot> openLots(TenantId tenant, MemberAccountId account) {
        return tx.h().createQuery(db.sql("SELECT " + LOT_COLUMNS + " FROM #loyalty_lot"
                        + " WHERE tenant_id = ? AND account_id = ? AND remaining > 0 ORDER BY earned_at, id"))
                .bind(0, tenant.value()).bind(1, db.id(account.value()))
                .map((rs, ctx) -> lot(rs, tenant)).list();
    }

    /** Reads the {@code (tenant_id, account_id, expires_at)} index range (migration V4), not all open lots. */
    @Override
    public List<Lot> dueLots(TenantId tenant, MemberAccountId account, Instant at) {
        return tx.h().createQuery(db.sql("SELECT " + LOT_COLUMNS + " FROM #loyalty_lot"
                        + " WHERE tenant_id = ? AND account_id = ? AND expires_at <= ? AND remaining > 0"
                        + " ORDER BY earned_at, id"))
                .bind(0, tenant.value()).bind(1, db.id(account.value())).bind(2, Db.ts(at))
                .map((rs, ctx) -> lot(rs, tenant)).list();
    }

    private static Lot lot(ResultSet rs, TenantId tenant) throws SQLException {
        return new Lot(LedgerEntryId.of(Db.requiredUuid(rs, "id")), tenant,
                MemberAccountId.of(Db.requiredUuid(rs, "account_id")), rs.getLong("original"), rs.getLong("remaining"),
                Db.requiredInstant(rs, "earned_at"), Db.instant(rs, "expires_at"));
    }

    // ---------------------------------------------------------------- idempotency records

    @Override
    public Optional<LoyaltyCommandRecord> findCommand(TenantId tenant, IdempotencyKey key) {
        return tx.h().createQuery(db.sql("SELECT " + COMMAND_COLUMNS + " FROM #loyalty_command"
                        + " WHERE tenant_id = ? AND idem_key = ?"))
                .bind(0, tenant.value()).bind(1, key.value())
                .map((rs, ctx) -> {
                    UUID entry = Db.uuid(rs, "entry_id");
                    return new LoyaltyCommandRecord(tenant, IdempotencyKey.of(rs.getString("idem_key")),
                            rs.getString("command"), MemberAccountId.of(Db.requiredUuid(rs, "account_id")),
                            entry == null ? null : LedgerEntryId.of(entry), rs.getLong("amount"),
                            rs.getLong("not_recovered"), rs.getLong("balance_after"), rs.getString("tier_after"),
                            Db.requiredInstant(rs, "recorded_at"));
                }).findOne();
    }

    /**
     * Inserts under the primary key {@code (tenant_id, idem_key)}; a concurrent command that committed the
     * key first makes this one fail with a {@link DuplicateException} keyed {@code "idempotencyKey"}
     * (the key itself is host text and is not repeated in the message).
     */
    @Override
    public void insertCommand(LoyaltyCommandRecord r) {
        tx.w();
        tx.guarded(() -> bindCommand(tx.h().createUpdate(db.sql("INSERT INTO #loyalty_command (tenant_id, "
                        + COMMAND_COLUMNS + ") VALUES (" + Db.placeholders(10) + ")")), r).execute(),
                e -> new SqlDuplicateException("loyalty command", "idempotencyKey", null, SqlErrors.codes(e), e), false);
    }

    private <S extends SqlStatement<S>> S bindCommand(S st, LoyaltyCommandRecord r) {
        return st.bind(0, r.tenant().value()).bind(1, r.key().value()).bind(2, r.command())
                .bind(3, db.id(r.account().value())).bind(4, db.id(r.entry() == null ? null : r.entry().value()))
                .bind(5, r.amount()).bind(6, r.notRecovered()).bind(7, r.balanceAfter()).bind(8, r.tierAfter())
                .bind(9, Db.ts(r.at()));
    }

    // ---------------------------------------------------------------- tier history

    /** Numbers the change after the account's last one; the engine holds the account lock while it appends. */
    @Override
    public void appendTierChange(TierChange c) {
        tx.w();
        long seq = tx.h().createQuery(db.sql("SELECT COALESCE(MAX(seq), 0) FROM #loyalty_tier_change"
                        + " WHERE tenant_id = ? AND account_id = ?"))
                .bind(0, c.tenant().value()).bind(1, db.id(c.account().value())).mapTo(Long.class).one() + 1;
        tx.guarded(() -> tx.h().createUpdate(db.sql("INSERT INTO #loyalty_tier_change (tenant_id, account_id, seq,"
                                + " from_tier, to_tier, changed_at, reason, detail, actor)"
                                + " VALUES (" + Db.placeholders(9) + ")"))
                        .bind(0, c.tenant().value()).bind(1, db.id(c.account().value())).bind(2, seq)
                        .bind(3, c.fromTier()).bind(4, c.toTier()).bind(5, Db.ts(c.at())).bind(6, c.reason().name())
                        .bind(7, c.detail()).bind(8, c.actor()).execute(),
                e -> new SqlDuplicateException("tier change", "sequence", c.account().toString(), SqlErrors.codes(e), e),
                false);
    }

    @Override
    public List<TierChange> tierHistory(TenantId tenant, MemberAccountId account) {
        return tx.h().createQuery(db.sql("SELECT from_tier, to_tier, changed_at, reason, detail, actor"
                        + " FROM #loyalty_tier_change WHERE tenant_id = ? AND account_id = ? ORDER BY seq"))
                .bind(0, tenant.value()).bind(1, db.id(account.value()))
                .map((rs, ctx) -> new TierChange(tenant, account, rs.getString("from_tier"), rs.getString("to_tier"),
                        Db.requiredInstant(rs, "changed_at"), TierChangeReason.valueOf(rs.getString("reason")),
                        rs.getString("detail"), rs.getString("actor")))
                .list();
    }
}

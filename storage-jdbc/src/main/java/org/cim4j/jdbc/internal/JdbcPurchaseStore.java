package org.cim4j.jdbc.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cim4j.Channel;
import org.cim4j.DuplicateException;
import org.cim4j.NotFoundException;
import org.cim4j.TenantId;
import org.cim4j.VersionConflictException;
import org.cim4j.commerce.Money;
import org.cim4j.commerce.Purchase;
import org.cim4j.commerce.PurchaseId;
import org.cim4j.commerce.PurchaseLine;
import org.cim4j.commerce.PurchaseStatus;
import org.cim4j.customer.CustomerId;
import org.cim4j.spi.PurchaseStore;
import org.cim4j.spi.PurchaseTotals;
import org.cim4j.spi.TimeKeyset;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * {@link PurchaseStore} over {@code purchase} and {@code purchase_line}. Money is stored as
 * {@code NUMERIC(19, 4)} plus an ISO currency code; {@code (tenant_id, channel, order_id)} is unique.
 */
final class JdbcPurchaseStore implements PurchaseStore {
    private static final String INSERT = "INSERT INTO #purchase (tenant_id, id, customer_id, order_id, channel,"
            + " store_id, occurred_at, total_amount, refunded_amount, currency, status, version, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_LINE = "INSERT INTO #purchase_line (tenant_id, purchase_id, position, sku,"
            + " category, quantity, unit_price, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final Tx tx;
    private final Db db;

    JdbcPurchaseStore(Tx tx) {
        this.tx = tx;
        this.db = tx.db();
    }

    @Override
    public void insert(Purchase p) {
        tx.w();
        Optional<UUID> sameOrder = orderHolder(p.tenant(), p.channel(), p.orderId());
        if (sameOrder.isPresent()) {
            throw new DuplicateException("purchase", sameOrder.get().equals(p.id().value()) ? "id" : "orderId",
                    sameOrder.get().toString());
        }
        tx.guarded(() -> bindRow(tx.h().createUpdate(db.sql(INSERT)), p).execute(), e -> {
            Optional<UUID> holder = orderHolder(p.tenant(), p.channel(), p.orderId());
            return holder.isPresent() && !holder.get().equals(p.id().value())
                    ? new SqlDuplicateException("purchase", "orderId", holder.get().toString(), SqlErrors.codes(e), e)
                    : new SqlDuplicateException("purchase", "id", p.id().toString(), SqlErrors.codes(e), e);
        }, false);
        insertLines(List.of(p));
    }

    @Override
    public void insertAll(List<Purchase> purchases) {
        tx.w();
        if (purchases.isEmpty()) {
            return;
        }
        try {
            tx.guarded(() -> {
                PreparedBatch batch = tx.h().prepareBatch(db.sql(INSERT));
                purchases.forEach(p -> bindRow(batch, p).add());
                return batch.execute();
            }, BatchReplay::new, true);
        } catch (BatchReplay replay) {
            purchases.forEach(this::insert);
            return;
        }
        insertLines(purchases);
    }

    @Override
    public void update(Purchase p) {
        tx.w();
        Optional<Object[]> stored = tx.h().createQuery(db.sql("SELECT version, customer_id, channel, order_id"
                        + " FROM #purchase WHERE tenant_id = ? AND id = ?"))
                .bind(0, p.tenant().value()).bind(1, db.id(p.id().value()))
                .map((rs, ctx) -> new Object[] {rs.getLong("version"), Db.requiredUuid(rs, "customer_id"),
                        rs.getString("channel"), rs.getString("order_id")})
                .findOne();
        if (stored.isEmpty()) {
            throw new NotFoundException("purchase", p.id().toString());
        }
        Object[] s = stored.get();
        if ((long) s[0] != p.version() - 1) {
            throw new VersionConflictException("purchase", p.id().toString(), p.version() - 1);
        }
        if (!s[1].equals(p.customerId().value()) || !s[2].equals(p.channel().code()) || !s[3].equals(p.orderId())) {
            throw new IllegalArgumentException("customer, channel and order id of a purchase cannot change");
        }
        int n = tx.h().createUpdate(db.sql("UPDATE #purchase SET store_id = ?, occurred_at = ?, total_amount = ?,"
                        + " refunded_amount = ?, currency = ?, status = ?, version = ?, recorded_at = ?"
                        + " WHERE tenant_id = ? AND id = ? AND version = ?"))
                .bind(0, p.storeId()).bind(1, Db.ts(p.occurredAt())).bind(2, p.total().amount())
                .bind(3, p.refunded().amount()).bind(4, p.total().currency().getCurrencyCode())
                .bind(5, p.status().name()).bind(6, p.version()).bind(7, Db.ts(p.recordedAt()))
                .bind(8, p.tenant().value()).bind(9, db.id(p.id().value())).bind(10, p.version() - 1)
                .execute();
        if (n == 0) {
            throw new VersionConflictException("purchase", p.id().toString(), p.version() - 1);
        }
        tx.h().createUpdate(db.sql("DELETE FROM #purchase_line WHERE tenant_id = ? AND purchase_id = ?"))
                .bind(0, p.tenant().value()).bind(1, db.id(p.id().value())).execute();
        insertLines(List.of(p));
    }

    @Override
    public Optional<Purchase> findById(TenantId tenant, PurchaseId id) {
        return one(tenant, "id = ?", db.id(id.value()));
    }

    @Override
    public Optional<Purchase> findByOrder(TenantId tenant, Channel channel, String orderId) {
        List<Purchase> found = withLines(tenant, tx.h().createQuery(db.sql(
                        "SELECT * FROM #purchase WHERE tenant_id = ? AND channel = ? AND order_id = ?"))
                .bind(0, tenant.value()).bind(1, channel.code()).bind(2, orderId)
                .map((rs, ctx) -> head(rs, tenant)).list());
        return found.stream().findFirst();
    }

    @Override
    public List<Purchase> history(TenantId tenant, CustomerId customer, @Nullable TimeKeyset before, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        String keyset = before == null ? "" : " AND (occurred_at < ? OR (occurred_at = ? AND id < ?))";
        var q = tx.h().createQuery(db.sql("SELECT * FROM #purchase WHERE tenant_id = ? AND customer_id = ?" + keyset
                        + " ORDER BY occurred_at DESC, id DESC LIMIT ?"))
                .bind(0, tenant.value()).bind(1, db.id(customer.value()));
        int next = 2;
        if (before != null) {
            q.bind(2, Db.ts(before.at())).bind(3, Db.ts(before.at())).bind(4, db.id(before.id()));
            next = 5;
        }
        q.bind(next, limit);
        return withLines(tenant, q.map((rs, ctx) -> head(rs, tenant)).list());
    }

    /**
     * One aggregate over the {@code ix_purchase_history (tenant_id, customer_id, occurred_at, id)} range.
     * {@code FLOOR} per purchase equals the SPI default's {@code setScale(0, DOWN)} because a net amount is
     * never negative (refunds never exceed the total).
     */
    @Override
    public PurchaseTotals totals(TenantId tenant, CustomerId customer, Currency currency, Instant from, Instant to) {
        return tx.h().createQuery(db.sql("SELECT COALESCE(SUM(FLOOR(total_amount - refunded_amount)), 0) AS spend,"
                        + " COALESCE(SUM(CASE WHEN total_amount <> refunded_amount THEN 1 ELSE 0 END), 0) AS orders"
                        + " FROM #purchase WHERE tenant_id = ? AND customer_id = ? AND occurred_at >= ?"
                        + " AND occurred_at < ? AND currency = ?"))
                .bind(0, tenant.value()).bind(1, db.id(customer.value())).bind(2, Db.ts(from)).bind(3, Db.ts(to))
                .bind(4, currency.getCurrencyCode())
                .map((rs, ctx) -> new PurchaseTotals(rs.getBigDecimal("spend").longValueExact(), rs.getLong("orders")))
                .one();
    }

    private Optional<Purchase> one(TenantId tenant, String condition, org.jdbi.v3.core.argument.Argument arg) {
        List<Purchase> found = withLines(tenant, tx.h().createQuery(db.sql(
                        "SELECT * FROM #purchase WHERE tenant_id = ? AND " + condition))
                .bind(0, tenant.value()).bind(1, arg).map((rs, ctx) -> head(rs, tenant)).list());
        return found.stream().findFirst();
    }

    private Optional<UUID> orderHolder(TenantId tenant, Channel channel, String orderId) {
        return tx.h().createQuery(db.sql("SELECT id FROM #purchase WHERE tenant_id = ? AND channel = ? AND order_id = ?"))
                .bind(0, tenant.value()).bind(1, channel.code()).bind(2, orderId)
                .map((rs, ctx) -> Db.requiredUuid(rs, "id")).findOne();
    }

    private <S extends SqlStatement<S>> S bindRow(S st, Purchase p) {
        return st.bind(0, p.tenant().value()).bind(1, db.id(p.id().value())).bind(2, db.id(p.customerId().value()))
                .bind(3, p.orderId()).bind(4, p.channel().code()).bind(5, p.storeId()).bind(6, Db.ts(p.occurredAt()))
                .bind(7, p.total().amount()).bind(8, p.refunded().amount())
                .bind(9, p.total().currency().getCurrencyCode()).bind(10, p.status().name())
                .bind(11, p.version()).bind(12, Db.ts(p.recordedAt()));
    }

    private void insertLines(List<Purchase> purchases) {
        PreparedBatch batch = tx.h().prepareBatch(db.sql(INSERT_LINE));
        int n = 0;
        for (Purchase p : purchases) {
            int pos = 0;
            for (PurchaseLine l : p.lines()) {
                batch.bind(0, p.tenant().value()).bind(1, db.id(p.id().value())).bind(2, pos++).bind(3, l.sku())
                        .bind(4, l.category()).bind(5, l.quantity()).bind(6, l.unitPrice().amount())
                        .bind(7, l.unitPrice().currency().getCurrencyCode()).add();
                n++;
            }
        }
        if (n > 0) {
            batch.execute();
        }
        batch.close();
    }

    /** A purchase row before its lines are attached. */
    private record Head(UUID id, CustomerId customer, String orderId, Channel channel, @Nullable String storeId,
                        Instant occurredAt, Money total, Money refunded, PurchaseStatus status, long version,
                        Instant recordedAt) {
    }

    private static Head head(ResultSet rs, TenantId tenant) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        return new Head(Db.requiredUuid(rs, "id"), CustomerId.of(Db.requiredUuid(rs, "customer_id")),
                rs.getString("order_id"), new Channel(rs.getString("channel")), rs.getString("store_id"),
                Db.requiredInstant(rs, "occurred_at"), money(rs.getBigDecimal("total_amount"), currency),
                money(rs.getBigDecimal("refunded_amount"), currency), PurchaseStatus.valueOf(rs.getString("status")),
                rs.getLong("version"), Db.requiredInstant(rs, "recorded_at"));
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return new Money(amount, currency); // NUMERIC(19, 4) trailing zeros drop to the currency's scale
    }

    /** Attaches lines to the heads with one query for all of them. */
    private List<Purchase> withLines(TenantId tenant, List<Head> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<PurchaseLine>> lines = new HashMap<>();
        heads.forEach(h -> lines.put(h.id(), new ArrayList<>()));
        List<UUID> ids = new ArrayList<>(lines.keySet());
        for (int from = 0; from < ids.size(); from += JdbcCustomerStore.CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + JdbcCustomerStore.CHUNK));
            JdbcSelect.forEachOf(tx, "purchase_line", "purchase_id, sku, category, quantity, unit_price, currency",
                    "purchase_id", tenant.value(), chunk, " ORDER BY purchase_id, position",
                    rs -> lines.get(JdbcSelect.uuid(rs, 1)).add(new PurchaseLine(rs.getString(2), rs.getString(3),
                            rs.getInt(4), money(rs.getBigDecimal(5), Currency.getInstance(rs.getString(6).trim())))));
        }
        List<Purchase> result = new ArrayList<>(heads.size());
        for (Head h : heads) {
            result.add(new Purchase(PurchaseId.of(h.id()), tenant, h.customer(), h.orderId(), h.channel(), h.storeId(),
                    h.occurredAt(), lines.get(h.id()), h.total(), h.refunded(), h.status(), h.version(),
                    h.recordedAt()));
        }
        return result;
    }
}

package org.cim4j.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cim4j.Channel;
import org.cim4j.TenantId;
import org.cim4j.customer.CustomerId;
import org.cim4j.interaction.Direction;
import org.cim4j.interaction.Interaction;
import org.cim4j.interaction.InteractionId;
import org.cim4j.interaction.InteractionQuery;
import org.cim4j.interaction.InteractionType;
import org.cim4j.spi.InteractionStore;
import org.cim4j.spi.TimeKeyset;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jspecify.annotations.Nullable;

/** {@link InteractionStore} over the append-only {@code interaction} table. */
final class JdbcInteractionStore implements InteractionStore {
    private static final String INSERT = "INSERT INTO #interaction (tenant_id, id, customer_id, type, channel,"
            + " direction, occurred_at, subject, notes, outcome, csat, nps, agent, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Tx tx;
    private final Db db;

    JdbcInteractionStore(Tx tx) {
        this.tx = tx;
        this.db = tx.db();
    }

    @Override
    public void insert(Interaction i) {
        tx.w();
        if (db.dialect() == org.cim4j.jdbc.Dialect.POSTGRESQL) {
            // No failed statement (which would abort the PostgreSQL transaction) and no savepoint round trips.
            int n = bind(tx.h().createUpdate(db.sql(INSERT + " ON CONFLICT DO NOTHING")), i).execute();
            if (n == 0) {
                throw new org.cim4j.DuplicateException("interaction", "id", i.id().toString());
            }
            return;
        }
        tx.guarded(() -> bind(tx.h().createUpdate(db.sql(INSERT)), i).execute(),
                e -> new SqlDuplicateException("interaction", "id", i.id().toString(), SqlErrors.codes(e), e), false);
    }

    @Override
    public void insertAll(List<Interaction> interactions) {
        tx.w();
        if (interactions.isEmpty()) {
            return;
        }
        try {
            tx.guarded(() -> {
                PreparedBatch batch = tx.h().prepareBatch(db.sql(INSERT));
                interactions.forEach(i -> bind(batch, i).add());
                return batch.execute();
            }, BatchReplay::new, true);
        } catch (BatchReplay replay) {
            interactions.forEach(this::insert);
        }
    }

    private <S extends SqlStatement<S>> S bind(S st, Interaction i) {
        return st.bind(0, i.tenant().value()).bind(1, db.id(i.id().value())).bind(2, db.id(i.customerId().value()))
                .bind(3, i.type().code()).bind(4, i.channel().code()).bind(5, i.direction().name())
                .bind(6, Db.ts(i.occurredAt())).bind(7, i.subject()).bind(8, i.notes()).bind(9, i.outcome())
                .bind(10, i.csat()).bind(11, i.nps()).bind(12, i.agent()).bind(13, Db.ts(i.recordedAt()));
    }

    @Override
    public Optional<Interaction> findById(TenantId tenant, InteractionId id) {
        return tx.h().createQuery(db.sql("SELECT * FROM #interaction WHERE tenant_id = ? AND id = ?"))
                .bind(0, tenant.value()).bind(1, db.id(id.value()))
                .map((rs, ctx) -> row(rs, tenant)).findOne();
    }

    @Override
    public List<Interaction> timeline(TenantId tenant, CustomerId customer, InteractionQuery query,
                                      @Nullable TimeKeyset before, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<Argument> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM #interaction");
        where(sql, args, tenant, customer, query);
        if (before != null) {
            sql.append(" AND (occurred_at < ? OR (occurred_at = ? AND id < ?))");
            args.add(Db.ts(before.at()));
            args.add(Db.ts(before.at()));
            args.add(db.id(before.id()));
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ?");
        args.add((pos, st, ctx) -> st.setInt(pos, limit));
        var q = tx.h().createQuery(db.sql(sql.toString()));
        for (int i = 0; i < args.size(); i++) {
            q.bind(i, args.get(i));
        }
        return q.map((rs, ctx) -> row(rs, tenant)).list();
    }

    @Override
    public long count(TenantId tenant, CustomerId customer, InteractionQuery query) {
        List<Argument> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM #interaction");
        where(sql, args, tenant, customer, query);
        var q = tx.h().createQuery(db.sql(sql.toString()));
        for (int i = 0; i < args.size(); i++) {
            q.bind(i, args.get(i));
        }
        return q.mapTo(Long.class).one();
    }

    private void where(StringBuilder sql, List<Argument> args, TenantId tenant, CustomerId customer,
                       InteractionQuery query) {
        sql.append(" WHERE tenant_id = ? AND customer_id = ?");
        args.add((pos, st, ctx) -> st.setString(pos, tenant.value()));
        args.add(db.id(customer.value()));
        if (!query.types().isEmpty()) {
            sql.append(" AND type IN (").append(Db.placeholders(query.types().size())).append(')');
            query.types().stream().map(InteractionType::code).sorted()
                    .forEach(code -> args.add((pos, st, ctx) -> st.setString(pos, code)));
        }
        if (query.from() != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(Db.ts(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND occurred_at < ?");
            args.add(Db.ts(query.to()));
        }
    }

    private static Interaction row(ResultSet rs, TenantId tenant) throws SQLException {
        return new Interaction(InteractionId.of(Db.requiredUuid(rs, "id")), tenant,
                CustomerId.of(Db.requiredUuid(rs, "customer_id")), new InteractionType(rs.getString("type")),
                new Channel(rs.getString("channel")), Direction.valueOf(rs.getString("direction")),
                Db.requiredInstant(rs, "occurred_at"), rs.getString("subject"), rs.getString("notes"),
                rs.getString("outcome"), Db.integer(rs, "csat"), Db.integer(rs, "nps"), rs.getString("agent"),
                Db.requiredInstant(rs, "recorded_at"));
    }
}

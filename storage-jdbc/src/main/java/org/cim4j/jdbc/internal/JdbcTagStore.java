package org.cim4j.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.cim4j.DuplicateException;
import org.cim4j.TenantId;
import org.cim4j.spi.TagStore;
import org.cim4j.tag.Tag;
import org.cim4j.tag.TagId;
import org.cim4j.tag.TagKind;

/** {@link TagStore} over the {@code tag} table; names are unique per tenant (binary comparison). */
final class JdbcTagStore implements TagStore {
    private final Tx tx;
    private final Db db;

    JdbcTagStore(Tx tx) {
        this.tx = tx;
        this.db = tx.db();
    }

    @Override
    public void insert(Tag tag) {
        tx.w();
        Optional<Tag> sameName = findByName(tag.tenant(), tag.name());
        if (sameName.isPresent()) {
            throw new DuplicateException("tag", sameName.get().id().equals(tag.id()) ? "id" : "name",
                    sameName.get().id().toString());
        }
        tx.guarded(() -> tx.h().createUpdate(db.sql("INSERT INTO #tag (tenant_id, id, name, group_name, description,"
                                + " kind, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"))
                        .bind(0, tag.tenant().value()).bind(1, db.id(tag.id().value())).bind(2, tag.name())
                        .bind(3, tag.group()).bind(4, tag.description()).bind(5, tag.kind().name())
                        .bind(6, Db.ts(tag.createdAt())).execute(),
                e -> {
                    Optional<Tag> holder = findByName(tag.tenant(), tag.name());
                    return holder.isPresent() && !holder.get().id().equals(tag.id())
                            ? new SqlDuplicateException("tag", "name", holder.get().id().toString(), SqlErrors.codes(e), e)
                            : new SqlDuplicateException("tag", "id", tag.id().toString(), SqlErrors.codes(e), e);
                }, false);
    }

    @Override
    public Optional<Tag> findById(TenantId tenant, TagId id) {
        return tx.h().createQuery(db.sql("SELECT * FROM #tag WHERE tenant_id = ? AND id = ?"))
                .bind(0, tenant.value()).bind(1, db.id(id.value())).map((rs, ctx) -> row(rs, tenant)).findOne();
    }

    @Override
    public Optional<Tag> findByName(TenantId tenant, String name) {
        return tx.h().createQuery(db.sql("SELECT * FROM #tag WHERE tenant_id = ? AND name = ?"))
                .bind(0, tenant.value()).bind(1, name).map((rs, ctx) -> row(rs, tenant)).findOne();
    }

    @Override
    public List<Tag> list(TenantId tenant) {
        return tx.h().createQuery(db.sql("SELECT * FROM #tag WHERE tenant_id = ? ORDER BY name, id"))
                .bind(0, tenant.value()).map((rs, ctx) -> row(rs, tenant)).list();
    }

    private static Tag row(ResultSet rs, TenantId tenant) throws SQLException {
        return new Tag(TagId.of(Db.requiredUuid(rs, "id")), tenant, rs.getString("name"), rs.getString("group_name"),
                rs.getString("description"), TagKind.valueOf(rs.getString("kind")), Db.requiredInstant(rs, "created_at"));
    }
}

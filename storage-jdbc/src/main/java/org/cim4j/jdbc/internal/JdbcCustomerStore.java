package org.cim4j.jdbc.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.cim4j.Channel;
import org.cim4j.DuplicateException;
import org.cim4j.NotFoundException;
import org.cim4j.TenantId;
import org.cim4j.VersionConflictException;
import org.cim4j.customer.AttributeType;
import org.cim4j.customer.AttributeValue;
import org.cim4j.customer.ContactPoint;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.CustomerStatus;
import org.cim4j.customer.ExternalId;
import org.cim4j.customer.Gender;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.customer.Person;
import org.cim4j.customer.PostalAddress;
import org.cim4j.jdbc.Dialect;
import org.cim4j.spi.CustomerKeyset;
import org.cim4j.spi.CustomerStore;
import org.cim4j.tag.TagId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * {@link CustomerStore} over the {@code customer} table and its child tables. Unique keys of active
 * customers live in {@code customer_unique_key} (primary key {@code (tenant_id, kind, key_value)}),
 * so the database enforces them under concurrency on every dialect. A single insert or update looks
 * a clash up first (no failed statement in the common case) and undoes a lost race through a
 * savepoint, then reads the holder and names it in the {@link DuplicateException}; a batch is
 * written without the look-up and, on a clash, undone and replayed one customer at a time. Reads load child rows for a whole
 * page at once ({@code IN} lists of at most {@value #CHUNK} ids), never per customer.
 */
final class JdbcCustomerStore implements CustomerStore {
    static final int CHUNK = 500;
    private static final int NUMBER_SCALE = 20;
    private static final BigDecimal NUMBER_LIMIT = new BigDecimal("1E40");
    private static final String KIND_EXT = "ext";
    private static final String KIND_CONTACT = "contact";
    private static final String REPLAY_SAVEPOINT = "cim4j_replay";

    private final Tx tx;
    private final Db db;

    JdbcCustomerStore(Tx tx) {
        this.tx = tx;
        this.db = tx.db();
    }

    /** One unique key a customer holds while ACTIVE. */
    record Key(String kind, String value) {
        String publicName() {
            return KIND_EXT.equals(kind) ? "externalId" : "primaryContact";
        }
    }

    static Set<Key> keys(Customer c) {
        if (c.status() != CustomerStatus.ACTIVE) {
            return Set.of();
        }
        Set<Key> keys = new LinkedHashSet<>();
        c.externalIds().forEach(e -> keys.add(new Key(KIND_EXT, e.key())));
        for (ContactPoint p : c.contacts()) {
            if (p.primary()) {
                keys.add(new Key(KIND_CONTACT, p.type().code() + ":" + p.value()));
            }
        }
        return keys;
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Optional<Customer> findById(TenantId tenant, CustomerId id) {
        List<Customer> found = load(tenant, List.of(id.value()));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Customer> findByContact(TenantId tenant, ContactType type, String value) {
        List<UUID> ids = tx.h().createQuery(db.sql(
                        "SELECT DISTINCT c.id FROM #customer c JOIN #customer_contact cc"
                                + " ON cc.tenant_id = c.tenant_id AND cc.customer_id = c.id"
                                + " WHERE c.tenant_id = ? AND c.status = ? AND cc.type = ? AND cc.contact_value = ?"
                                + " ORDER BY c.id"))
                .bind(0, tenant.value()).bind(1, CustomerStatus.ACTIVE.name()).bind(2, type.code()).bind(3, value)
                .map((rs, ctx) -> Db.requiredUuid(rs, "id")).list();
        return load(tenant, ids);
    }

    @Override
    public Optional<Customer> findByExternalId(TenantId tenant, ExternalId externalId) {
        Optional<UUID> holder = holderOf(tenant, new Key(KIND_EXT, externalId.key()));
        return holder.flatMap(id -> findById(tenant, CustomerId.of(id)));
    }

    private Optional<UUID> holderOf(TenantId tenant, Key key) {
        return tx.h().createQuery(db.sql("SELECT customer_id FROM #customer_unique_key"
                        + " WHERE tenant_id = ? AND kind = ? AND key_value = ?"))
                .bind(0, tenant.value()).bind(1, key.kind()).bind(2, key.value())
                .map((rs, ctx) -> Db.requiredUuid(rs, "customer_id")).findOne();
    }

    @Override
    public List<Customer> query(TenantId tenant, CustomerQuery query, @Nullable CustomerKeyset after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        CustomerQuerySql q = CustomerQuerySql.select(db, tenant, query, after, limit);
        List<UUID> ids = q.bindTo(tx.h().createQuery(q.sql())).map((rs, ctx) -> Db.requiredUuid(rs, "id")).list();
        return load(tenant, ids);
    }

    @Override
    public long count(TenantId tenant, CustomerQuery query) {
        CustomerQuerySql q = CustomerQuerySql.count(db, tenant, query);
        return q.bindTo(tx.h().createQuery(q.sql())).mapTo(Long.class).one();
    }

    /** Customers with these ids, in the given order, children loaded per chunk. */
    List<Customer> load(TenantId tenant, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Customer> byId = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            loadChunk(tenant, chunk, byId);
        }
        List<Customer> result = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            Customer c = byId.get(id);
            if (c != null) {
                result.add(c);
            }
        }
        return result;
    }

    /** Mutable assembly of one customer's rows. */
    private static final class Rows {
        final List<ContactPoint> contacts = new ArrayList<>();
        final List<PostalAddress> addresses = new ArrayList<>();
        final Set<ExternalId> externalIds = new HashSet<>();
        final Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        final Set<TagId> tags = new HashSet<>();
    }

    private void loadChunk(TenantId tenant, List<UUID> ids, Map<UUID, Customer> out) {
        String t = tenant.value();
        Map<UUID, Head> heads = new LinkedHashMap<>();
        JdbcSelect.forEachOf(tx, "customer", "id, version, status, merged_into, stage, display_name, given_name,"
                + " family_name, birth_date, gender, source_channel, created_at, updated_at", "id", t, ids, "",
                rs -> heads.put(JdbcSelect.uuid(rs, 1), head(rs)));
        if (heads.isEmpty()) {
            return;
        }
        Map<UUID, Rows> rows = new HashMap<>();
        ids.forEach(id -> rows.put(id, new Rows())); // all ids: a row committed meanwhile still finds its slot
        JdbcSelect.forEachOf(tx, "customer_contact", "customer_id, type, contact_value, is_primary, verified",
                "customer_id", t, ids, " ORDER BY customer_id, position",
                rs -> rows.get(JdbcSelect.uuid(rs, 1)).contacts.add(new ContactPoint(ContactType.of(rs.getString(2)),
                        rs.getString(3), rs.getBoolean(4), rs.getBoolean(5))));
        JdbcSelect.forEachOf(tx, "customer_address", "customer_id, label, address_lines, city, region,"
                + " postal_code, country_code, is_primary", "customer_id", t, ids, " ORDER BY customer_id, position",
                rs -> rows.get(JdbcSelect.uuid(rs, 1)).addresses.add(new PostalAddress(rs.getString(2),
                        Lines.decode(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getBoolean(8))));
        JdbcSelect.forEachOf(tx, "customer_external_id", "customer_id, ext_system, ext_value", "customer_id", t, ids,
                "", rs -> rows.get(JdbcSelect.uuid(rs, 1)).externalIds.add(new ExternalId(rs.getString(2),
                        rs.getString(3))));
        JdbcSelect.forEachOf(tx, "customer_attribute", "customer_id, name, type, text_value", "customer_id", t, ids,
                " ORDER BY customer_id, name",
                rs -> rows.get(JdbcSelect.uuid(rs, 1)).attributes.put(rs.getString(2),
                        AttributeValue.parse(AttributeType.valueOf(rs.getString(3)), rs.getString(4))));
        JdbcSelect.forEachOf(tx, "customer_tag", "customer_id, tag_id", "customer_id", t, ids, "",
                rs -> rows.get(JdbcSelect.uuid(rs, 1)).tags.add(TagId.of(JdbcSelect.uuid(rs, 2))));
        for (Map.Entry<UUID, Head> e : heads.entrySet()) {
            UUID id = e.getKey();
            Head hd = e.getValue();
            Rows r = rows.get(id);
            out.put(id, new Customer(CustomerId.of(id), tenant, hd.version, hd.status, hd.mergedInto, hd.stage,
                    hd.person, r.contacts, r.addresses, hd.sourceChannel, r.externalIds, r.attributes, r.tags,
                    hd.createdAt, hd.updatedAt));
        }
    }

    /** The customer row without children. */
    private record Head(long version, CustomerStatus status, @Nullable CustomerId mergedInto, LifecycleStage stage,
                        Person person, @Nullable Channel sourceChannel, java.time.Instant createdAt,
                        java.time.Instant updatedAt) {
    }

    /** The columns after {@code id} of the customer select in {@link #loadChunk}, by position. */
    private static Head head(ResultSet rs) throws SQLException {
        UUID merged = JdbcSelect.nullableUuid(rs, 4);
        String gender = rs.getString(10);
        String source = rs.getString(11);
        return new Head(rs.getLong(2), CustomerStatus.valueOf(rs.getString(3)),
                merged == null ? null : CustomerId.of(merged), LifecycleStage.valueOf(rs.getString(5)),
                new Person(rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getObject(9, java.time.LocalDate.class), gender == null ? null : new Gender(gender)),
                source == null ? null : new Channel(source), requiredInstant(rs, 12), requiredInstant(rs, 13));
    }

    private static java.time.Instant requiredInstant(ResultSet rs, int column) throws SQLException {
        java.time.LocalDateTime v = rs.getObject(column, java.time.LocalDateTime.class);
        if (v == null) {
            throw new NullPointerException("column " + column);
        }
        return v.toInstant(java.time.ZoneOffset.UTC);
    }

    private <S extends SqlStatement<S>> S bindIds(S st, TenantId tenant, List<UUID> ids) {
        st.bind(0, tenant.value());
        for (int i = 0; i < ids.size(); i++) {
            st.bind(i + 1, db.id(ids.get(i)));
        }
        return st;
    }

    // ---------------------------------------------------------------- writes

    @Override
    public void insert(Customer customer) {
        tx.w();
        Set<Key> keys = keys(customer);
        checkKeys(customer, keys);
        // Row and keys under one savepoint: a lost race leaves nothing of this customer behind.
        tx.guarded(() -> {
            try (JdbcBatch row = JdbcBatch.prepare(tx, "customer", INSERT_CUSTOMER)) {
                bindRow(row, customer).executeUpdate();
            }
            insertKeys(customer, keys);
            return null;
        }, e -> exists(customer.tenant(), customer.id().value())
                ? new SqlDuplicateException("customer", "id", customer.id().toString(), SqlErrors.codes(e), e)
                : clashAfterRace(customer, keys, e), true);
        insertChildren(List.of(customer));
    }

    private boolean exists(TenantId tenant, UUID id) {
        return tx.h().createQuery(db.sql("SELECT COUNT(*) FROM #customer WHERE tenant_id = ? AND id = ?"))
                .bind(0, tenant.value()).bind(1, db.id(id)).mapTo(Long.class).one() > 0;
    }

    @Override
    public void insertAll(List<Customer> customers) {
        tx.w();
        if (customers.isEmpty()) {
            return;
        }
        // Clashes inside the batch itself, before anything is written.
        Map<Key, CustomerId> inBatch = new HashMap<>();
        for (Customer c : customers) {
            for (Key k : keys(c)) {
                CustomerId other = inBatch.putIfAbsent(k, c.id());
                if (other != null && !other.equals(c.id())) {
                    throw new DuplicateException("customer", k.publicName(), other.toString());
                }
            }
        }
        // No look-up of stored holders first: in the common case (no clash) it cost as much as a fifth of a
        // batched create. The primary keys of customer and customer_unique_key reject a clash; the batch is
        // then undone to its savepoint and replayed one customer at a time, which names the clash exactly.
        try {
            tx.guarded(() -> {
                try (JdbcBatch rows = JdbcBatch.prepare(tx, "customer", INSERT_CUSTOMER)) {
                    customers.forEach(c -> bindRow(rows, c).add());
                    rows.execute();
                }
                try (JdbcBatch keyRows = JdbcBatch.prepare(tx, "customer_unique_key", INSERT_KEY)) {
                    for (Customer c : customers) {
                        for (Key k : keys(c)) {
                            bindKey(keyRows, c, k).add();
                        }
                    }
                    keyRows.execute();
                }
                return null;
            }, BatchReplay::new, true);
        } catch (BatchReplay replay) {
            // Under a savepoint of its own, so a clash leaves nothing of the batch even if the caller goes on.
            tx.guarded(REPLAY_SAVEPOINT, () -> {
                customers.forEach(this::insert);
                return null;
            }, e -> e, true);
            return;
        }
        insertChildren(customers);
    }

    @Override
    public void update(Customer customer) {
        tx.w();
        TenantId tenant = customer.tenant();
        UUID id = customer.id().value();
        Set<Key> desired = keys(customer);
        Set<Key> current = new HashSet<>(tx.h().createQuery(db.sql("SELECT kind, key_value FROM #customer_unique_key"
                        + " WHERE tenant_id = ? AND customer_id = ?"))
                .bind(0, tenant.value()).bind(1, db.id(id))
                .map((rs, ctx) -> new Key(rs.getString("kind"), rs.getString("key_value"))).list());
        Set<Key> added = new LinkedHashSet<>(desired);
        added.removeAll(current);
        Set<Key> removed = new HashSet<>(current);
        removed.removeAll(desired);
        checkKeys(customer, added);
        tx.guarded(() -> {
            int n = bindUpdate(tx.h().createUpdate(db.sql(UPDATE_CUSTOMER)), customer).execute();
            if (n == 0) {
                if (exists(tenant, id)) {
                    throw new VersionConflictException("customer", customer.id().toString(), customer.version() - 1);
                }
                throw new NotFoundException("customer", customer.id().toString());
            }
            if (!removed.isEmpty()) {
                PreparedBatch del = tx.h().prepareBatch(db.sql("DELETE FROM #customer_unique_key"
                        + " WHERE tenant_id = ? AND kind = ? AND key_value = ? AND customer_id = ?"));
                removed.forEach(k -> del.bind(0, tenant.value()).bind(1, k.kind()).bind(2, k.value())
                        .bind(3, db.id(id)).add());
                del.execute();
            }
            insertKeys(customer, added);
            return null;
        }, e -> clashAfterRace(customer, added, e), true);
        deleteChildren(tenant, List.of(id));
        insertChildren(List.of(customer));
    }

    private void insertKeys(Customer customer, Set<Key> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try (JdbcBatch batch = JdbcBatch.prepare(tx, "customer_unique_key", INSERT_KEY)) {
            keys.forEach(k -> bindKey(batch, customer, k).add());
            batch.execute();
        }
    }

    private JdbcBatch bindKey(JdbcBatch batch, Customer customer, Key k) {
        return batch.string(1, customer.tenant().value()).string(2, k.kind()).string(3, k.value())
                .id(4, customer.id().value());
    }

    /** After the savepoint is rolled back: read who holds which key now. */
    private RuntimeException clashAfterRace(Customer customer, Set<Key> keys, JdbiException e) {
        Map<Key, UUID> held = holders(customer.tenant(), keys);
        for (Map.Entry<Key, UUID> h : held.entrySet()) {
            if (!h.getValue().equals(customer.id().value())) {
                return new SqlDuplicateException("customer", h.getKey().publicName(), h.getValue().toString(),
                        SqlErrors.codes(e), e);
            }
        }
        String key = keys.isEmpty() ? "id" : keys.iterator().next().publicName();
        return new SqlDuplicateException("customer", key, null, SqlErrors.codes(e), e);
    }

    /** Throws if another customer holds one of {@code keys}. */
    private void checkKeys(Customer customer, Set<Key> keys) {
        for (Map.Entry<Key, UUID> h : holders(customer.tenant(), keys).entrySet()) {
            if (!h.getValue().equals(customer.id().value())) {
                throw new DuplicateException("customer", h.getKey().publicName(), h.getValue().toString());
            }
        }
    }

    /** Current holders of the given keys (keys nobody holds are absent). */
    private Map<Key, UUID> holders(TenantId tenant, Set<Key> keys) {
        Map<Key, UUID> held = new LinkedHashMap<>();
        // One query per kind and chunk, each value a primary-key probe (tenant_id, kind, key_value). H2
        // does not probe an index for an IN list of parameters (it scans the kind), but it does for a
        // join with the values unnested from one array parameter.
        Map<String, List<String>> byKind = new TreeMap<>();
        for (Key k : keys) {
            byKind.computeIfAbsent(k.kind(), x -> new ArrayList<>()).add(k.value());
        }
        boolean h2 = db.dialect() == Dialect.H2;
        for (Map.Entry<String, List<String>> kind : byKind.entrySet()) {
            List<String> values = kind.getValue();
            for (int from = 0; from < values.size(); from += CHUNK) {
                List<String> chunk = values.subList(from, Math.min(values.size(), from + CHUNK));
                var q = tx.h().createQuery(db.sql(h2
                        ? "SELECT k.key_value, k.customer_id FROM UNNEST(CAST(? AS VARCHAR ARRAY)) u(v)"
                                + " JOIN #customer_unique_key k ON k.tenant_id = ? AND k.kind = ? AND k.key_value = u.v"
                        : "SELECT key_value, customer_id FROM #customer_unique_key WHERE tenant_id = ? AND kind = ?"
                                + " AND key_value IN (" + Db.placeholders(chunk.size()) + ")"));
                int next = 0;
                if (h2) {
                    Object[] array = chunk.toArray();
                    q.bind(next++, (Argument) (pos, ps, ctx) -> ps.setArray(pos,
                            ps.getConnection().createArrayOf("VARCHAR", array)));
                }
                q.bind(next++, tenant.value()).bind(next++, kind.getKey());
                if (!h2) {
                    for (String v : chunk) {
                        q.bind(next++, v);
                    }
                }
                Set<String> wanted = new HashSet<>(chunk); // exact match even under a case-insensitive collation
                q.map((rs, ctx) -> {
                    String value = rs.getString("key_value");
                    if (wanted.contains(value)) {
                        held.put(new Key(kind.getKey(), value), Db.requiredUuid(rs, "customer_id"));
                    }
                    return Boolean.TRUE;
                }).list();
            }
        }
        return held;
    }

    private static final String INSERT_CUSTOMER = "INSERT INTO #customer (tenant_id, id, version, status, merged_into,"
            + " stage, display_name, sort_name, given_name, family_name, birth_date, gender, source_channel,"
            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_CUSTOMER = "UPDATE #customer SET version = ?, status = ?, merged_into = ?,"
            + " stage = ?, display_name = ?, sort_name = ?, given_name = ?, family_name = ?, birth_date = ?,"
            + " gender = ?, source_channel = ?, created_at = ?, updated_at = ?"
            + " WHERE tenant_id = ? AND id = ? AND version = ?";
    private static final String INSERT_KEY =
            "INSERT INTO #customer_unique_key (tenant_id, kind, key_value, customer_id) VALUES (?, ?, ?, ?)";

    private JdbcBatch bindRow(JdbcBatch b, Customer c) {
        Person p = c.person();
        return b.string(1, c.tenant().value()).id(2, c.id().value()).longValue(3, c.version())
                .string(4, c.status().name()).id(5, c.mergedInto() == null ? null : c.mergedInto().value())
                .string(6, c.stage().name()).string(7, p.displayName()).string(8, p.sortName())
                .string(9, p.givenName()).string(10, p.familyName()).date(11, p.birthDate())
                .string(12, p.gender() == null ? null : p.gender().code())
                .string(13, c.sourceChannel() == null ? null : c.sourceChannel().code())
                .ts(14, c.createdAt()).ts(15, c.updatedAt());
    }

    private <S extends SqlStatement<S>> S bindUpdate(S st, Customer c) {
        Person p = c.person();
        st.bind(0, c.version()).bind(1, c.status().name())
                .bind(2, db.id(c.mergedInto() == null ? null : c.mergedInto().value()))
                .bind(3, c.stage().name()).bind(4, p.displayName()).bind(5, p.sortName())
                .bind(6, p.givenName()).bind(7, p.familyName()).bind(8, Db.date(p.birthDate()))
                .bind(9, p.gender() == null ? null : p.gender().code())
                .bind(10, c.sourceChannel() == null ? null : c.sourceChannel().code())
                .bind(11, Db.ts(c.createdAt())).bind(12, Db.ts(c.updatedAt()));
        return st.bind(13, c.tenant().value()).bind(14, db.id(c.id().value())).bind(15, c.version() - 1);
    }

    private void deleteChildren(TenantId tenant, List<UUID> ids) {
        for (String table : List.of("customer_contact", "customer_address", "customer_external_id",
                "customer_attribute", "customer_tag")) {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                bindIds(tx.h().createUpdate(db.sql("DELETE FROM #" + table + " WHERE tenant_id = ? AND customer_id IN ("
                        + Db.placeholders(chunk.size()) + ")")), tenant, chunk).execute();
            }
        }
    }

    private void insertChildren(List<Customer> customers) {
        try (JdbcBatch contacts = JdbcBatch.prepare(tx, "customer_contact", "INSERT INTO #customer_contact"
                + " (tenant_id, customer_id, position, type, contact_value, is_primary, verified)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)");
             JdbcBatch addresses = JdbcBatch.prepare(tx, "customer_address", "INSERT INTO #customer_address"
                     + " (tenant_id, customer_id, position, label, address_lines, city, region, postal_code,"
                     + " country_code, is_primary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             JdbcBatch externalIds = JdbcBatch.prepare(tx, "customer_external_id", "INSERT INTO #customer_external_id"
                     + " (tenant_id, customer_id, ext_system, ext_value) VALUES (?, ?, ?, ?)");
             JdbcBatch attributes = JdbcBatch.prepare(tx, "customer_attribute", "INSERT INTO #customer_attribute"
                     + " (tenant_id, customer_id, name, type, text_value, number_value, date_value, ts_value,"
                     + " bool_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             JdbcBatch tags = JdbcBatch.prepare(tx, "customer_tag", "INSERT INTO #customer_tag"
                     + " (tenant_id, customer_id, tag_id) VALUES (?, ?, ?)")) {
            for (Customer c : customers) {
                String t = c.tenant().value();
                UUID id = c.id().value();
                int pos = 0;
                for (ContactPoint p : c.contacts()) {
                    contacts.string(1, t).id(2, id).integer(3, pos++).string(4, p.type().code())
                            .string(5, p.value()).bool(6, p.primary()).bool(7, p.verified()).add();
                }
                pos = 0;
                for (PostalAddress a : c.addresses()) {
                    addresses.string(1, t).id(2, id).integer(3, pos++).string(4, a.label())
                            .string(5, Lines.encode(a.lines())).string(6, a.city()).string(7, a.region())
                            .string(8, a.postalCode()).string(9, a.countryCode()).bool(10, a.primary()).add();
                }
                for (ExternalId e : c.externalIds()) {
                    externalIds.string(1, t).id(2, id).string(3, e.system()).string(4, e.value()).add();
                }
                for (Map.Entry<String, AttributeValue> e : c.attributes().entrySet()) {
                    AttributeValue v = e.getValue();
                    attributes.string(1, t).id(2, id).string(3, e.getKey()).string(4, v.type().name())
                            .string(5, v.asText())
                            .decimal(6, v instanceof AttributeValue.Number n ? numberColumn(n.value()) : null)
                            .date(7, v instanceof AttributeValue.Date d ? d.value() : null)
                            .ts(8, v instanceof AttributeValue.Timestamp ts ? ts.value() : null)
                            .bool(9, v instanceof AttributeValue.Bool b ? b.value() : null)
                            .add();
                }
                for (TagId tag : c.tags()) {
                    tags.string(1, t).id(2, id).id(3, tag.value()).add();
                }
            }
            contacts.execute();
            addresses.execute();
            externalIds.execute();
            attributes.execute();
            tags.execute();
        }
    }

    /**
     * The value for the indexed {@code number_value} column, {@code NUMERIC(60, 20)}: exact for numbers
     * with at most 40 integer and 20 fraction digits (rounded half-even beyond), {@code null} for
     * magnitudes that do not fit; {@code text_value} always keeps the exact value.
     */
    static @Nullable BigDecimal numberColumn(BigDecimal v) {
        if (v.abs().compareTo(NUMBER_LIMIT) >= 0) {
            return null;
        }
        return v.setScale(NUMBER_SCALE, RoundingMode.HALF_EVEN);
    }
}

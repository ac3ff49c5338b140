package org.cim4j.benchmarks.peer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.cim4j.benchmarks.BenchDatabase;
import org.cim4j.jdbc.internal.Lines;
import org.jspecify.annotations.Nullable;

/**
 * The raw-JDBC peer: what a careful developer would hand-write with {@link PreparedStatement}s over
 * cim4j's own tables, with no library in between. It is the baseline cim4j's overhead is measured
 * against, so it does the <em>same</em> database work cim4j does and nothing more:
 *
 * <ul>
 *   <li>{@link #get}: one read transaction (auto-commit off, like cim4j's read-only transaction, so
 *       the six reads see one consistent state on PostgreSQL/MariaDB) with the same six queries cim4j's
 *       {@code JdbcCustomerStore} runs: the customer row, then contacts, addresses, external ids,
 *       attributes and tags by customer id. A single six-way join would multiply rows (2 contacts ×
 *       1 address × ...) and is not what cim4j does, so it would not be a like-for-like baseline.</li>
 *   <li>{@link #insert} / {@link #insertBatch}: one transaction that writes the customer rows, the
 *       {@code customer_unique_key} rows cim4j writes (external ids and primary contacts), and the
 *       contact, address, external-id, attribute and tag rows, each table as one
 *       {@code executeBatch}. Unlike cim4j it does not look up existing key holders first; the
 *       primary keys reject a clash. It also does not validate or normalise input.</li>
 * </ul>
 *
 * Ids are native UUIDs on H2 and PostgreSQL and {@code CHAR(36)} strings on MariaDB, times UTC
 * {@link LocalDateTime}s, as cim4j stores them. Thread-safe (stateless over a pool).
 */
public final class RawJdbcCustomerDao {
    private final DataSource dataSource;
    private final boolean uuidAsText;
    private final String selectCustomer;
    private final String selectContacts;
    private final String selectAddresses;
    private final String selectExternalIds;
    private final String selectAttributes;
    private final String selectTags;
    private final String selectPageByOffset;
    private final String insertCustomer;
    private final String insertKey;
    private final String insertContact;
    private final String insertAddress;
    private final String insertExternalId;
    private final String insertAttribute;
    private final String insertTag;

    public RawJdbcCustomerDao(BenchDatabase db) {
        this.dataSource = db.dataSource();
        this.uuidAsText = db.target() == BenchDatabase.Target.MARIADB;
        selectCustomer = "SELECT version, status, merged_into, stage, display_name, given_name, family_name,"
                + " birth_date, gender, source_channel, created_at, updated_at FROM " + db.table("customer")
                + " WHERE tenant_id = ? AND id = ?";
        selectContacts = "SELECT type, contact_value, is_primary, verified FROM " + db.table("customer_contact")
                + " WHERE tenant_id = ? AND customer_id = ? ORDER BY position";
        selectAddresses = "SELECT label, address_lines, city, region, postal_code, country_code, is_primary FROM "
                + db.table("customer_address") + " WHERE tenant_id = ? AND customer_id = ? ORDER BY position";
        selectExternalIds = "SELECT ext_system, ext_value FROM " + db.table("customer_external_id")
                + " WHERE tenant_id = ? AND customer_id = ?";
        selectAttributes = "SELECT name, type, text_value FROM " + db.table("customer_attribute")
                + " WHERE tenant_id = ? AND customer_id = ?";
        selectPageByOffset = "SELECT id, version, status, merged_into, stage, display_name, given_name, family_name,"
                + " birth_date, gender, source_channel, created_at, updated_at FROM " + db.table("customer")
                + " WHERE tenant_id = ? AND status = 'ACTIVE' ORDER BY created_at, id LIMIT ? OFFSET ?";
        selectTags = "SELECT tag_id FROM " + db.table("customer_tag") + " WHERE tenant_id = ? AND customer_id = ?";
        insertCustomer = "INSERT INTO " + db.table("customer") + " (tenant_id, id, version, status, merged_into,"
                + " stage, display_name, sort_name, given_name, family_name, birth_date, gender, source_channel,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        insertKey = "INSERT INTO " + db.table("customer_unique_key")
                + " (tenant_id, kind, key_value, customer_id) VALUES (?, ?, ?, ?)";
        insertContact = "INSERT INTO " + db.table("customer_contact") + " (tenant_id, customer_id, position, type,"
                + " contact_value, is_primary, verified) VALUES (?, ?, ?, ?, ?, ?, ?)";
        insertAddress = "INSERT INTO " + db.table("customer_address") + " (tenant_id, customer_id, position, label,"
                + " address_lines, city, region, postal_code, country_code, is_primary)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        insertExternalId = "INSERT INTO " + db.table("customer_external_id")
                + " (tenant_id, customer_id, ext_system, ext_value) VALUES (?, ?, ?, ?)";
        insertAttribute = "INSERT INTO " + db.table("customer_attribute") + " (tenant_id, customer_id, name, type,"
                + " text_value, number_value, date_value, ts_value, bool_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        insertTag = "INSERT INTO " + db.table("customer_tag") + " (tenant_id, customer_id, tag_id) VALUES (?, ?, ?)";
    }

    // ---------------------------------------------------------------- reads

    /** The customer with its child rows, or empty. */
    public Optional<RawCustomer> get(String tenantId, UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<RawCustomer> found = read(c, tenantId, id);
                c.commit();
                return found;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private Optional<RawCustomer> read(Connection c, String tenantId, UUID id) throws SQLException {
        long version;
        String status;
        UUID mergedInto;
        String stage;
        String displayName;
        String givenName;
        String familyName;
        LocalDate birthDate;
        String gender;
        String source;
        Instant createdAt;
        Instant updatedAt;
        try (PreparedStatement ps = prepare(c, selectCustomer, tenantId, id); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            version = rs.getLong(1);
            status = rs.getString(2);
            mergedInto = uuid(rs.getObject(3));
            stage = rs.getString(4);
            displayName = rs.getString(5);
            givenName = rs.getString(6);
            familyName = rs.getString(7);
            birthDate = rs.getObject(8, LocalDate.class);
            gender = rs.getString(9);
            source = rs.getString(10);
            createdAt = rs.getObject(11, LocalDateTime.class).toInstant(ZoneOffset.UTC);
            updatedAt = rs.getObject(12, LocalDateTime.class).toInstant(ZoneOffset.UTC);
        }
        List<RawCustomer.Contact> contacts = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, selectContacts, tenantId, id); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                contacts.add(new RawCustomer.Contact(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getBoolean(4)));
            }
        }
        List<RawCustomer.Address> addresses = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, selectAddresses, tenantId, id); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                addresses.add(new RawCustomer.Address(rs.getString(1), Lines.decode(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7)));
            }
        }
        Set<String> externalIds = new HashSet<>();
        try (PreparedStatement ps = prepare(c, selectExternalIds, tenantId, id); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                externalIds.add(rs.getString(1) + ":" + rs.getString(2));
            }
        }
        Map<String, RawCustomer.Attribute> attributes = new LinkedHashMap<>();
        try (PreparedStatement ps = prepare(c, selectAttributes, tenantId, id); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                attributes.put(rs.getString(1), new RawCustomer.Attribute(rs.getString(2), rs.getString(3)));
            }
        }
        Set<UUID> tags = new HashSet<>();
        try (PreparedStatement ps = prepare(c, selectTags, tenantId, id); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tags.add(uuid(rs.getObject(1)));
            }
        }
        return Optional.of(new RawCustomer(tenantId, id, version, status, mergedInto, stage, displayName, givenName,
                familyName, birthDate, gender, source, createdAt, updatedAt, contacts, addresses, externalIds,
                attributes, tags));
    }

    private PreparedStatement prepare(Connection c, String sql, String tenantId, UUID id) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setString(1, tenantId);
        setId(ps, 2, id);
        return ps;
    }

    // ---------------------------------------------------------------- writes

    /** Inserts one customer in its own transaction. */
    public void insert(RawCustomer customer) throws SQLException {
        insertBatch(List.of(customer));
    }

    /** Inserts all customers in one transaction, each table written with one {@code executeBatch}. */
    public void insertBatch(List<RawCustomer> customers) throws SQLException {
        if (customers.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                write(c, customers);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private void write(Connection c, List<RawCustomer> customers) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertCustomer)) {
            for (RawCustomer r : customers) {
                ps.setString(1, r.tenantId());
                setId(ps, 2, r.id());
                ps.setLong(3, r.version());
                ps.setString(4, r.status());
                setId(ps, 5, r.mergedInto());
                ps.setString(6, r.stage());
                ps.setString(7, r.displayName());
                ps.setString(8, r.displayName().toLowerCase(java.util.Locale.ROOT));
                ps.setString(9, r.givenName());
                ps.setString(10, r.familyName());
                if (r.birthDate() == null) {
                    ps.setNull(11, Types.DATE);
                } else {
                    ps.setObject(11, r.birthDate());
                }
                ps.setString(12, r.gender());
                ps.setString(13, r.sourceChannel());
                ps.setObject(14, LocalDateTime.ofInstant(r.createdAt(), ZoneOffset.UTC));
                ps.setObject(15, LocalDateTime.ofInstant(r.updatedAt(), ZoneOffset.UTC));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(insertKey)) {
            int n = 0;
            for (RawCustomer r : customers) {
                for (String ext : r.externalIds()) {
                    addKey(ps, r, "ext", ext);
                    n++;
                }
                for (RawCustomer.Contact p : r.contacts()) {
                    if (p.primary()) {
                        addKey(ps, r, "contact", p.type() + ":" + p.value());
                        n++;
                    }
                }
            }
            if (n > 0) {
                ps.executeBatch();
            }
        }
        try (PreparedStatement contacts = c.prepareStatement(insertContact);
             PreparedStatement addresses = c.prepareStatement(insertAddress);
             PreparedStatement externalIds = c.prepareStatement(insertExternalId);
             PreparedStatement attributes = c.prepareStatement(insertAttribute);
             PreparedStatement tags = c.prepareStatement(insertTag)) {
            int[] counts = new int[5];
            for (RawCustomer r : customers) {
                int pos = 0;
                for (RawCustomer.Contact p : r.contacts()) {
                    contacts.setString(1, r.tenantId());
                    setId(contacts, 2, r.id());
                    contacts.setInt(3, pos++);
                    contacts.setString(4, p.type());
                    contacts.setString(5, p.value());
                    contacts.setBoolean(6, p.primary());
                    contacts.setBoolean(7, p.verified());
                    contacts.addBatch();
                    counts[0]++;
                }
                pos = 0;
                for (RawCustomer.Address a : r.addresses()) {
                    addresses.setString(1, r.tenantId());
                    setId(addresses, 2, r.id());
                    addresses.setInt(3, pos++);
                    addresses.setString(4, a.label());
                    addresses.setString(5, Lines.encode(a.lines()));
                    addresses.setString(6, a.city());
                    addresses.setString(7, a.region());
                    addresses.setString(8, a.postalCode());
                    addresses.setString(9, a.countryCode());
                    addresses.setBoolean(10, a.primary());
                    addresses.addBatch();
                    counts[1]++;
                }
                for (String ext : r.externalIds()) {
                    int colon = ext.indexOf(':');
                    externalIds.setString(1, r.tenantId());
                    setId(externalIds, 2, r.id());
                    externalIds.setString(3, ext.substring(0, colon));
                    externalIds.setString(4, ext.substring(colon + 1));
                    externalIds.addBatch();
                    counts[2]++;
                }
                for (Map.Entry<String, RawCustomer.Attribute> e : r.attributes().entrySet()) {
                    RawCustomer.Attribute v = e.getValue();
                    attributes.setString(1, r.tenantId());
                    setId(attributes, 2, r.id());
                    attributes.setString(3, e.getKey());
                    attributes.setString(4, v.type());
                    attributes.setString(5, v.text());
                    // Only TEXT and NUMBER attributes are generated; the typed columns of the others stay null.
                    if ("NUMBER".equals(v.type())) {
                        attributes.setBigDecimal(6, new BigDecimal(v.text()).setScale(20, java.math.RoundingMode.HALF_EVEN));
                    } else {
                        attributes.setNull(6, Types.DECIMAL);
                    }
                    attributes.setNull(7, Types.DATE);
                    attributes.setNull(8, Types.TIMESTAMP);
                    attributes.setNull(9, Types.BOOLEAN);
                    attributes.addBatch();
                    counts[3]++;
                }
                for (UUID tag : r.tags()) {
                    tags.setString(1, r.tenantId());
                    setId(tags, 2, r.id());
                    setId(tags, 3, tag);
                    tags.addBatch();
                    counts[4]++;
                }
            }
            PreparedStatement[] all = {contacts, addresses, externalIds, attributes, tags};
            for (int i = 0; i < all.length; i++) {
                if (counts[i] > 0) {
                    all[i].executeBatch();
                }
            }
        }
    }

    private void addKey(PreparedStatement ps, RawCustomer r, String kind, String value) throws SQLException {
        ps.setString(1, r.tenantId());
        ps.setString(2, kind);
        ps.setString(3, value);
        setId(ps, 4, r.id());
        ps.addBatch();
    }

    // ---------------------------------------------------------------- paging peer

    /**
     * One page of active customer rows (no children) by {@code LIMIT/OFFSET} in cim4j's default
     * order, the way paging is often hand-written; the database must walk past {@code offset} rows.
     */
    public List<UUID> pageByOffset(String tenantId, int offset, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(selectPageByOffset)) {
            ps.setString(1, tenantId);
            ps.setInt(2, limit);
            ps.setInt(3, offset);
            List<UUID> ids = new ArrayList<>(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(uuid(rs.getObject(1)));
                }
            }
            return ids;
        }
    }

    // ---------------------------------------------------------------- codecs

    private void setId(PreparedStatement ps, int index, @Nullable UUID id) throws SQLException {
        if (uuidAsText) {
            if (id == null) {
                ps.setNull(index, Types.CHAR);
            } else {
                ps.setString(index, id.toString());
            }
        } else if (id == null) {
            ps.setNull(index, Types.OTHER);
        } else {
            ps.setObject(index, id);
        }
    }

    private static @Nullable UUID uuid(@Nullable Object v) {
        if (v == null) {
            return null;
        }
        return v instanceof UUID ? (UUID) v : UUID.fromString(v.toString().trim());
    }
}

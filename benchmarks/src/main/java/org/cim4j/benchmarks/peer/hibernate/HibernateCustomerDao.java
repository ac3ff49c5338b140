package org.cim4j.benchmarks.peer.hibernate;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cim4j.benchmarks.BenchDatabase;
import org.cim4j.benchmarks.peer.RawCustomer;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * The Hibernate ORM 7 peer: {@link CustomerEntity} mapped onto cim4j's tables, bootstrapped in code
 * (no {@code persistence.xml}) over the benchmark database's own pool, with schema generation and
 * validation off and no second-level or query cache. {@link #get} uses a fresh
 * {@link EntityManager} per call, a read-only session in one transaction, {@code find} and then
 * initialises the five child collections: six SQL statements, the same as cim4j and the raw peer
 * (a fetch join of several collections would multiply rows). Not used on MariaDB: cim4j stores ids
 * there as {@code CHAR(36)}, which would need a second mapping of every UUID column.
 */
public final class HibernateCustomerDao implements AutoCloseable {
    private final EntityManagerFactory emf;

    public HibernateCustomerDao(BenchDatabase db) {
        if (db.target() == BenchDatabase.Target.MARIADB) {
            throw new IllegalArgumentException("the Hibernate peer maps UUID columns natively; MariaDB stores CHAR(36)");
        }
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        HibernatePersistenceConfiguration config = new HibernatePersistenceConfiguration("cim4j-bench-" + db.schema())
                .managedClass(CustomerEntity.class)
                .property("hibernate.connection.datasource", db.dataSource())
                .property("hibernate.default_schema", db.schema())
                .property("hibernate.hbm2ddl.auto", "none")
                .property("jakarta.persistence.schema-generation.database.action", "none")
                .property("hibernate.cache.use_second_level_cache", "false")
                .property("hibernate.cache.use_query_cache", "false")
                .property("hibernate.jdbc.batch_size", "1000")
                .property("hibernate.order_inserts", "true")
                .property("hibernate.show_sql", "false")
                .property("hibernate.generate_statistics", "false");
        this.emf = config.createEntityManagerFactory();
    }

    /** The customer and its children, converted to the raw peer's record so results can be compared. */
    public Optional<RawCustomer> get(String tenantId, UUID id) {
        EntityManager em = emf.createEntityManager();
        try {
            em.unwrap(Session.class).setDefaultReadOnly(true);
            em.getTransaction().begin();
            CustomerEntity e = em.find(CustomerEntity.class, new CustomerKey(tenantId, id));
            Optional<RawCustomer> result = Optional.empty();
            if (e != null) {
                Hibernate.initialize(e.contacts);
                Hibernate.initialize(e.addresses);
                Hibernate.initialize(e.externalIds);
                Hibernate.initialize(e.attributes);
                Hibernate.initialize(e.tags);
                result = Optional.of(toRaw(e));
            }
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException ex) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw ex;
        } finally {
            em.close();
        }
    }

    private static RawCustomer toRaw(CustomerEntity e) {
        return new RawCustomer(e.key.tenantId(), e.key.id(), e.version, e.status, e.mergedInto, e.stage, e.displayName,
                e.givenName, e.familyName, e.birthDate, e.gender, e.sourceChannel,
                e.createdAt.toInstant(ZoneOffset.UTC), e.updatedAt.toInstant(ZoneOffset.UTC),
                e.contacts.stream().map(c -> new RawCustomer.Contact(c.type, c.value, c.primary, c.verified)).toList(),
                e.addresses.stream().map(a -> new RawCustomer.Address(a.label, decode(a.lines), a.city, a.region,
                        a.postalCode, a.countryCode, a.primary)).toList(),
                e.externalIds.stream().map(x -> x.system + ":" + x.value).collect(Collectors.toSet()),
                e.attributes.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        x -> new RawCustomer.Attribute(x.getValue().type, x.getValue().text))),
                e.tags);
    }

    private static java.util.List<String> decode(String lines) {
        return org.cim4j.jdbc.internal.Lines.decode(lines);
    }

    @Override
    public void close() {
        emf.close();
    }
}

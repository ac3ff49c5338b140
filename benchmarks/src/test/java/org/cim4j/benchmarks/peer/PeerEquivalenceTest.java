package org.cim4j.benchmarks.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cim4j.DuplicateException;
import org.cim4j.benchmarks.BenchDatabase;
import org.cim4j.benchmarks.CustomerFactory;
import org.cim4j.benchmarks.peer.hibernate.HibernateCustomerDao;
import org.cim4j.benchmarks.suites.Fixture;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.ExternalId;
import org.cim4j.customer.NewCustomer;
import org.cim4j.jdbc.internal.Lines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The peers are only a fair baseline if they read and write what cim4j does: the raw DAO and
 * Hibernate must read back exactly the customer cim4j returns, and what the raw DAO writes must be a
 * valid cim4j customer (including its unique keys).
 */
class PeerEquivalenceTest {
    private static Fixture f;
    private static RawJdbcCustomerDao raw;
    private static HibernateCustomerDao hibernate;

    @BeforeAll
    static void open() {
        f = Fixture.open(BenchDatabase.Target.H2, "peer_test", 42);
        raw = new RawJdbcCustomerDao(f.db);
        hibernate = new HibernateCustomerDao(f.db);
    }

    @AfterAll
    static void close() {
        hibernate.close();
        f.close();
    }

    @Test
    void get_rawAndHibernateReturnWhatCim4jReturns() throws Exception {
        List<CustomerId> ids = f.load(3);

        for (CustomerId id : ids) {
            RawCustomer expected = RawCustomer.from(f.crm.customers().get(id));
            assertThat(expected.contacts()).hasSize(2);
            assertThat(expected.addresses()).hasSize(1);
            assertThat(expected.externalIds()).hasSize(1);
            assertThat(expected.attributes()).containsKey(CustomerFactory.ATTRIBUTE);
            assertThat(expected.tags()).containsExactly(f.tag.value());

            assertThat(raw.get(f.tenant, id.value())).contains(expected);
            assertThat(hibernate.get(f.tenant, id.value())).contains(expected);
        }
    }

    @Test
    void get_unknownId_isEmpty() throws Exception {
        UUID unknown = UUID.fromString("00000000-0000-7000-8000-000000000001");

        assertThat(raw.get(f.tenant, unknown)).isEmpty();
        assertThat(hibernate.get(f.tenant, unknown)).isEmpty();
    }

    @Test
    void insertBatch_writesCustomersCim4jReadsAndKeysItEnforces() throws Exception {
        CustomerFactory factory = new CustomerFactory(42, 5, f.tag);
        List<NewCustomer> input = factory.next(2);
        Instant now = Instant.parse("2026-01-02T03:04:05.123456Z");
        List<RawCustomer> rows = List.of(
                RawCustomer.create(f.tenant, UUID.fromString("01900000-0000-7000-8000-000000000001"), input.get(0), now),
                RawCustomer.create(f.tenant, UUID.fromString("01900000-0000-7000-8000-000000000002"), input.get(1), now));

        raw.insertBatch(rows);

        for (RawCustomer r : rows) {
            Customer c = f.crm.customers().get(CustomerId.of(r.id()));
            assertThat(RawCustomer.from(c)).isEqualTo(r);
            ExternalId ext = c.externalIds().iterator().next();
            assertThat(f.crm.customers().findByExternalId(ext)).map(Customer::id).contains(c.id());
        }
        // The customer_unique_key rows the raw peer wrote make cim4j refuse a second holder of the e-mail.
        NewCustomer clash = NewCustomer.builder().name("Clash").email(input.get(0).contacts().get(0).value()).build();
        assertThatThrownBy(() -> f.crm.customers().create(clash)).isInstanceOf(DuplicateException.class);
    }

    @Test
    void insert_single_roundTrips() throws Exception {
        NewCustomer n = new CustomerFactory(42, 6, null).next();
        RawCustomer row = RawCustomer.create(f.tenant, UUID.fromString("01900000-0000-7000-8000-000000000003"), n,
                Instant.parse("2026-01-02T03:04:05Z"));

        raw.insert(row);

        assertThat(raw.get(f.tenant, row.id())).contains(row);
        assertThat(RawCustomer.from(f.crm.customers().get(CustomerId.of(row.id())))).isEqualTo(row);
    }

    @Test
    void linesCodec_matchesCim4jEscaping() {
        List<String> lines = List.of("a\\b", "two\nlines", "");

        assertThat(Lines.decode(Lines.encode(lines))).isEqualTo(lines);
        assertThat(Lines.encode(List.of())).isNull();
    }
}

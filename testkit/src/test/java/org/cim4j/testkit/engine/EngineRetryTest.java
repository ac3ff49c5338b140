package org.cim4j.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cim4j.Cim4j;
import org.cim4j.IdGenerator;
import org.cim4j.commerce.Money;
import org.cim4j.commerce.NewPurchase;
import org.cim4j.commerce.Purchase;
import org.cim4j.commerce.PurchaseLine;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.NewCustomer;
import org.cim4j.event.CustomerEvents;
import org.cim4j.event.DomainEvent;
import org.cim4j.memory.InMemoryStorage;
import org.cim4j.testkit.MutableClock;
import org.cim4j.testkit.RerunningProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The engine's units of work tolerate an adapter that re-runs them after a transient failure:
 * ids and times are fixed before the first run, and events of the rolled-back run are discarded.
 */
class EngineRetryTest {

    @Test
    @DisplayName("a re-run unit of work stores one customer and publishes one event")
    void create_rerunByAdapter() {
        RerunningProvider storage = new RerunningProvider(InMemoryStorage.create());
        MutableClock clock = MutableClock.startingAtDefault();
        try (Cim4j crm = Cim4j.builder().storage(storage).clock(clock).idGenerator(IdGenerator.seeded(clock, 1)).build()) {
            List<DomainEvent> events = new CopyOnWriteArrayList<>();
            crm.events().subscribe(DomainEvent.class, events::add);
            storage.rerunNextWrites(1);

            Customer c = crm.customers().create(NewCustomer.builder().name("A").email("a@example.com").build());

            assertThat(storage.reruns()).isEqualTo(1);
            assertThat(crm.customers().count(CustomerQuery.all())).isEqualTo(1);
            assertThat(crm.customers().get(c.id())).isEqualTo(c);
            assertThat(events).singleElement()
                    .satisfies(e -> assertThat(((CustomerEvents.CustomerCreated) e).customer()).isEqualTo(c));
        }
    }

    @Test
    @DisplayName("a re-run refund is applied once")
    void refund_rerunByAdapter() {
        RerunningProvider storage = new RerunningProvider(InMemoryStorage.create());
        MutableClock clock = MutableClock.startingAtDefault();
        try (Cim4j crm = Cim4j.builder().storage(storage).clock(clock).idGenerator(IdGenerator.seeded(clock, 2)).build()) {
            Customer c = crm.customers().create(NewCustomer.builder().name("A").build());
            Purchase p = crm.purchases().record(new NewPurchase(c.id(), "R-1", org.cim4j.Channel.POS, null, null,
                    List.of(PurchaseLine.of("A", null, 1, Money.of("10.00", "EUR")))));
            List<DomainEvent> events = new CopyOnWriteArrayList<>();
            crm.events().subscribe(DomainEvent.class, events::add);
            storage.rerunNextWrites(2);

            crm.purchases().refund(p.id(), Money.of("3.00", "EUR"));
            crm.tags().assign(c.id(), crm.tags().create(org.cim4j.tag.NewTag.of("VIP")).id());

            assertThat(crm.purchases().get(p.id()).refunded()).isEqualTo(Money.of("3.00", "EUR"));
            assertThat(events).extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("PurchaseRefunded", "TagAssigned");
        }
    }
}

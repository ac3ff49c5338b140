package org.cim4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cim4j.testkit.contract.ServiceFixtures.customer;
import static org.cim4j.testkit.contract.ServiceFixtures.purchase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cim4j.Cim4j;
import org.cim4j.Cim4jScope;
import org.cim4j.DuplicateException;
import org.cim4j.Principal;
import org.cim4j.ValidationException;
import org.cim4j.commerce.Money;
import org.cim4j.commerce.Purchase;
import org.cim4j.customer.Customer;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.customer.NewCustomer;
import org.cim4j.event.ActivityEvents;
import org.cim4j.event.CustomerEvents;
import org.cim4j.event.DomainEvent;
import org.cim4j.event.EventBus;
import org.cim4j.interaction.InteractionType;
import org.cim4j.interaction.NewInteraction;
import org.cim4j.tag.NewTag;
import org.cim4j.tag.Tag;
import org.cim4j.testkit.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Domain events on the adapter under test: published synchronously after the unit of work
 * committed, never for a failed one, with tenant, actor and time; failing listeners do not break
 * the call or other listeners; subscriptions filter by type and can be closed.
 */
public abstract class EventContract extends AdapterContract {

    @Test
    @DisplayName("CustomerCreated is published after commit: the listener can already read the customer")
    void create_publishedAfterCommit() {
        Cim4j crm = crm();
        List<Optional<Customer>> seenByListener = new ArrayList<>();
        crm.events().subscribe(CustomerEvents.CustomerCreated.class,
                e -> seenByListener.add(crm.customers().find(e.customer().id())));

        Customer c = crm.customers().create(customer(1));

        assertThat(seenByListener).containsExactly(Optional.of(c));
    }

    @Test
    void events_carryTenantActorAndTime() {
        Cim4j crm = crm();
        List<DomainEvent> events = new CopyOnWriteArrayList<>();
        crm.events().subscribe(DomainEvent.class, events::add);
        Cim4jScope agent = crm.as(Principal.of("agent-7", TENANT, "agent"));

        Customer c = agent.customers().create(customer(1));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e).isInstanceOf(CustomerEvents.CustomerCreated.class);
            assertThat(e.tenant()).isEqualTo(TENANT);
            assertThat(e.actor()).isEqualTo("agent-7");
            assertThat(e.occurredAt()).isEqualTo(MutableClock.DEFAULT_START);
            assertThat(((CustomerEvents.CustomerCreated) e).customer()).isEqualTo(c);
        });
    }

    @Test
    @DisplayName("a failed unit of work publishes nothing")
    void failedWork_publishesNothing() {
        Cim4j crm = crm();
        crm.customers().create(customer(1));
        List<DomainEvent> events = new CopyOnWriteArrayList<>();
        crm.events().subscribe(DomainEvent.class, events::add);

        assertThatThrownBy(() -> crm.customers().create(customer(1))).isInstanceOf(DuplicateException.class);
        assertThatThrownBy(() -> crm.customers().createAll(List.of(customer(2), customer(1))))
                .isInstanceOf(DuplicateException.class);
        assertThatThrownBy(() -> crm.customers().create(NewCustomer.builder().name("").build()))
                .isInstanceOf(ValidationException.class);

        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("a throwing listener neither breaks the call nor stops other listeners")
    void throwingListener_isIsolated() {
        Cim4j crm = crm();
        List<DomainEvent> events = new CopyOnWriteArrayList<>();
        crm.events().subscribe(DomainEvent.class, e -> {
            throw new IllegalStateException("listener bug");
        });
        crm.events().subscribe(DomainEvent.class, events::add);

        Customer c = crm.customers().create(customer(1));

        assertThat(crm.customers().get(c.id())).isEqualTo(c);
        assertThat(events).hasSize(1);
    }

    @Test
    void subscription_filtersByTypeAndCloses() {
        Cim4j crm = crm();
        List<ActivityEvents.TagAssigned> assigned = new CopyOnWriteArrayList<>();
        EventBus.Subscription sub = crm.events().subscribe(ActivityEvents.TagAssigned.class, assigned::add);
        Customer c = crm.customers().create(customer(1));
        Tag vip = crm.tags().create(NewTag.of("VIP"));
        Tag gold = crm.tags().create(NewTag.of("gold"));

        crm.tags().assign(c.id(), vip.id());
        sub.close();
        sub.close();
        crm.tags().assign(c.id(), gold.id());

        assertThat(assigned).singleElement().satisfies(e -> {
            assertThat(e.customerId()).isEqualTo(c.id());
            assertThat(e.tag()).isEqualTo(vip.id());
        });
    }

    @Test
    @DisplayName("tag events fire only when the assignment changed")
    void tagEvents_onlyOnChange() {
        Cim4j crm = crm();
        List<DomainEvent> events = new CopyOnWriteArrayList<>();
        Customer c = crm.customers().create(customer(1));
        Tag vip = crm.tags().create(NewTag.of("VIP"));
        crm.events().subscribe(DomainEvent.class, events::add);

        crm.tags().assign(c.id(), vip.id());
        crm.tags().assign(c.id(), vip.id());
        crm.tags().unassign(c.id(), vip.id());
        crm.tags().unassign(c.id(), vip.id());

        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("TagAssigned", "TagUnassigned");
    }

    @Test
    void updateAndDelete_publishBeforeAndAfter() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        List<DomainEvent> events = new CopyOnWriteArrayList<>();
        crm.events().subscribe(DomainEvent.class, events::add);

        Customer updated = crm.customers().update(c.withStage(LifecycleStage.PROSPECT));
        Customer deleted = crm.customers().delete(c.id());
        crm.customers().delete(c.id());

        assertThat(events).hasSize(2);
        CustomerEvents.CustomerUpdated u = (CustomerEvents.CustomerUpdated) events.get(0);
        assertThat(u.before()).isEqualTo(c);
        assertThat(u.after()).isEqualTo(updated);
        assertThat(((CustomerEvents.CustomerDeleted) events.get(1)).customer()).isEqualTo(deleted);
    }

    @Test
    void activityEvents_forInteractionsPurchasesAndRefunds() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        List<DomainEvent> events = new CopyOnWriteArrayList<>();
        crm.events().subscribe(DomainEvent.class, events::add);

        crm.interactions().record(NewInteraction.builder(c.id(), InteractionType.CALL).build());
        Purchase p = crm.purchases().record(purchase(c.id(), "R-1", "10.00", "EUR", 1));
        crm.purchases().refund(p.id(), Money.of("4.00", "EUR"));
        assertThatThrownBy(() -> crm.purchases().refund(p.id(), Money.of("7.00", "EUR")))
                .isInstanceOf(ValidationException.class);

        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("InteractionRecorded", "PurchaseRecorded", "PurchaseRefunded");
        ActivityEvents.PurchaseRefunded refund = (ActivityEvents.PurchaseRefunded) events.get(2);
        assertThat(refund.amount()).isEqualTo(Money.of("4.00", "EUR"));
        assertThat(refund.purchase().refunded()).isEqualTo(Money.of("4.00", "EUR"));
    }

    @Test
    @DisplayName("createAll publishes one CustomerCreated per customer, in input order")
    void createAll_publishesEach() {
        Cim4j crm = crm();
        List<CustomerEvents.CustomerCreated> events = new CopyOnWriteArrayList<>();
        crm.events().subscribe(CustomerEvents.CustomerCreated.class, events::add);

        List<Customer> created = crm.customers().createAll(List.of(customer(1), customer(2), customer(3)));

        assertThat(events).extracting(CustomerEvents.CustomerCreated::customer).containsExactlyElementsOf(created);
    }
}

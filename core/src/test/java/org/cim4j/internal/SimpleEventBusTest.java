package org.cim4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cim4j.TenantId;
import org.cim4j.customer.CustomerId;
import org.cim4j.event.ActivityEvents;
import org.cim4j.event.DomainEvent;
import org.cim4j.event.EventBus;
import org.cim4j.tag.TagId;
import org.junit.jupiter.api.Test;

class SimpleEventBusTest {
    private static final DomainEvent ASSIGNED = new ActivityEvents.TagAssigned(TenantId.DEFAULT, Instant.EPOCH, "system",
            CustomerId.of("00000000-0000-7000-8000-000000000001"), TagId.of("00000000-0000-7000-8000-000000000002"));
    private static final DomainEvent UNASSIGNED = new ActivityEvents.TagUnassigned(TenantId.DEFAULT, Instant.EPOCH,
            "system", CustomerId.of("00000000-0000-7000-8000-000000000001"),
            TagId.of("00000000-0000-7000-8000-000000000002"));

    @Test
    void deliversByTypeInSubscriptionOrder_andSurvivesFailingListeners() {
        SimpleEventBus bus = new SimpleEventBus();
        List<String> calls = new ArrayList<>();
        bus.subscribe(DomainEvent.class, e -> calls.add("all:" + e.getClass().getSimpleName()));
        bus.subscribe(ActivityEvents.TagAssigned.class, e -> {
            throw new IllegalStateException("boom");
        });
        bus.subscribe(ActivityEvents.TagAssigned.class, e -> calls.add("assigned"));

        bus.publish(List.of(ASSIGNED, UNASSIGNED));

        assertThat(calls).containsExactly("all:TagAssigned", "assigned", "all:TagUnassigned");
    }

    @Test
    void closedSubscriptionReceivesNothing() {
        SimpleEventBus bus = new SimpleEventBus();
        List<DomainEvent> seen = new ArrayList<>();
        EventBus.Subscription s = bus.subscribe(DomainEvent.class, seen::add);
        s.close();
        s.close();

        bus.publish(List.of(ASSIGNED));

        assertThat(seen).isEmpty();
        assertThat(bus.listenerCount()).isZero();
    }
}

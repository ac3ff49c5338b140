package org.cim4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cim4j.testkit.contract.ServiceFixtures.customer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cim4j.Channel;
import org.cim4j.Cim4j;
import org.cim4j.NotFoundException;
import org.cim4j.Page;
import org.cim4j.PageRequest;
import org.cim4j.ValidationException;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.interaction.Direction;
import org.cim4j.interaction.Interaction;
import org.cim4j.interaction.InteractionId;
import org.cim4j.interaction.InteractionQuery;
import org.cim4j.interaction.InteractionType;
import org.cim4j.interaction.NewInteraction;
import org.cim4j.testkit.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Interaction service behaviour on the adapter under test: recording (single and atomic batches)
 * for active customers only, newest-first timelines with opaque cursors, counting, and tenant
 * isolation.
 */
public abstract class InteractionServiceContract extends AdapterContract {

    @Test
    void record_storesAndFinds() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        Instant at = MutableClock.DEFAULT_START.minus(Duration.ofHours(2)).plusNanos(987_654_321);

        Interaction i = crm.interactions().record(NewInteraction.builder(c.id(), InteractionType.CALL)
                .direction(Direction.OUTBOUND).occurredAt(at).subject("Follow-up").outcome("resolved")
                .csat(4).nps(9).agent("agent-7").build());

        assertThat(i.occurredAt()).isEqualTo(at.minusNanos(321));
        assertThat(i.recordedAt()).isEqualTo(MutableClock.DEFAULT_START);
        assertThat(i.channel()).isEqualTo(Channel.PHONE);
        assertThat(i.tenant()).isEqualTo(TENANT);
        assertThat(crm.interactions().find(i.id())).contains(i);
    }

    @Test
    void record_withoutTime_happenedNow() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        clock().advance(Duration.ofMinutes(3));

        Interaction i = crm.interactions().record(NewInteraction.builder(c.id(), InteractionType.PAGE_VIEW).build());

        assertThat(i.occurredAt()).isEqualTo(MutableClock.DEFAULT_START.plus(Duration.ofMinutes(3)));
    }

    @Test
    void record_unknownCustomer_notFound() {
        Cim4j crm = crm();
        CustomerId ghost = CustomerId.of("00000000-0000-7000-8000-0000000000cc");

        assertThatThrownBy(() -> crm.interactions().record(NewInteraction.builder(ghost, InteractionType.CHAT).build()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining(ghost.toString());
    }

    @Test
    void record_deletedCustomer_notFound() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        crm.customers().delete(c.id());

        assertThatThrownBy(() -> crm.interactions().record(NewInteraction.builder(c.id(), InteractionType.CHAT).build()))
                .isInstanceOf(NotFoundException.class);
        assertThat(crm.interactions().count(c.id(), InteractionQuery.all())).isZero();
    }

    @Test
    @DisplayName("an interaction more than a day in the future is rejected; just under a day is accepted")
    void record_futureTime() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        Instant tooLate = MutableClock.DEFAULT_START.plus(Duration.ofDays(1)).plusSeconds(1);

        assertThatThrownBy(() -> crm.interactions().record(NewInteraction.builder(c.id(), InteractionType.VISIT)
                .occurredAt(tooLate).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("occurredAt"));
        assertThat(crm.interactions().record(NewInteraction.builder(c.id(), InteractionType.VISIT)
                .occurredAt(MutableClock.DEFAULT_START.plus(Duration.ofHours(23))).build())).isNotNull();
    }

    @Test
    void record_invalidScores_allViolationsNothingStored() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));

        assertThatThrownBy(() -> crm.interactions().record(NewInteraction.builder(c.id(), InteractionType.SURVEY_RESPONSE)
                .csat(6).nps(11).outcome("x".repeat(101)).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("csat", "nps", "outcome"));
        assertThat(crm.interactions().count(c.id(), InteractionQuery.all())).isZero();
    }

    @Test
    @DisplayName("recordAll stores all interactions or none")
    void recordAll_isAtomic() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        CustomerId ghost = CustomerId.of("00000000-0000-7000-8000-0000000000dd");
        List<NewInteraction> batch = List.of(
                NewInteraction.builder(c.id(), InteractionType.CLICK).build(),
                NewInteraction.builder(ghost, InteractionType.CLICK).build());

        assertThatThrownBy(() -> crm.interactions().recordAll(batch)).isInstanceOf(NotFoundException.class);
        assertThat(crm.interactions().count(c.id(), InteractionQuery.all())).isZero();

        List<Interaction> stored = crm.interactions().recordAll(List.of(
                NewInteraction.builder(c.id(), InteractionType.CLICK).build(),
                NewInteraction.builder(c.id(), InteractionType.ADD_TO_CART).build()));
        assertThat(stored).hasSize(2);
        assertThat(crm.interactions().count(c.id(), InteractionQuery.all())).isEqualTo(2);
    }

    @Test
    void recordAll_violationPathsCarryTheIndex() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));

        assertThatThrownBy(() -> crm.interactions().recordAll(List.of(
                NewInteraction.builder(c.id(), InteractionType.CLICK).build(),
                NewInteraction.builder(c.id(), InteractionType.SURVEY_RESPONSE).csat(0).build())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("[1].csat"));
    }

    @Test
    @DisplayName("the timeline is newest first and pages every interaction exactly once")
    void timeline_newestFirstExactlyOnce() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        Customer other = crm.customers().create(customer(2));
        List<InteractionId> recorded = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            Instant at = MutableClock.DEFAULT_START.minus(Duration.ofMinutes(100 - (i / 2) * 5)); // pairs share a time
            recorded.add(crm.interactions().record(NewInteraction.builder(c.id(), InteractionType.EMAIL)
                    .occurredAt(at).build()).id());
        }
        crm.interactions().record(NewInteraction.builder(other.id(), InteractionType.EMAIL).build());

        List<Interaction> seen = new ArrayList<>();
        Set<InteractionId> unique = new HashSet<>();
        PageRequest request = PageRequest.first(4);
        while (true) {
            Page<Interaction> page = crm.interactions().timeline(c.id(), InteractionQuery.all(), request);
            for (Interaction i : page.items()) {
                assertThat(unique.add(i.id())).as("returned twice").isTrue();
                seen.add(i);
            }
            if (!page.hasNext()) {
                break;
            }
            request = request.next(page).orElseThrow();
        }

        assertThat(seen).extracting(Interaction::id).containsExactlyInAnyOrderElementsOf(recorded);
        for (int i = 1; i < seen.size(); i++) {
            Interaction newer = seen.get(i - 1);
            Interaction older = seen.get(i);
            assertThat(newer.occurredAt().isAfter(older.occurredAt())
                    || newer.occurredAt().equals(older.occurredAt()) && newer.id().compareTo(older.id()) > 0).isTrue();
        }
    }

    @Test
    void timeline_filtersByTypeAndPeriod() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        Instant t0 = MutableClock.DEFAULT_START.minus(Duration.ofDays(10));
        crm.interactions().record(NewInteraction.builder(c.id(), InteractionType.CALL).occurredAt(t0).build());
        crm.interactions().record(NewInteraction.builder(c.id(), InteractionType.COMPLAINT)
                .occurredAt(t0.plus(Duration.ofDays(1))).build());
        crm.interactions().record(NewInteraction.builder(c.id(), InteractionType.CALL)
                .occurredAt(t0.plus(Duration.ofDays(2))).build());

        InteractionQuery calls = InteractionQuery.ofTypes(InteractionType.CALL);
        assertThat(crm.interactions().timeline(c.id(), calls, PageRequest.first(10)).items()).hasSize(2);
        assertThat(crm.interactions().count(c.id(), calls)).isEqualTo(2);
        InteractionQuery firstTwoDays = InteractionQuery.all().between(t0, t0.plus(Duration.ofDays(2)));
        assertThat(crm.interactions().count(c.id(), firstTwoDays)).isEqualTo(2);
    }

    @Test
    void timeline_cursorOfAnotherCustomerOrQuery_rejected() {
        Cim4j crm = crm();
        Customer a = crm.customers().create(customer(1));
        Customer b = crm.customers().create(customer(2));
        for (int i = 0; i < 3; i++) {
            crm.interactions().record(NewInteraction.builder(a.id(), InteractionType.CLICK).build());
        }
        String cursor = crm.interactions().timeline(a.id(), InteractionQuery.all(), PageRequest.first(1)).next();

        assertThatThrownBy(() -> crm.interactions().timeline(b.id(), InteractionQuery.all(), PageRequest.after(cursor, 1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cursor");
        assertThatThrownBy(() -> crm.interactions().timeline(a.id(), InteractionQuery.ofTypes(InteractionType.CLICK),
                PageRequest.after(cursor, 1))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> crm.purchases().history(a.id(), PageRequest.after(cursor, 1)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void timeline_unknownCustomer_notFound() {
        Cim4j crm = crm();
        assertThatThrownBy(() -> crm.interactions().timeline(CustomerId.of("00000000-0000-7000-8000-0000000000ee"),
                InteractionQuery.all(), PageRequest.first())).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("another tenant cannot record for, read or count the customer's interactions")
    void tenantIsolation() {
        Cim4j crm = crm();
        Customer c = crm.customers().create(customer(1));
        Interaction i = crm.interactions().record(NewInteraction.builder(c.id(), InteractionType.CALL).build());
        Cim4j other = crm(OTHER_TENANT);

        assertThatThrownBy(() -> other.interactions().record(NewInteraction.builder(c.id(), InteractionType.CALL).build()))
                .isInstanceOf(NotFoundException.class);
        assertThat(other.interactions().find(i.id())).isEmpty();
        assertThatThrownBy(() -> other.interactions().timeline(c.id(), InteractionQuery.all(), PageRequest.first()))
                .isInstanceOf(NotFoundException.class);
        assertThat(other.interactions().count(c.id(), InteractionQuery.all())).isZero();
        assertThat(crm.interactions().count(c.id(), InteractionQuery.all())).isEqualTo(1);
    }
}

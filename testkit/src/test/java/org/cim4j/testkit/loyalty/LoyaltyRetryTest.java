package org.cim4j.testkit.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cim4j.Cim4j;
import org.cim4j.IdGenerator;
import org.cim4j.TenantId;
import org.cim4j.customer.CustomerId;
import org.cim4j.event.DomainEvent;
import org.cim4j.loyalty.EarnReason;
import org.cim4j.loyalty.EntryKind;
import org.cim4j.loyalty.IdempotencyKey;
import org.cim4j.loyalty.LedgerEntry;
import org.cim4j.loyalty.LoyaltyEvents;
import org.cim4j.loyalty.LoyaltyService;
import org.cim4j.loyalty.Points;
import org.cim4j.memory.InMemoryStorage;
import org.cim4j.testkit.MutableClock;
import org.cim4j.testkit.RerunningProvider;
import org.cim4j.testkit.contract.LoyaltyFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Loyalty commands re-run by an adapter after a transient failure are applied and announced once. */
class LoyaltyRetryTest {

    @Test
    @DisplayName("re-run earn and redeem write one entry each and publish one event each")
    void commands_rerunByAdapter() {
        RerunningProvider storage = new RerunningProvider(InMemoryStorage.create());
        MutableClock clock = MutableClock.startingAtDefault();
        try (Cim4j crm = Cim4j.builder().storage(storage).clock(clock).idGenerator(IdGenerator.seeded(clock, 3))
                .build()) {
            LoyaltyService loyalty = crm.loyalty();
            loyalty.defineProgram(LoyaltyFixtures.teaClub());
            CustomerId c = LoyaltyFixtures.customer(storage, TenantId.DEFAULT, new UUID(3, 3), clock.instant());
            loyalty.enrol(LoyaltyFixtures.TEA_CLUB, c);
            List<DomainEvent> events = new CopyOnWriteArrayList<>();
            crm.events().subscribe(DomainEvent.class, events::add);
            storage.rerunNextWrites(2);

            loyalty.earn(LoyaltyFixtures.TEA_CLUB, c, Points.of(300), EarnReason.manual("x"), IdempotencyKey.of("e"));
            loyalty.redeem(LoyaltyFixtures.TEA_CLUB, c, Points.of(100), null, IdempotencyKey.of("r"));

            assertThat(storage.reruns()).isEqualTo(2);
            assertThat(loyalty.ledger(LoyaltyFixtures.TEA_CLUB, c)).extracting(LedgerEntry::kind)
                    .containsExactly(EntryKind.EARN, EntryKind.EARN, EntryKind.REDEEM);
            assertThat(loyalty.balance(LoyaltyFixtures.TEA_CLUB, c)).isEqualTo(Points.of(250));
            assertThat(events).extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("PointsEarned", "PointsRedeemed");
            assertThat(((LoyaltyEvents.PointsRedeemed) events.get(1)).balance()).isEqualTo(Points.of(250));
        }
    }
}

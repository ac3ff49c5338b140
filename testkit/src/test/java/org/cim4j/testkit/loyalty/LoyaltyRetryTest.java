package org.cim4j.testkit.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.cim4j.Cim4j;
import org.cim4j.DuplicateException;
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
import org.cim4j.spi.CustomerStore;
import org.cim4j.spi.InteractionStore;
import org.cim4j.spi.LoyaltyStore;
import org.cim4j.spi.PurchaseStore;
import org.cim4j.spi.StorageProvider;
import org.cim4j.spi.Stores;
import org.cim4j.spi.TagStore;
import org.cim4j.testkit.MutableClock;
import org.cim4j.testkit.RerunningProvider;
import org.cim4j.testkit.broken.ForwardingStorage;
import org.cim4j.testkit.contract.LoyaltyFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Loyalty commands re-run by an adapter after a transient failure, or by the engine after their ledger
 * sequence was taken, are applied and announced once.
 */
class LoyaltyRetryTest {

    @Test
    @DisplayName("re-run earn and redeem write one entry each and publish one event each")
    void commands_rerunByAdapter() {
        RerunningProvider storage = new RerunningProvider(InMemoryStorage.create());
        Member m = enrolledMember(storage, 3);
        try (Cim4j crm = m.crm()) {
            LoyaltyService loyalty = crm.loyalty();
            CustomerId c = m.customer();
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

    @Test
    @DisplayName("a command whose ledger sequence was taken (a lock that did not order two commands) runs again, once")
    void command_rerunAfterSequenceClash() {
        SequenceClashes storage = new SequenceClashes(InMemoryStorage.create());
        Member m = enrolledMember(storage, 4);
        try (Cim4j crm = m.crm()) {
            LoyaltyService loyalty = crm.loyalty();
            CustomerId c = m.customer();
            List<DomainEvent> events = new CopyOnWriteArrayList<>();
            crm.events().subscribe(DomainEvent.class, events::add);
            storage.clashes.set(3);

            loyalty.earn(LoyaltyFixtures.TEA_CLUB, c, Points.of(300), EarnReason.manual("x"), IdempotencyKey.of("e"));

            assertThat(storage.clashes.get()).isZero();
            assertThat(loyalty.ledger(LoyaltyFixtures.TEA_CLUB, c)).extracting(LedgerEntry::kind, LedgerEntry::delta)
                    .containsExactly(tuple(EntryKind.EARN, 50L), tuple(EntryKind.EARN, 300L)); // sign-up bonus, the earn
            assertThat(loyalty.balance(LoyaltyFixtures.TEA_CLUB, c)).isEqualTo(Points.of(350));
            assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("PointsEarned");
        }
    }

    @Test
    @DisplayName("a sequence that stays taken surfaces as DuplicateException after the engine's attempts, writing nothing")
    void command_givesUpOnPersistentSequenceClash() {
        SequenceClashes storage = new SequenceClashes(InMemoryStorage.create());
        Member m = enrolledMember(storage, 5);
        try (Cim4j crm = m.crm()) {
            LoyaltyService loyalty = crm.loyalty();
            CustomerId c = m.customer();
            List<LedgerEntry> before = loyalty.ledger(LoyaltyFixtures.TEA_CLUB, c);
            Points balance = loyalty.balance(LoyaltyFixtures.TEA_CLUB, c);
            storage.clashes.set(Integer.MAX_VALUE);

            assertThatThrownBy(() -> loyalty.earn(LoyaltyFixtures.TEA_CLUB, c, Points.of(300), EarnReason.manual("x"),
                    IdempotencyKey.of("e")))
                    .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("sequence"));
            assertThat(Integer.MAX_VALUE - storage.clashes.get()).as("attempts").isEqualTo(10);
            storage.clashes.set(0);
            assertThat(loyalty.ledger(LoyaltyFixtures.TEA_CLUB, c)).isEqualTo(before);
            assertThat(loyalty.balance(LoyaltyFixtures.TEA_CLUB, c)).isEqualTo(balance);
        }
    }

    private record Member(Cim4j crm, CustomerId customer) {
    }

    /** A host over {@code storage} with the tea club defined and one enrolled member. */
    private static Member enrolledMember(StorageProvider storage, int seed) {
        MutableClock clock = MutableClock.startingAtDefault();
        Cim4j crm = Cim4j.builder().storage(storage).clock(clock).idGenerator(IdGenerator.seeded(clock, seed)).build();
        crm.loyalty().defineProgram(LoyaltyFixtures.teaClub());
        CustomerId c = LoyaltyFixtures.customer(storage, TenantId.DEFAULT, new UUID(seed, seed), clock.instant());
        crm.loyalty().enrol(LoyaltyFixtures.TEA_CLUB, c);
        return new Member(crm, c);
    }

    /**
     * Appends each ledger entry, then, while {@link #clashes} is positive, fails the unit as a store does
     * when another command already holds the entry's sequence; the adapter rolls the unit back.
     */
    private static final class SequenceClashes extends ForwardingStorage {
        final AtomicInteger clashes = new AtomicInteger();

        SequenceClashes(StorageProvider delegate) {
            super(delegate);
        }

        @Override
        protected Stores wrap(Stores stores) {
            LoyaltyStore real = stores.loyalty();
            LoyaltyStore clashing = (LoyaltyStore) Proxy.newProxyInstance(LoyaltyStore.class.getClassLoader(),
                    new Class<?>[] {LoyaltyStore.class}, (proxy, method, args) -> {
                        Object result = invoke(real, method, args);
                        if (method.getName().equals("appendEntry")
                                && clashes.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
                            throw new DuplicateException("ledger entry", "sequence", null);
                        }
                        return result;
                    });
            return new Stores() {
                @Override
                public CustomerStore customers() {
                    return stores.customers();
                }

                @Override
                public InteractionStore interactions() {
                    return stores.interactions();
                }

                @Override
                public PurchaseStore purchases() {
                    return stores.purchases();
                }

                @Override
                public TagStore tags() {
                    return stores.tags();
                }

                @Override
                public LoyaltyStore loyalty() {
                    return clashing;
                }
            };
        }

        private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}

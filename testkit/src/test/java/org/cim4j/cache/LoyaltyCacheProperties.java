package org.cim4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cim4j.testkit.contract.LoyaltyFixtures.TEA_CLUB;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.cim4j.Cim4j;
import org.cim4j.Cim4jException;
import org.cim4j.IdGenerator;
import org.cim4j.TenantId;
import org.cim4j.customer.CustomerId;
import org.cim4j.loyalty.EarnReason;
import org.cim4j.loyalty.IdempotencyKey;
import org.cim4j.loyalty.LoyaltyProgram;
import org.cim4j.loyalty.MemberAccount;
import org.cim4j.loyalty.Points;
import org.cim4j.memory.InMemoryStorage;
import org.cim4j.testkit.MutableClock;
import org.cim4j.testkit.contract.LoyaltyFixtures;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random sequences of enrolments, earns, redeems, rolled-back account writes, program redefinitions,
 * clock moves and reads on two cached instances sharing one store and an in-process bus: every
 * balance, account and program list a cached instance answers must equal what an uncached instance
 * reads from the store at that moment. Two-entry account caches make evictions frequent.
 */
class LoyaltyCacheProperties {
    private static final TenantId TENANT = TenantId.of("shop-1");

    @Property(tries = 40)
    void cachedLoyaltyReads_equalUncachedReads(@ForAll long seed) {
        Random random = new Random(seed);
        MutableClock clock = MutableClock.startingAtDefault();
        InMemoryStorage storage = InMemoryStorage.create();
        InProcessInvalidationBus bus = InProcessInvalidationBus.create();
        CacheSettings settings = CacheSettings.builder().loyaltyAccountMaximumSize(2)
                .negativeTtl(Duration.ofSeconds(5)).invalidationBus(bus).build();
        List<Cim4j> hosts = new ArrayList<>();
        try {
            hosts.add(host(storage, settings, clock, seed));
            hosts.add(host(storage, settings, clock, seed + 1));
            Cim4j uncached = host(storage, CacheSettings.off(), clock, seed + 2);
            hosts.add(uncached);
            uncached.loyalty().defineProgram(program(0));
            List<CustomerId> members = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                members.add(LoyaltyFixtures.customer(storage, TENANT, new UUID(seed, i), clock.instant()));
            }
            for (int step = 0; step < 50; step++) {
                Cim4j host = hosts.get(random.nextInt(2));
                CustomerId c = members.get(random.nextInt(members.size()));
                IdempotencyKey key = IdempotencyKey.of("p-" + step);
                int op = random.nextInt(10);
                try {
                    switch (op) {
                        case 0:
                            host.loyalty().enrol(TEA_CLUB, c);
                            break;
                        case 1:
                        case 2:
                            host.loyalty().earn(TEA_CLUB, c, Points.of(1 + random.nextInt(600)),
                                    EarnReason.manual("p"), key);
                            break;
                        case 3:
                            host.loyalty().redeem(TEA_CLUB, c, Points.of(100 + random.nextInt(300)), null, key);
                            break;
                        case 4:
                            rolledBackWrite(host, c, random.nextInt(2) == 0);
                            break;
                        case 5:
                            host.loyalty().defineProgram(program(random.nextInt(3)));
                            break;
                        case 6:
                            clock.advance(Duration.ofSeconds(random.nextInt(8)));
                            break;
                        default:
                            break;
                    }
                } catch (Cim4jException | RolledBack expected) {
                    // not enrolled, not enough points, below the minimum, rolled back: nothing committed
                }
                Cim4j reader = hosts.get(random.nextInt(2));
                Optional<MemberAccount> expected = uncached.loyalty().findAccount(TEA_CLUB, c);
                assertThat(reader.loyalty().findAccount(TEA_CLUB, c)).as("step %d, op %d", step, op)
                        .isEqualTo(expected);
                if (expected.isPresent()) {
                    assertThat(reader.loyalty().balance(TEA_CLUB, c)).isEqualTo(expected.get().points());
                    assertThat(reader.loyalty().benefits(TEA_CLUB, c))
                            .isEqualTo(uncached.loyalty().benefits(TEA_CLUB, c));
                }
                assertThat(reader.loyalty().programs()).isEqualTo(uncached.loyalty().programs());
            }
            assertThat(hosts.subList(0, 2)).anySatisfy(h -> assertThat(h.cacheStats())
                    .filteredOn(s -> s.cache().equals("loyaltyAccounts")).allSatisfy(s -> assertThat(s.hits()).isPositive()));
        } finally {
            hosts.forEach(Cim4j::close);
            storage.close();
        }
    }

    private static Cim4j host(InMemoryStorage storage, CacheSettings settings, MutableClock clock, long seed) {
        return Cim4j.builder()
                .sharedStorage(storage)
                .cache(settings)
                .clock(clock)
                .idGenerator(IdGenerator.seeded(clock, seed))
                .tenant(TENANT)
                .build();
    }

    /** The tea club in one of a few variants, so redefinitions change what is cached. */
    private static LoyaltyProgram program(int variant) {
        LoyaltyProgram p = LoyaltyFixtures.teaClub();
        return variant == 0 ? p : p.withEarnOnPurchase(variant == 1);
    }

    /** Writes an account and a program through the host's cache, then rolls back. */
    private static void rolledBackWrite(Cim4j host, CustomerId c, boolean program) {
        host.storage().write(s -> {
            Optional<MemberAccount> locked = s.loyalty().lockAccount(TENANT, TEA_CLUB, c);
            locked.ifPresent(a -> s.loyalty().updateAccount(a.withBalance(a.balance() + 1_000_000), a.version()));
            if (program) {
                s.loyalty().saveProgram(TENANT, program(2).withEarnOnPurchase(true));
            }
            throw new RolledBack();
        });
    }

    static final class RolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RolledBack() {
            super("rolled back on purpose");
        }
    }
}

package org.cim4j.testkit.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cim4j.Cim4jException;
import org.cim4j.IdGenerator;
import org.cim4j.Principal;
import org.cim4j.TenantId;
import org.cim4j.customer.CustomerId;
import org.cim4j.internal.LoyaltyEngine;
import org.cim4j.loyalty.EarnReason;
import org.cim4j.loyalty.IdempotencyKey;
import org.cim4j.loyalty.LedgerEntry;
import org.cim4j.loyalty.LoyaltyService;
import org.cim4j.loyalty.Points;
import org.cim4j.memory.InMemoryStorage;
import org.cim4j.testkit.MutableClock;
import org.cim4j.testkit.contract.LoyaltyFixtures;

/** Replaying any command with its key returns the first result and leaves every ledger unchanged. */
class LoyaltyReplayProperties {
    private static final TenantId TENANT = TenantId.of("replay");

    /** kind 0 earn, 1 redeem, 2 reverse latest, 3 adjust; amount; days to wait. */
    record Cmd(int kind, long amount, int days) {
    }

    @Provide
    Arbitrary<List<Cmd>> commands() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.longs().between(100, 900),
                Arbitraries.integers().between(0, 90)).as(Cmd::new).list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 60, edgeCases = EdgeCasesMode.NONE)
    void replayIsANoOp(@ForAll("commands") List<Cmd> cmds) {
        MutableClock clock = MutableClock.startingAtDefault();
        try (InMemoryStorage storage = InMemoryStorage.create()) {
            LoyaltyService svc = new LoyaltyEngine(storage, clock, IdGenerator.seeded(clock, 1),
                    Principal.system(TENANT), e -> { });
            svc.defineProgram(LoyaltyFixtures.teaClub());
            CustomerId c = LoyaltyFixtures.customer(storage, TENANT, new UUID(9, 9), clock.instant());
            List<Supplier<Object>> done = new ArrayList<>();
            List<Object> firstResults = new ArrayList<>();
            int n = 0;
            for (Cmd cmd : cmds) {
                clock.advance(java.time.Duration.ofDays(cmd.days()));
                IdempotencyKey key = IdempotencyKey.of("k" + (++n));
                Supplier<Object> run = command(svc, c, cmd, key);
                if (run == null) {
                    continue;
                }
                Object first;
                try {
                    first = run.get();
                } catch (Cim4jException e) {
                    continue; // failed commands store nothing
                }
                done.add(run);
                firstResults.add(first);
                List<LedgerEntry> ledger = svc.ledger(LoyaltyFixtures.TEA_CLUB, c);
                Points balance = svc.balance(LoyaltyFixtures.TEA_CLUB, c);
                for (int i = 0; i < done.size(); i++) {
                    Object again = done.get(i).get();
                    assertThat(again).usingRecursiveComparison().ignoringFields("replayed")
                            .isEqualTo(firstResults.get(i));
                }
                assertThat(svc.ledger(LoyaltyFixtures.TEA_CLUB, c)).isEqualTo(ledger);
                assertThat(svc.balance(LoyaltyFixtures.TEA_CLUB, c)).isEqualTo(balance);
            }
        }
    }

    private static Supplier<Object> command(LoyaltyService svc, CustomerId c, Cmd cmd, IdempotencyKey key) {
        switch (cmd.kind()) {
            case 0:
                return () -> svc.earn(LoyaltyFixtures.TEA_CLUB, c, Points.of(cmd.amount()), EarnReason.manual("p"), key);
            case 1:
                return () -> svc.redeem(LoyaltyFixtures.TEA_CLUB, c, Points.of(cmd.amount()), null, key);
            case 2: {
                if (svc.findAccount(LoyaltyFixtures.TEA_CLUB, c).isEmpty()) {
                    return null;
                }
                List<LedgerEntry> ledger = svc.ledger(LoyaltyFixtures.TEA_CLUB, c);
                LedgerEntry last = ledger.get(ledger.size() - 1);
                return () -> svc.reverse(LoyaltyFixtures.TEA_CLUB, c, last.id(), null, "undo", key);
            }
            default:
                return () -> svc.adjust(LoyaltyFixtures.TEA_CLUB, c, cmd.amount() % 2 == 0 ? cmd.amount() : -cmd.amount(),
                        "fix", key);
        }
    }
}

package org.cim4j.testkit.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cim4j.testkit.contract.LoyaltyFixtures.TEA_CLUB;
import static org.cim4j.testkit.contract.LoyaltyFixtures.line;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cim4j.Channel;
import org.cim4j.Cim4j;
import org.cim4j.IdGenerator;
import org.cim4j.TenantId;
import org.cim4j.commerce.Money;
import org.cim4j.commerce.NewPurchase;
import org.cim4j.commerce.Purchase;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.NewCustomer;
import org.cim4j.loyalty.BalanceExplanation;
import org.cim4j.loyalty.CriterionProgress;
import org.cim4j.loyalty.EarnEvent;
import org.cim4j.loyalty.EntryKind;
import org.cim4j.loyalty.ExpiryForecast;
import org.cim4j.loyalty.IdempotencyKey;
import org.cim4j.loyalty.LoyaltyService;
import org.cim4j.loyalty.Points;
import org.cim4j.loyalty.QualificationMetric;
import org.cim4j.loyalty.Statement;
import org.cim4j.loyalty.StatementLine;
import org.cim4j.loyalty.TierChangeReason;
import org.cim4j.loyalty.TierExplanation;
import org.cim4j.memory.InMemoryStorage;
import org.cim4j.testkit.MutableClock;
import org.cim4j.testkit.contract.LoyaltyFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The worked example of {@code docs/loyalty.md}: every number in the guide is asserted here. */
class LoyaltyWorkedExampleTest {
    static final TenantId TENANT = TenantId.of("tea-shop");

    static Instant at(String shanghaiLocal) {
        return Instant.parse(shanghaiLocal + "+08:00");
    }

    @Test
    @DisplayName("a month of purchases, a refund, a tier upgrade, the statement and the expiry")
    void januaryOfACustomer() {
        MutableClock clock = MutableClock.at(at("2026-01-01T10:00:00"));
        try (Cim4j crm = Cim4j.builder().storage(InMemoryStorage.create()).clock(clock)
                .idGenerator(IdGenerator.seeded(clock, 2026)).tenant(TENANT).build()) {
            LoyaltyService loyalty = crm.loyalty();
            loyalty.defineProgram(LoyaltyFixtures.teaClub().withEarnOnPurchase(true));
            CustomerId xiaoming = crm.customers().create(NewCustomer.builder().name("王小明")
                    .email("xm@example.com").build()).id();

            loyalty.enrol(TEA_CLUB, xiaoming);                                   // sign-up bonus 50

            clock.set(at("2026-01-03T15:20:00"));
            crm.purchases().record(NewPurchase.of(xiaoming, "o-1001", Channel.POS, clock.instant(),
                    line("longjing-250g", "tea", 1, "128.00"), line("cup", "ware", 1, "45.50"))); // 256 + 45.5 → 301

            clock.set(at("2026-01-10T09:00:00"));
            loyalty.earnForEvent(TEA_CLUB, xiaoming, EarnEvent.BIRTHDAY, IdempotencyKey.of("birthday-2026"));

            clock.set(at("2026-01-12T18:45:00"));
            Purchase gift = crm.purchases().record(NewPurchase.of(xiaoming, "o-1002", Channel.ESHOP, clock.instant(),
                    line("gift-box", "tea", 1, "168.00")));                       // ×3 → 504

            clock.set(at("2026-01-15T12:00:00"));
            loyalty.redeem(TEA_CLUB, xiaoming, Points.of(200), "o-1003", IdempotencyKey.of("redeem-o-1003"));

            clock.set(at("2026-01-18T11:30:00"));
            crm.purchases().refund(gift.id(), Money.of("168.00", "CNY"));

            clock.set(at("2026-01-20T16:10:00"));
            crm.purchases().record(NewPurchase.of(xiaoming, "o-1004", Channel.POS, clock.instant(),
                    line("tieguanyin-500g", "tea", 2, "150.00")));                // 600 → silver

            clock.set(at("2026-01-25T14:00:00"));
            crm.purchases().record(NewPurchase.of(xiaoming, "o-1005", Channel.POS, clock.instant(),
                    line("teapot", "ware", 1, "100.00")));                       // 100 × silver 110% → 110

            // the statement for January
            clock.set(at("2026-01-31T23:00:00"));
            Statement jan = loyalty.statement(TEA_CLUB, xiaoming, at("2026-01-01T00:00:00"), at("2026-02-01T00:00:00"));
            assertThat(jan.opening()).isEqualTo(Points.ZERO);
            assertThat(jan.lines()).extracting(l -> l.entry().kind()).containsExactly(EntryKind.EARN, EntryKind.EARN,
                    EntryKind.EARN, EntryKind.EARN, EntryKind.REDEEM, EntryKind.REVERSAL, EntryKind.EARN, EntryKind.EARN);
            assertThat(jan.lines()).extracting(l -> l.entry().delta())
                    .containsExactly(50L, 301L, 88L, 504L, -200L, -504L, 600L, 110L);
            assertThat(jan.lines()).extracting(StatementLine::runningBalance)
                    .containsExactly(50L, 351L, 439L, 943L, 743L, 239L, 839L, 949L);
            assertThat(jan.closing()).isEqualTo(Points.of(949));

            // the tier: upgraded on o-1004, explained as data
            assertThat(loyalty.tierHistory(TEA_CLUB, xiaoming)).singleElement().satisfies(c -> {
                assertThat(c.reason()).isEqualTo(TierChangeReason.UPGRADE);
                assertThat(c.toTier()).isEqualTo("silver");
                assertThat(c.at()).isEqualTo(at("2026-01-20T16:10:00"));
                assertThat(c.detail()).isEqualTo("POINTS_EARNED=1039>=1000");
            });
            TierExplanation tier = loyalty.explainTier(TEA_CLUB, xiaoming);
            assertThat(tier.totals()).containsEntry(QualificationMetric.POINTS_EARNED, 1149L)
                    .containsEntry(QualificationMetric.SPEND, 573L).containsEntry(QualificationMetric.ORDER_COUNT, 3L);
            assertThat(tier.nextTier()).isEqualTo("gold");
            assertThat(tier.missingForNext()).extracting(CriterionProgress::missing).containsExactly(1851L, 5427L);
            assertThat(loyalty.benefits(TEA_CLUB, xiaoming).discountPercent()).isEqualTo(5);

            // the balance: which lots, what expires when
            BalanceExplanation balance = loyalty.explainBalance(TEA_CLUB, xiaoming);
            assertThat(balance.consistent()).isTrue();
            assertThat(balance.lots()).extracting(l -> l.original() + "/" + l.remaining())
                    .containsExactly("301/151", "88/88", "600/600", "110/110");
            assertThat(balance.expirations()).containsExactly(
                    new ExpiryForecast(at("2028-01-01T00:00:00"), Points.of(949)));

            // two years later the expiry run takes what is left
            clock.set(at("2028-01-01T00:00:00"));
            var expired = loyalty.expireAll(TEA_CLUB);
            assertThat(expired.expired()).isEqualTo(Points.of(949));
            assertThat(expired.entries()).extracting(e -> -e.delta()).containsExactly(151L, 88L, 600L, 110L);
            assertThat(loyalty.balance(TEA_CLUB, xiaoming)).isEqualTo(Points.ZERO);
            List<StatementLine> all = loyalty.statement(TEA_CLUB, xiaoming, at("2026-01-01T00:00:00"),
                    at("2028-01-02T00:00:00")).lines();
            assertThat(all.get(all.size() - 1).runningBalance()).isZero();
        }
    }
}

package org.cim4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.cim4j.DuplicateException;
import org.cim4j.NotFoundException;
import org.cim4j.TenantId;
import org.cim4j.VersionConflictException;
import org.cim4j.customer.CustomerId;
import org.cim4j.loyalty.EarnReason;
import org.cim4j.loyalty.EntryKind;
import org.cim4j.loyalty.IdempotencyKey;
import org.cim4j.loyalty.LedgerEntry;
import org.cim4j.loyalty.LedgerEntryId;
import org.cim4j.loyalty.Lot;
import org.cim4j.loyalty.LotAllocation;
import org.cim4j.loyalty.LoyaltyProgram;
import org.cim4j.loyalty.MemberAccount;
import org.cim4j.loyalty.MemberAccountId;
import org.cim4j.loyalty.Points;
import org.cim4j.loyalty.ProgramId;
import org.cim4j.loyalty.RedemptionRules;
import org.cim4j.loyalty.TierChange;
import org.cim4j.loyalty.TierChangeReason;
import org.cim4j.spi.LoyaltyCommandRecord;
import org.cim4j.spi.Stores;
import org.cim4j.spi.TransactionMode;
import org.cim4j.testkit.contract.LoyaltyFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code JdbcLoyaltyStore} through the SPI on every dialect: round trips, guards, unique keys, tenant scope. */
abstract class JdbcLoyaltyStoreTestBase {
    private static final TenantId TENANT = TenantId.of("loyalty-a");
    private static final TenantId OTHER = TenantId.of("loyalty-b");
    /** Microsecond precision, as the engine's clock gives it. */
    private static final Instant T0 = Instant.parse("2026-03-01T08:15:30.123456Z");

    private JdbcStorage storage;
    private long next = 1;

    protected abstract TestDatabase database();

    @BeforeEach
    void open() {
        storage = database().freshProvider();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    private <T> T read(Function<Stores, T> work) {
        return storage.read(work::apply);
    }

    private void write(Consumer<Stores> work) {
        storage.write(s -> {
            work.accept(s);
            return null;
        });
    }

    private UUID id() {
        return new UUID(0x0190_0000_0000_7000L, 0x8000_0000_0000_0000L | next++);
    }

    private MemberAccount account(TenantId tenant, CustomerId customer) {
        return new MemberAccount(MemberAccountId.of(id()), tenant, LoyaltyFixtures.TEA_CLUB, customer, T0, 0, "basic",
                T0, null, 1);
    }

    private LedgerEntry earn(MemberAccount a, long seq, long points, Instant at) {
        return new LedgerEntry(LedgerEntryId.of(id()), a.tenant(), a.id(), seq, EntryKind.EARN, points, at,
                IdempotencyKey.of("earn-" + seq), "agent-7", EarnReason.purchase("o-" + seq), at.plusSeconds(86_400),
                null, null, List.of());
    }

    @Test
    void program_roundTrip_replace_andTenantScope() {
        LoyaltyProgram tea = LoyaltyFixtures.teaClub();
        LoyaltyProgram other = tea.withRedemption(new RedemptionRules(Points.of(1), null));
        write(s -> s.loyalty().saveProgram(TENANT, tea));
        assertThat(read((Stores s) -> s.loyalty().findProgram(TENANT, tea.id()))).contains(tea);
        write(s -> s.loyalty().saveProgram(TENANT, other));
        assertThat(read((Stores s) -> s.loyalty().findProgram(TENANT, tea.id()))).contains(other);
        assertThat(read((Stores s) -> s.loyalty().programs(TENANT))).containsExactly(other);
        assertThat(read((Stores s) -> s.loyalty().findProgram(OTHER, tea.id()))).isEmpty();
        assertThat(read((Stores s) -> s.loyalty().programs(OTHER))).isEmpty();
    }

    @Test
    void account_roundTrip_lock_andVersionedUpdate() {
        MemberAccount a = account(TENANT, CustomerId.of(id()));
        write(s -> s.loyalty().insertAccount(a));
        assertThat(read((Stores s) -> s.loyalty().findAccount(TENANT, a.program(), a.customer()))).contains(a);
        assertThat(read((Stores s) -> s.loyalty().findAccount(OTHER, a.program(), a.customer()))).isEmpty();
        assertThat(storage.write((Stores s) -> s.loyalty().lockAccount(TENANT, a.program(), a.customer()))).contains(a);

        MemberAccount changed = a.withBalance(40).withTier("silver", T0.plusSeconds(5), T0.plusSeconds(99));
        write(s -> s.loyalty().updateAccount(changed, 1));
        assertThat(read((Stores s) -> s.loyalty().findAccount(TENANT, a.program(), a.customer()))).contains(changed);
        assertThatThrownBy(() -> write(s -> s.loyalty().updateAccount(changed.withBalance(1), 1)))
                .isInstanceOf(VersionConflictException.class);
        MemberAccount missing = account(TENANT, CustomerId.of(id())).withBalance(3);
        assertThatThrownBy(() -> write(s -> s.loyalty().updateAccount(missing, 1)))
                .isInstanceOf(NotFoundException.class);
        MemberAccount foreign = new MemberAccount(a.id(), OTHER, a.program(), a.customer(), T0, 9, "basic", T0, null, 4);
        assertThatThrownBy(() -> write(s -> s.loyalty().updateAccount(foreign, 3)))
                .as("tenant scope of updateAccount").isInstanceOf(NotFoundException.class);
    }

    @Test
    void lockAccount_inReadOnlyUnit_isRefused() {
        assertThatThrownBy(() -> storage.inTransaction(TransactionMode.READ_ONLY,
                s -> s.loyalty().lockAccount(TENANT, LoyaltyFixtures.TEA_CLUB, CustomerId.of(id()))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("a second account for the same customer is a duplicate 'customer' naming the first; the unit goes on")
    void insertAccount_sameCustomer_duplicateKeepsTransactionUsable() {
        CustomerId customer = CustomerId.of(id());
        MemberAccount first = account(TENANT, customer);
        write(s -> s.loyalty().insertAccount(first));
        MemberAccount second = account(TENANT, customer);
        MemberAccount elsewhere = account(TENANT, CustomerId.of(id()));
        write(s -> {
            assertThatThrownBy(() -> s.loyalty().insertAccount(second))
                    .isInstanceOfSatisfying(DuplicateException.class, e -> {
                        assertThat(e.key()).isEqualTo("customer");
                        assertThat(e.getMessage()).contains(first.id().toString());
                    });
            s.loyalty().insertAccount(elsewhere);
        });
        assertThat(read((Stores s) -> s.loyalty().accounts(TENANT, LoyaltyFixtures.TEA_CLUB, null, 10)))
                .extracting(MemberAccount::id).containsExactlyInAnyOrder(first.id(), elsewhere.id());
        write(s -> s.loyalty().insertAccount(account(OTHER, customer))); // another tenant may
    }

    @Test
    void accounts_pageByIdWithinProgramAndTenant() {
        for (int i = 0; i < 5; i++) {
            MemberAccount a = account(TENANT, CustomerId.of(id()));
            write(s -> s.loyalty().insertAccount(a));
        }
        write(s -> s.loyalty().insertAccount(account(OTHER, CustomerId.of(id()))));
        List<MemberAccount> page1 = read((Stores s) -> s.loyalty().accounts(TENANT, LoyaltyFixtures.TEA_CLUB, null, 3));
        List<MemberAccount> page2 = read((Stores s) -> s.loyalty().accounts(TENANT, LoyaltyFixtures.TEA_CLUB,
                page1.get(2).id(), 3));
        assertThat(page1).hasSize(3);
        assertThat(page2).hasSize(2);
        assertThat(page1.get(2).id()).isLessThan(page2.get(0).id());
        assertThat(read((Stores s) -> s.loyalty().accounts(TENANT, ProgramId.of("other"), null, 10))).isEmpty();
        assertThat(read((Stores s) -> s.loyalty().accounts(TENANT, LoyaltyFixtures.TEA_CLUB, null, 0))).isEmpty();
    }

    @Test
    void entries_roundTrip_order_since_reversals_andDuplicateSequence() {
        MemberAccount a = account(TENANT, CustomerId.of(id()));
        write(s -> s.loyalty().insertAccount(a));
        LedgerEntry e1 = earn(a, 1, 120, T0);
        LedgerEntry e2 = earn(a, 2, 30, T0.plusSeconds(3600));
        LedgerEntry redeem = new LedgerEntry(LedgerEntryId.of(id()), TENANT, a.id(), 3, EntryKind.REDEEM, -130,
                T0.plusSeconds(7200), IdempotencyKey.of("redeem-1"), "agent-7", null, null, null, "order 王-1",
                List.of(new LotAllocation(e1.id(), 120), new LotAllocation(e2.id(), 10)));
        LedgerEntry reversal = new LedgerEntry(LedgerEntryId.of(id()), TENANT, a.id(), 4, EntryKind.REVERSAL, 130,
                T0.plusSeconds(9000), IdempotencyKey.of("reverse-1"), "agent-7", null, null, redeem.id(), "refund",
                List.of(new LotAllocation(e1.id(), 120), new LotAllocation(e2.id(), 10)));
        write(s -> List.of(reversal, e2, redeem, e1).forEach(s.loyalty()::appendEntry));

        assertThat(read((Stores s) -> s.loyalty().entries(TENANT, a.id()))).containsExactly(e1, e2, redeem, reversal);
        assertThat(read((Stores s) -> s.loyalty().entriesSince(TENANT, a.id(), T0.plusSeconds(3600))))
                .containsExactly(e2, redeem, reversal);
        assertThat(read((Stores s) -> s.loyalty().findEntry(TENANT, redeem.id()))).contains(redeem);
        assertThat(read((Stores s) -> s.loyalty().findEntry(OTHER, redeem.id()))).isEmpty();
        assertThat(read((Stores s) -> s.loyalty().entries(OTHER, a.id()))).isEmpty();
        assertThat(read((Stores s) -> s.loyalty().reversalsOf(TENANT, redeem.id()))).containsExactly(reversal);
        assertThat(read((Stores s) -> s.loyalty().reversalsOf(TENANT, e1.id()))).isEmpty();

        LedgerEntry clash = earn(a, 2, 5, T0.plusSeconds(10_000));
        write(s -> assertThatThrownBy(() -> s.loyalty().appendEntry(clash))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("sequence")));
        write(s -> assertThatThrownBy(() -> s.loyalty().appendEntry(e1))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id")));
    }

    @Test
    void lots_remainingStaysWithinOriginal() {
        MemberAccount a = account(TENANT, CustomerId.of(id()));
        Lot lot = new Lot(LedgerEntryId.of(id()), TENANT, a.id(), 100, 100, T0, null);
        Lot dated = new Lot(LedgerEntryId.of(id()), TENANT, a.id(), 50, 50, T0, T0.plusSeconds(60));
        write(s -> {
            s.loyalty().insertLot(lot);
            s.loyalty().insertLot(dated);
        });
        write(s -> s.loyalty().updateLotRemaining(TENANT, lot.id(), 40));
        write(s -> s.loyalty().updateLotRemaining(TENANT, dated.id(), 0));
        assertThat(read((Stores s) -> s.loyalty().findLot(TENANT, lot.id()))).contains(lot.withRemaining(40));
        assertThat(read((Stores s) -> s.loyalty().openLots(TENANT, a.id()))).containsExactly(lot.withRemaining(40));
        assertThat(read((Stores s) -> s.loyalty().openLots(OTHER, a.id()))).isEmpty();

        assertThatThrownBy(() -> write(s -> s.loyalty().updateLotRemaining(TENANT, lot.id(), 101)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> write(s -> s.loyalty().updateLotRemaining(TENANT, lot.id(), -1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> write(s -> s.loyalty().updateLotRemaining(OTHER, lot.id(), 1)))
                .isInstanceOf(NotFoundException.class);
        write(s -> s.loyalty().updateLotRemaining(TENANT, lot.id(), 100));
        assertThat(read((Stores s) -> s.loyalty().findLot(TENANT, lot.id()))).contains(lot);
        write(s -> assertThatThrownBy(() -> s.loyalty().insertLot(lot))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id")));
    }

    @Test
    @DisplayName("a stored command key is unique per tenant: a second insert is a duplicate 'idempotencyKey'")
    void command_roundTrip_andDuplicateKey() {
        IdempotencyKey key = IdempotencyKey.of("purchase:tea-club:o-1001");
        LoyaltyCommandRecord r = new LoyaltyCommandRecord(TENANT, key, "earn", MemberAccountId.of(id()),
                LedgerEntryId.of(id()), 301, 0, 351, "basic", T0);
        LoyaltyCommandRecord capped = new LoyaltyCommandRecord(TENANT, IdempotencyKey.of("capped"), "earn",
                MemberAccountId.of(id()), null, 0, 0, 0, "basic", T0);
        write(s -> {
            s.loyalty().insertCommand(r);
            s.loyalty().insertCommand(capped);
        });
        assertThat(read((Stores s) -> s.loyalty().findCommand(TENANT, key))).contains(r);
        assertThat(read((Stores s) -> s.loyalty().findCommand(TENANT, capped.key()))).contains(capped);
        assertThat(read((Stores s) -> s.loyalty().findCommand(OTHER, key))).isEmpty();

        LoyaltyCommandRecord again = new LoyaltyCommandRecord(TENANT, key, "redeem", MemberAccountId.of(id()), null,
                5, 0, 0, "basic", T0);
        LoyaltyCommandRecord fresh = new LoyaltyCommandRecord(TENANT, IdempotencyKey.of("fresh"), "adjust",
                MemberAccountId.of(id()), null, 5, 0, 5, "basic", T0);
        write(s -> {
            assertThatThrownBy(() -> s.loyalty().insertCommand(again))
                    .isInstanceOfSatisfying(DuplicateException.class, e -> {
                        assertThat(e.key()).isEqualTo("idempotencyKey");
                        assertThat(e.getMessage()).doesNotContain(key.value());
                    });
            s.loyalty().insertCommand(fresh); // the unit of work is still usable after the clash
        });
        assertThat(read((Stores s) -> s.loyalty().findCommand(TENANT, fresh.key()))).contains(fresh);
        write(s -> s.loyalty().insertCommand(new LoyaltyCommandRecord(OTHER, key, "earn", MemberAccountId.of(id()),
                null, 0, 0, 0, "basic", T0)));
    }

    @Test
    void tierHistory_inInsertionOrder() {
        MemberAccountId account = MemberAccountId.of(id());
        TierChange up = new TierChange(TENANT, account, "basic", "silver", T0, TierChangeReason.UPGRADE,
                "POINTS_EARNED=1039>=1000", "agent-7");
        TierChange grace = new TierChange(TENANT, account, "silver", "silver", T0, TierChangeReason.GRACE_STARTED,
                "grace until 2027-02-01", "system");
        TierChange down = new TierChange(TENANT, account, "silver", "basic", T0.minusSeconds(1),
                TierChangeReason.DOWNGRADE, "", "system");
        write(s -> s.loyalty().appendTierChange(up));
        write(s -> {
            s.loyalty().appendTierChange(grace);
            s.loyalty().appendTierChange(down);
        });
        assertThat(read((Stores s) -> s.loyalty().tierHistory(TENANT, account))).containsExactly(up, grace, down);
        assertThat(read((Stores s) -> s.loyalty().tierHistory(OTHER, account))).isEmpty();
    }
}

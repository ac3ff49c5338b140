package org.cim4j.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.cim4j.DuplicateException;
import org.cim4j.IdGenerator;
import org.cim4j.NotFoundException;
import org.cim4j.Principal;
import org.cim4j.TenantId;
import org.cim4j.ValidationException;
import org.cim4j.cache.FreshReads;
import org.cim4j.commerce.Purchase;
import org.cim4j.commerce.PurchaseId;
import org.cim4j.commerce.PurchaseStatus;
import org.cim4j.customer.CustomerId;
import org.cim4j.event.DomainEvent;
import org.cim4j.internal.loyalty.EarnCalculator;
import org.cim4j.internal.loyalty.MemberLedger;
import org.cim4j.internal.loyalty.Periods;
import org.cim4j.internal.loyalty.Statements;
import org.cim4j.internal.loyalty.TierRules;
import org.cim4j.loyalty.AdjustmentResult;
import org.cim4j.loyalty.BalanceExplanation;
import org.cim4j.loyalty.EarnEvent;
import org.cim4j.loyalty.EarnReason;
import org.cim4j.loyalty.EarnResult;
import org.cim4j.loyalty.EntryKind;
import org.cim4j.loyalty.ExpiryResult;
import org.cim4j.loyalty.IdempotencyKey;
import org.cim4j.loyalty.LedgerEntry;
import org.cim4j.loyalty.LedgerEntryId;
import org.cim4j.loyalty.Lot;
import org.cim4j.loyalty.LotAllocation;
import org.cim4j.loyalty.LoyaltyEvents;
import org.cim4j.loyalty.LoyaltyProgram;
import org.cim4j.loyalty.LoyaltyService;
import org.cim4j.loyalty.MemberAccount;
import org.cim4j.loyalty.MemberAccountId;
import org.cim4j.loyalty.Points;
import org.cim4j.loyalty.ProgramId;
import org.cim4j.loyalty.QualificationMetric;
import org.cim4j.loyalty.QualifyingActivity;
import org.cim4j.loyalty.RedeemResult;
import org.cim4j.loyalty.RedemptionRules;
import org.cim4j.loyalty.ReversalResult;
import org.cim4j.loyalty.Statement;
import org.cim4j.loyalty.TierBenefits;
import org.cim4j.loyalty.TierChange;
import org.cim4j.loyalty.TierDefinition;
import org.cim4j.loyalty.TierEvaluation;
import org.cim4j.loyalty.TierExplanation;
import org.cim4j.spi.LedgerTotals;
import org.cim4j.spi.LoyaltyCommandRecord;
import org.cim4j.spi.LoyaltyStore;
import org.cim4j.spi.PurchaseTotals;
import org.cim4j.spi.StorageProvider;
import org.cim4j.spi.StorageWork;
import org.cim4j.spi.Stores;
import org.jspecify.annotations.Nullable;

/**
 * {@link LoyaltyService} over the storage SPI, for one principal.
 *
 * <p>Every command runs in one read-write transaction: lock the account ({@link LoyaltyStore#lockAccount}),
 * look up the idempotency key (replay if found), expire due lots, apply the command on a
 * {@link MemberLedger}, write entries, lots, account and the command record, commit, then publish
 * events. A failure rolls everything back, so a failed command leaves no trace, not even its key.
 */
public final class LoyaltyEngine implements LoyaltyService {
    private static final int PAGE = 200;
    private static final int MAX_PURCHASES_FOR_TIERS = 100_000;

    private final StorageProvider storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final Principal principal;
    private final TenantId tenant;
    private final Consumer<DomainEvent> events;

    /**
     * @param events receives events after their transaction committed (e.g. the engine's event bus)
     */
    public LoyaltyEngine(StorageProvider storage, Clock clock, IdGenerator ids, Principal principal,
                         Consumer<DomainEvent> events) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.principal = Objects.requireNonNull(principal, "principal");
        this.tenant = principal.tenant();
        this.events = Objects.requireNonNull(events, "events");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ---------------------------------------------------------------- programs and accounts

    @Override
    public LoyaltyProgram defineProgram(LoyaltyProgram program) {
        Objects.requireNonNull(program, "program");
        storage.write(s -> {
            s.loyalty().saveProgram(tenant, program);
            return null;
        });
        return program;
    }

    @Override
    public Optional<LoyaltyProgram> findProgram(ProgramId id) {
        Objects.requireNonNull(id, "id");
        return storage.read(s -> s.loyalty().findProgram(tenant, id));
    }

    @Override
    public List<LoyaltyProgram> programs() {
        return storage.read(s -> s.loyalty().programs(tenant));
    }

    @Override
    public MemberAccount enrol(ProgramId programId, CustomerId customer) {
        Objects.requireNonNull(programId, "program");
        Objects.requireNonNull(customer, "customer");
        List<DomainEvent> out = new ArrayList<>();
        MemberAccount account;
        try {
            account = storage.write(s -> {
                out.clear();
                Optional<MemberAccount> existing = s.loyalty().lockAccount(tenant, programId, customer);
                LoyaltyProgram program = program(s, programId);
                if (existing.isPresent()) {
                    return existing.get();
                }
                if (s.customers().findById(tenant, customer).filter(c -> c.isActive()).isEmpty()) {
                    throw new NotFoundException("customer", customer.toString());
                }
                Instant now = now();
                MemberAccount a = new MemberAccount(MemberAccountId.of(ids.next()), tenant, programId, customer, now, 0,
                        program.tiers().entryTier().code(), now, null, 1);
                s.loyalty().insertAccount(a);
                out.add(new LoyaltyEvents.MemberEnrolled(tenant, now, principal.id(), a));
                long bonus = EarnCalculator.forEvent(program, EarnEvent.SIGN_UP, 0);
                if (bonus == 0) {
                    return a;
                }
                // the sign-up bonus commits with the enrolment, as an ordinary idempotent earn
                IdempotencyKey key = IdempotencyKey.of("signup:" + programId + ":" + customer);
                MemberLedger ledger = new MemberLedger(a, List.of(), ids, principal.id());
                LedgerEntry entry = ledger.earn(bonus, EarnReason.event(EarnEvent.SIGN_UP),
                        Periods.expiresAt(program.expiry(), now, program.zone()), now, key);
                return finish(s, program, a, ledger, new Step(entry, 0), "earn", key, out).account();
            });
        } catch (DuplicateException e) {
            // enrolled concurrently by another transaction: that account wins. Read fresh: a cache
            // may still hold "not enrolled" until another instance's enrolment is announced.
            return FreshReads.call(() -> account(programId, customer));
        }
        publish(out);
        return account;
    }

    @Override
    public Optional<MemberAccount> findAccount(ProgramId program, CustomerId customer) {
        return storage.read(s -> s.loyalty().findAccount(tenant, program, customer));
    }

    @Override
    public MemberAccount account(ProgramId program, CustomerId customer) {
        return storage.read(s -> account(s, program, customer));
    }

    // ---------------------------------------------------------------- commands

    @Override
    public EarnResult earn(ProgramId program, CustomerId customer, Points points, EarnReason reason,
                           IdempotencyKey key) {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(reason, "reason");
        if (points.isZero()) {
            throw ValidationException.of("earn", "points", "must be positive");
        }
        ensureEnrolled(program, customer, key);
        return command("earn", program, customer, key, (s, p, ledger) -> {
            Instant now = now();
            return Step.of(ledger.earn(points.value(), reason, Periods.expiresAt(p.expiry(), now, p.zone()), now, key));
        }, this::earnResult);
    }

    @Override
    public EarnResult earnForPurchase(ProgramId programId, PurchaseId purchaseId, IdempotencyKey key) {
        Objects.requireNonNull(purchaseId, "purchase");
        Purchase purchase = storage.read(s -> s.purchases().findById(tenant, purchaseId))
                .orElseThrow(() -> new NotFoundException("purchase", purchaseId.toString()));
        ensureEnrolled(programId, purchase.customerId(), key);
        return command("earn", programId, purchase.customerId(), key, (s, p, ledger) -> {
            Instant now = now();
            long today = earnedTodayByRules(s, ledger.account(), p, now);
            int tierPercent = benefits(p, ledger.account()).earnMultiplierPercent();
            long pts = EarnCalculator.forPurchase(p, purchase.lines(), tierPercent, today).earned();
            return Step.of(pts == 0 ? null : ledger.earn(pts, EarnReason.purchase(purchase.id().toString()),
                    Periods.expiresAt(p.expiry(), now, p.zone()), now, key));
        }, this::earnResult);
    }

    @Override
    public EarnResult earnForEvent(ProgramId programId, CustomerId customer, EarnEvent event, IdempotencyKey key) {
        Objects.requireNonNull(event, "event");
        ensureEnrolled(programId, customer, key);
        return command("earn", programId, customer, key, (s, p, ledger) -> {
            Instant now = now();
            long pts = EarnCalculator.forEvent(p, event, earnedTodayByRules(s, ledger.account(), p, now));
            return Step.of(pts == 0 ? null : ledger.earn(pts, EarnReason.event(event),
                    Periods.expiresAt(p.expiry(), now, p.zone()), now, key));
        }, this::earnResult);
    }

    @Override
    public RedeemResult redeem(ProgramId programId, CustomerId customer, Points points, @Nullable String orderReference,
                               IdempotencyKey key) {
        Objects.requireNonNull(points, "points");
        return command("redeem", programId, customer, key, (s, p, ledger) -> {
            RedemptionRules rules = p.redemption();
            if (points.compareTo(rules.minimum()) < 0) {
                throw ValidationException.of("redeem", "points", "below the program minimum of " + rules.minimum().value());
            }
            if (rules.maximumPerOrder() != null && points.compareTo(rules.maximumPerOrder()) > 0) {
                throw ValidationException.of("redeem", "points",
                        "above the program maximum per order of " + rules.maximumPerOrder().value());
            }
            return Step.of(ledger.debit(EntryKind.REDEEM, points.value(), orderReference, now(), key));
        }, (r, e, replayed) -> new RedeemResult(Objects.requireNonNull(e), Points.of(r.amount()),
                Points.of(r.balanceAfter()), replayed));
    }

    @Override
    public ReversalResult reverse(ProgramId programId, CustomerId customer, LedgerEntryId entryId,
                                  @Nullable Points points, String reason, IdempotencyKey key) {
        Objects.requireNonNull(entryId, "entry");
        requireReason(reason);
        return command("reverse", programId, customer, key, (s, p, ledger) -> {
            LedgerEntry target = s.loyalty().findEntry(tenant, entryId)
                    .filter(e -> e.account().equals(ledger.account().id()))
                    .orElseThrow(() -> new NotFoundException("ledger entry", entryId.toString()));
            long done = s.loyalty().reversalsOf(tenant, entryId).stream().mapToLong(e -> Math.abs(e.delta())).sum();
            Instant now = now();
            if (target.kind() == EntryKind.REDEEM) {
                if (done > 0) {
                    throw ValidationException.of("reverse", "entry", "redemption " + entryId + " is already reversed");
                }
                if (points != null && points.value() != -target.delta()) {
                    throw ValidationException.of("reverse", "points", "a redemption is reversed in full only");
                }
                List<Lot> consumed = new ArrayList<>();
                for (LotAllocation a : target.allocations()) {
                    s.loyalty().findLot(tenant, a.lot()).ifPresent(consumed::add);
                }
                ledger.addLots(consumed);
                LedgerEntry e = ledger.reverseRedeem(target, reason, now, key);
                ledger.expireDue(now);
                return Step.of(e);
            }
            if (target.kind() != EntryKind.EARN) {
                throw ValidationException.of("reverse", "entry", "only EARN and REDEEM entries can be reversed");
            }
            long left = target.delta() - done;
            if (left <= 0) {
                throw ValidationException.of("reverse", "entry", "earn " + entryId + " is already fully reversed");
            }
            long amount = points == null ? left : points.value();
            if (amount <= 0 || amount > left) {
                throw ValidationException.of("reverse", "points", "must be 1.." + left);
            }
            MemberLedger.Reversal r = ledger.reverseEarn(target, amount, reason, now, key);
            return new Step(r.entry(), r.notRecovered());
        }, (r, e, replayed) -> new ReversalResult(e, Points.of(r.amount()), Points.of(r.notRecovered()),
                Points.of(r.balanceAfter()), replayed));
    }

    @Override
    public AdjustmentResult adjust(ProgramId programId, CustomerId customer, long delta, String reason,
                                   IdempotencyKey key) {
        requireReason(reason);
        if (delta == 0) {
            throw ValidationException.of("adjust", "delta", "must not be 0");
        }
        return command("adjust", programId, customer, key, (s, p, ledger) -> {
            Instant now = now();
            return Step.of(delta > 0
                    ? ledger.adjustUp(delta, reason, Periods.expiresAt(p.expiry(), now, p.zone()), now, key)
                    : ledger.debit(EntryKind.ADJUST, -delta, reason, now, key));
        }, (r, e, replayed) -> new AdjustmentResult(Objects.requireNonNull(e), Points.of(r.balanceAfter()), replayed));
    }

    @Override
    public ExpiryResult expire(ProgramId programId, CustomerId customer) {
        List<DomainEvent> out = new ArrayList<>();
        List<LedgerEntry> written = writeLocked(s -> {
            out.clear();
            MemberAccount account = lock(s, programId, customer);
            program(s, programId);
            MemberLedger ledger = openForCredit(s, account);
            ledger.expireDue(now());
            persist(s, account, ledger, ledger.account(), null, out);
            return ledger.written();
        });
        publish(out);
        return new ExpiryResult(written, Points.of(-written.stream().mapToLong(LedgerEntry::delta).sum()));
    }

    @Override
    public ExpiryResult expireAll(ProgramId programId) {
        List<LedgerEntry> all = new ArrayList<>();
        forEachAccount(programId, a -> all.addAll(expire(programId, a.customer()).entries()));
        return new ExpiryResult(all, Points.of(-all.stream().mapToLong(LedgerEntry::delta).sum()));
    }

    @Override
    public TierEvaluation evaluateTier(ProgramId programId, CustomerId customer) {
        return evaluate(programId, customer, false);
    }

    @Override
    public TierEvaluation evaluatePeriodEnd(ProgramId programId, CustomerId customer) {
        return evaluate(programId, customer, true);
    }

    @Override
    public List<TierChange> evaluatePeriodEndAll(ProgramId programId) {
        List<TierChange> changes = new ArrayList<>();
        forEachAccount(programId, a -> {
            TierChange c = evaluatePeriodEnd(programId, a.customer()).change();
            if (c != null) {
                changes.add(c);
            }
        });
        return changes;
    }

    private TierEvaluation evaluate(ProgramId programId, CustomerId customer, boolean periodEnd) {
        List<DomainEvent> out = new ArrayList<>();
        TierEvaluation result = writeLocked(s -> {
            out.clear();
            MemberAccount account = lock(s, programId, customer);
            LoyaltyProgram p = program(s, programId);
            Instant now = now();
            Periods.Range window = Periods.window(p.tiers().window(), now, p.zone());
            var totals = tierTotals(s, p, account, window);
            TierRules.Move move = periodEnd
                    ? TierRules.periodEnd(account, p.tiers(), totals, now, p.zone(), principal.id())
                    : TierRules.upgrade(account, p.tiers(), totals, now, principal.id());
            if (move == null) {
                return new TierEvaluation(account, null);
            }
            s.loyalty().updateAccount(move.account(), account.version());
            s.loyalty().appendTierChange(move.change());
            out.add(new LoyaltyEvents.TierChanged(tenant, now, principal.id(), customer, move.change()));
            return new TierEvaluation(move.account(), move.change());
        });
        publish(out);
        return result;
    }

    // ---------------------------------------------------------------- reads

    @Override
    public List<TierChange> tierHistory(ProgramId program, CustomerId customer) {
        return storage.read(s -> s.loyalty().tierHistory(tenant, account(s, program, customer).id()));
    }

    @Override
    public TierBenefits benefits(ProgramId programId, CustomerId customer) {
        return storage.read(s -> benefits(program(s, programId), account(s, programId, customer)));
    }

    @Override
    public Points balance(ProgramId program, CustomerId customer) {
        return account(program, customer).points();
    }

    @Override
    public List<LedgerEntry> ledger(ProgramId program, CustomerId customer) {
        return storage.read(s -> s.loyalty().entries(tenant, account(s, program, customer).id()));
    }

    @Override
    public Statement statement(ProgramId program, CustomerId customer, Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return storage.read(s -> Statements.statement(program, customer,
                s.loyalty().entries(tenant, account(s, program, customer).id()), from, to));
    }

    @Override
    public BalanceExplanation explainBalance(ProgramId program, CustomerId customer) {
        return storage.read(s -> {
            MemberAccount a = account(s, program, customer);
            return Statements.explainBalance(a.balance(), s.loyalty().entries(tenant, a.id()),
                    s.loyalty().openLots(tenant, a.id()), now());
        });
    }

    @Override
    public TierExplanation explainTier(ProgramId programId, CustomerId customer) {
        return storage.read(s -> {
            LoyaltyProgram p = program(s, programId);
            MemberAccount a = account(s, programId, customer);
            Periods.Range window = Periods.window(p.tiers().window(), now(), p.zone());
            return TierRules.explain(a, p.tiers(), window, activity(s, p, a, window));
        });
    }

    // ---------------------------------------------------------------- purchase hooks

    /**
     * Earns for a recorded purchase in every program of the tenant with {@link LoyaltyProgram#earnOnPurchase()},
     * under key {@code "purchase:<program>:<purchaseId>"}, plus the program's {@link EarnEvent#FIRST_PURCHASE}
     * bonus under key {@code "first-purchase:<program>:<customer>"} (so only once per member). Customers not yet
     * enrolled are enrolled.
     */
    public void onPurchaseRecorded(Purchase purchase) {
        for (LoyaltyProgram p : programs()) {
            if (p.earnOnPurchase()) {
                earnForPurchase(p.id(), purchase.id(), purchaseKey(p.id(), purchase.id()));
                if (EarnCalculator.forEvent(p, EarnEvent.FIRST_PURCHASE, 0) > 0) {
                    // the key is per customer, so only the first purchase ever earns this bonus
                    earnForEvent(p.id(), purchase.customerId(), EarnEvent.FIRST_PURCHASE,
                            IdempotencyKey.of("first-purchase:" + p.id() + ":" + purchase.customerId()));
                }
            }
        }
    }

    /**
     * Takes back points of a refunded purchase in every auto-earning program: in total
     * {@code earned × refunded / total} (rounded down; everything once fully refunded), under key
     * {@code "refund:<program>:<purchaseId>:<purchaseVersion>"}.
     *
     * @param purchase the purchase after the refund
     */
    public void onPurchaseRefunded(Purchase purchase) {
        for (LoyaltyProgram p : programs()) {
            if (!p.earnOnPurchase()) {
                continue;
            }
            Optional<LoyaltyCommandRecord> earned = storage.read(s -> s.loyalty().findCommand(tenant,
                    purchaseKey(p.id(), purchase.id())));
            if (earned.isEmpty() || earned.get().entry() == null) {
                continue;
            }
            LedgerEntryId entryId = earned.get().entry();
            long earnedPoints = earned.get().amount();
            long target = purchase.status() == PurchaseStatus.REFUNDED ? earnedPoints
                    : purchase.refunded().amount().multiply(BigDecimal.valueOf(earnedPoints))
                    .divide(purchase.total().amount(), 0, RoundingMode.DOWN).longValueExact();
            long done = storage.read(s -> s.loyalty().reversalsOf(tenant, entryId)).stream()
                    .mapToLong(e -> -e.delta()).sum();
            if (target > done) {
                reverse(p.id(), purchase.customerId(), entryId, Points.of(target - done), "refund",
                        IdempotencyKey.of("refund:" + p.id() + ":" + purchase.id() + ":" + purchase.version()));
            }
        }
    }

    private static IdempotencyKey purchaseKey(ProgramId program, PurchaseId purchase) {
        return IdempotencyKey.of("purchase:" + program + ":" + purchase);
    }

    // ---------------------------------------------------------------- command machinery

    /** The part of a command that differs: apply it on the ledger, say what it wrote. */
    @FunctionalInterface
    private interface Body {
        Step apply(Stores s, LoyaltyProgram program, MemberLedger ledger);
    }

    /** What a command body did: the entry it wrote (or none) and, for reversals, the points not recovered. */
    private record Step(@Nullable LedgerEntry entry, long notRecovered) {
        static Step of(@Nullable LedgerEntry entry) {
            return new Step(entry, 0);
        }
    }

    /** A command's stored record, its entry, and whether this call only replayed it. */
    private record Outcome(LoyaltyCommandRecord record, @Nullable LedgerEntry entry, boolean replayed) {
    }

    /**
     * A read-write unit of work that locks a member's account first and may append ledger entries
     * numbered from the account's version. The lock orders such units; should a storage grant it before
     * the previous holder's commit is visible to the new transaction (seen, rarely, on H2 under heavy
     * load), the stale unit's first entry clashes on the store's unique (account, sequence) key. Nothing
     * of that unit is kept, so it runs again, reading the account afresh; after
     * {@link EngineContext#MAX_ATTEMPTS} clashes the {@link DuplicateException} reaches the caller.
     */
    private <T> T writeLocked(StorageWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return storage.write(work);
            } catch (DuplicateException e) {
                if (!"sequence".equals(e.key()) || attempt >= EngineContext.MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Builds a command's result from its stored record and entry. */
    @FunctionalInterface
    private interface ResultBuilder<R> {
        R build(LoyaltyCommandRecord record, @Nullable LedgerEntry entry, boolean replayed);
    }

    private <R> R command(String kind, ProgramId programId, CustomerId customer, IdempotencyKey key, Body body,
                          ResultBuilder<R> results) {
        Objects.requireNonNull(programId, "program");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(key, "key");
        List<DomainEvent> out = new ArrayList<>();
        Outcome outcome;
        try {
            outcome = writeLocked(s -> {
                out.clear();
                MemberAccount account = lock(s, programId, customer);
                LoyaltyProgram p = program(s, programId);
                Optional<LoyaltyCommandRecord> first = s.loyalty().findCommand(tenant, key);
                if (first.isPresent()) {
                    return new Outcome(first.get(), entryOf(s, first.get()), true);
                }
                // an earn only credits (its own new lot) and expires due lots; other commands may consume any lot
                MemberLedger ledger = "earn".equals(kind) ? openForCredit(s, account) : open(s, account);
                Step step = body.apply(s, p, ledger);
                Finished f = finish(s, p, account, ledger, step, kind, key, out);
                LedgerEntry entry = step.entry();
                LoyaltyCommandRecord record = f.record();
                return new Outcome(record, entry, false);
            });
        } catch (DuplicateException e) {
            if (!"idempotencyKey".equals(e.key())) {
                throw e;
            }
            // the key was committed concurrently for another account: replay that first result
            outcome = storage.read(s -> {
                LoyaltyCommandRecord r = s.loyalty().findCommand(tenant, key).orElseThrow(() -> e);
                return new Outcome(r, entryOf(s, r), true);
            });
        }
        LoyaltyCommandRecord record = outcome.record();
        boolean replayed = outcome.replayed();
        if (replayed) {
            // fresh: a cached "not enrolled" may predate the enrolment the replayed command ran on
            MemberAccountId expected = FreshReads.call(() -> findAccount(programId, customer))
                    .map(MemberAccount::id).orElse(null);
            if (!record.command().equals(kind) || !record.account().equals(expected)) {
                throw ValidationException.of(kind, "idempotencyKey", "already used for a different command");
            }
        } else {
            publish(out);
        }
        return results.build(record, outcome.entry(), replayed);
    }

    private EarnResult earnResult(LoyaltyCommandRecord r, @Nullable LedgerEntry e, boolean replayed) {
        return new EarnResult(e, Points.of(r.amount()), Points.of(r.balanceAfter()), r.tierAfter(), replayed);
    }

    private @Nullable LedgerEntry entryOf(Stores s, LoyaltyCommandRecord r) {
        return r.entry() == null ? null : s.loyalty().findEntry(tenant, r.entry()).orElse(null);
    }

    /** Enrols the customer unless the key was already used (a replay must not need the customer any more). */
    private void ensureEnrolled(ProgramId program, CustomerId customer, IdempotencyKey key) {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(key, "key");
        boolean needed = storage.read(s -> s.loyalty().findAccount(tenant, program, customer).isEmpty());
        if (needed) {
            enrol(program, customer);
        }
    }

    /** A ledger over every open lot of the account, due lots expired: for commands that consume points. */
    private MemberLedger open(Stores s, MemberAccount account) {
        MemberLedger ledger = new MemberLedger(account, s.loyalty().openLots(tenant, account.id()), ids, principal.id());
        ledger.expireDue(now());
        return ledger;
    }

    /**
     * A ledger over only the account's due lots, expired: for commands that never consume points (earn,
     * expiry), so their cost does not grow with the number of open lots. Such a ledger must not debit.
     */
    private MemberLedger openForCredit(Stores s, MemberAccount account) {
        Instant now = now();
        MemberLedger ledger = new MemberLedger(account, s.loyalty().dueLots(tenant, account.id(), now), ids,
                principal.id());
        ledger.expireDue(now);
        return ledger;
    }

    /** The account after a command and its stored record. */
    private record Finished(MemberAccount account, LoyaltyCommandRecord record) {
    }

    /**
     * Completes a command inside its transaction: upgrades the tier after an earn, writes the ledger's
     * changes and the account, and stores the command record for the key.
     */
    private Finished finish(Stores s, LoyaltyProgram p, MemberAccount before, MemberLedger ledger, Step step,
                            String kind, IdempotencyKey key, List<DomainEvent> out) {
        LedgerEntry entry = step.entry();
        MemberAccount after = ledger.account();
        TierChange change = null;
        if (entry != null && entry.kind() == EntryKind.EARN) {
            Instant now = now();
            Periods.Range window = Periods.window(p.tiers().window(), now, p.zone());
            // the new entry is not stored yet: count it on top of the stored window
            Map<QualificationMetric, Long> totals = tierTotals(s, p, before, window);
            totals.merge(QualificationMetric.POINTS_EARNED, entry.delta(), Long::sum);
            TierRules.Move move = TierRules.upgrade(after, p.tiers(), totals, now, principal.id());
            if (move != null) {
                after = move.account();
                change = move.change();
            }
        }
        persist(s, before, ledger, after, change, out);
        LoyaltyCommandRecord record = new LoyaltyCommandRecord(tenant, key, kind, before.id(),
                entry == null ? null : entry.id(), entry == null ? 0 : Math.abs(entry.delta()), step.notRecovered(),
                after.balance(), after.tier(), now());
        s.loyalty().insertCommand(record);
        return new Finished(after, record);
    }

    /** Writes what the ledger collected and the final account state; queues events. */
    private void persist(Stores s, MemberAccount before, MemberLedger ledger, MemberAccount after,
                         @Nullable TierChange change, List<DomainEvent> out) {
        LoyaltyStore store = s.loyalty();
        long balance = before.balance();
        for (LedgerEntry e : ledger.written()) {
            store.appendEntry(e);
            balance += e.delta();
            out.add(event(before.customer(), e, Points.of(balance)));
        }
        ledger.createdLots().forEach(store::insertLot);
        ledger.changedLots().forEach(l -> store.updateLotRemaining(tenant, l.id(), l.remaining()));
        if (after.version() != before.version()) {
            store.updateAccount(after, before.version());
        }
        if (change != null) {
            store.appendTierChange(change);
            out.add(new LoyaltyEvents.TierChanged(tenant, change.at(), principal.id(), before.customer(), change));
        }
    }

    private DomainEvent event(CustomerId customer, LedgerEntry e, Points balance) {
        String actor = principal.id();
        switch (e.kind()) {
            case EARN:
                return new LoyaltyEvents.PointsEarned(tenant, e.at(), actor, customer, e, balance);
            case REDEEM:
                return new LoyaltyEvents.PointsRedeemed(tenant, e.at(), actor, customer, e, balance);
            case EXPIRE:
                return new LoyaltyEvents.PointsExpired(tenant, e.at(), actor, customer, e, balance);
            case REVERSAL:
                return new LoyaltyEvents.PointsReversed(tenant, e.at(), actor, customer, e, balance);
            default:
                return new LoyaltyEvents.PointsAdjusted(tenant, e.at(), actor, customer, e, balance);
        }
    }

    private void publish(List<DomainEvent> out) {
        out.forEach(events);
    }

    private LoyaltyProgram program(Stores s, ProgramId id) {
        return s.loyalty().findProgram(tenant, id).orElseThrow(() -> new NotFoundException("loyalty program", id.value()));
    }

    private MemberAccount account(Stores s, ProgramId program, CustomerId customer) {
        return s.loyalty().findAccount(tenant, program, customer)
                .orElseThrow(() -> new NotFoundException("member account", program + "/" + customer));
    }

    /** Locks the account; must be the first store call of a write transaction (see {@link LoyaltyStore#lockAccount}). */
    private MemberAccount lock(Stores s, ProgramId program, CustomerId customer) {
        Optional<MemberAccount> account = s.loyalty().lockAccount(tenant, program, customer);
        if (account.isEmpty()) {
            program(s, program);
            throw new NotFoundException("member account", program + "/" + customer);
        }
        return account.get();
    }

    private static TierBenefits benefits(LoyaltyProgram p, MemberAccount a) {
        return p.tiers().tiers().stream().filter(t -> t.code().equals(a.tier())).findFirst()
                .map(TierDefinition::benefits).orElse(p.tiers().entryTier().benefits());
    }

    private long earnedTodayByRules(Stores s, MemberAccount a, LoyaltyProgram p, Instant now) {
        Periods.Range day = Periods.day(now, p.zone());
        return s.loyalty().ledgerTotals(tenant, a.id(), day.from(), day.to()).ruleEarnedPoints();
    }

    /**
     * The tier totals of the window from the stores' aggregates (one small read each, whatever the size of
     * the account's history); equal to {@code TierRules.totals(activity(...))}, which {@link #explainTier}
     * still uses because it lists the activity.
     */
    private Map<QualificationMetric, Long> tierTotals(Stores s, LoyaltyProgram p, MemberAccount a,
                                                      Periods.Range window) {
        LedgerTotals points = s.loyalty().ledgerTotals(tenant, a.id(), window.from(), window.to());
        PurchaseTotals purchases = s.purchases().totals(tenant, a.customer(), p.currency(), window.from(),
                window.to());
        Map<QualificationMetric, Long> totals = new EnumMap<>(QualificationMetric.class);
        totals.put(QualificationMetric.POINTS_EARNED, points.qualifyingPoints());
        totals.put(QualificationMetric.SPEND, purchases.spend());
        totals.put(QualificationMetric.ORDER_COUNT, purchases.orders());
        return totals;
    }

    /** Qualifying activity in the window: net earned points from the ledger, spend and orders from purchases. */
    private List<QualifyingActivity> activity(Stores s, LoyaltyProgram p, MemberAccount a, Periods.Range window) {
        List<QualifyingActivity> out = new ArrayList<>();
        for (LedgerEntry e : s.loyalty().entriesSince(tenant, a.id(), window.from())) {
            if (LedgerTotals.qualifies(e) && window.contains(e.at())) {
                out.add(new QualifyingActivity(e.at(), e.id().toString(), e.delta(), 0, 0));
            }
        }
        Map<PurchaseId, Purchase> purchases = new LinkedHashMap<>();
        for (Purchase pu : s.purchases().history(tenant, a.customer(), null, MAX_PURCHASES_FOR_TIERS)) {
            purchases.put(pu.id(), pu);
        }
        for (Purchase pu : purchases.values()) {
            if (!window.contains(pu.occurredAt()) || !pu.total().currency().equals(p.currency())) {
                continue;
            }
            out.add(new QualifyingActivity(pu.occurredAt(), pu.id().toString(), 0, PurchaseTotals.spendOf(pu),
                    PurchaseTotals.isOrder(pu) ? 1 : 0));
        }
        return out;
    }

    private void forEachAccount(ProgramId program, Consumer<MemberAccount> action) {
        MemberAccountId after = null;
        while (true) {
            MemberAccountId cursor = after;
            List<MemberAccount> page = storage.read(s -> s.loyalty().accounts(tenant, program, cursor, PAGE));
            page.forEach(action);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    private static void requireReason(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank() || reason.length() > 500) {
            throw ValidationException.of("loyalty command", "reason", "must be 1-500 characters");
        }
    }
}

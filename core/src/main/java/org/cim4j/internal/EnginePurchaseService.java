package org.cim4j.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cim4j.Channel;
import org.cim4j.DuplicateException;
import org.cim4j.NotFoundException;
import org.cim4j.Page;
import org.cim4j.PageRequest;
import org.cim4j.ValidationException;
import org.cim4j.VersionConflictException;
import org.cim4j.Violation;
import org.cim4j.commerce.Money;
import org.cim4j.commerce.NewPurchase;
import org.cim4j.commerce.Purchase;
import org.cim4j.commerce.PurchaseId;
import org.cim4j.commerce.PurchaseLine;
import org.cim4j.commerce.PurchaseService;
import org.cim4j.commerce.PurchaseStatus;
import org.cim4j.commerce.PurchaseSummary;
import org.cim4j.customer.CustomerId;
import org.cim4j.event.ActivityEvents;
import org.cim4j.spi.TimeKeyset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link PurchaseService} over the storage SPI, for one principal's tenant. */
final class EnginePurchaseService implements PurchaseService {
    private static final Logger LOG = LoggerFactory.getLogger(EnginePurchaseService.class);
    private static final int SUMMARY_PAGE = 500;

    private final EngineContext ctx;

    EnginePurchaseService(EngineContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Purchase record(NewPurchase purchase) {
        Objects.requireNonNull(purchase, "purchase");
        Instant now = ctx.now();
        List<Violation> violations = new ArrayList<>();
        ctx.validator().purchase(purchase, now, violations);
        InputValidator.throwIfAny("purchase", violations);
        Money total = null;
        for (PurchaseLine line : purchase.lines()) {
            total = total == null ? line.total() : total.plus(line.total());
        }
        Money sum = Objects.requireNonNull(total, "total");
        Instant at = purchase.occurredAt() == null ? now : Times.micros(purchase.occurredAt());
        Purchase p = new Purchase(PurchaseId.of(ctx.nextId()), ctx.tenant(), purchase.customerId(),
                purchase.orderId(), purchase.channel(), purchase.storeId(), at, purchase.lines(), sum,
                Money.zero(sum.currency()), PurchaseStatus.COMPLETED, 1, now);
        ctx.write((stores, events) -> {
            boolean active = stores.customers().findById(ctx.tenant(), p.customerId()).map(c -> c.isActive())
                    .orElse(false);
            if (!active) {
                throw new NotFoundException("customer", p.customerId().toString());
            }
            Optional<Purchase> existing = stores.purchases().findByOrder(ctx.tenant(), p.channel(), p.orderId());
            if (existing.isPresent()) {
                throw new DuplicateException("purchase", "orderId", existing.get().id().toString());
            }
            stores.purchases().insert(p);
            events.add(new ActivityEvents.PurchaseRecorded(ctx.tenant(), now, ctx.actor(), p));
            return p;
        });
        LOG.debug("recorded purchase {} for customer {}", p.id(), p.customerId());
        return p;
    }

    @Override
    public Optional<Purchase> find(PurchaseId id) {
        Objects.requireNonNull(id, "id");
        return ctx.read(stores -> stores.purchases().findById(ctx.tenant(), id));
    }

    @Override
    public Purchase get(PurchaseId id) {
        return find(id).orElseThrow(() -> new NotFoundException("purchase", id.toString()));
    }

    @Override
    public Optional<Purchase> findByOrder(Channel channel, String orderId) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(orderId, "orderId");
        return ctx.read(stores -> stores.purchases().findByOrder(ctx.tenant(), channel, orderId));
    }

    @Override
    public Purchase refund(PurchaseId id, Money amount) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative() || amount.isZero()) {
            throw new ValidationException("refund of purchase " + id,
                    List.of(new Violation("amount", "must be positive", amount.toString())));
        }
        VersionConflictException last = null;
        for (int attempt = 1; attempt <= EngineContext.MAX_ATTEMPTS; attempt++) {
            Instant now = ctx.now();
            try {
                return ctx.write((stores, events) -> {
                    Purchase stored = stores.purchases().findById(ctx.tenant(), id)
                            .orElseThrow(() -> new NotFoundException("purchase", id.toString()));
                    if (!stored.total().currency().equals(amount.currency())) {
                        throw new ValidationException("refund of purchase " + id, List.of(new Violation("amount",
                                "must be in " + stored.total().currency(), amount.toString())));
                    }
                    Money left = stored.net();
                    if (amount.compareTo(left) > 0) {
                        throw new ValidationException("refund of purchase " + id, List.of(new Violation("amount",
                                "must not exceed the amount left to refund, " + left, amount.toString())));
                    }
                    Purchase refunded = stored.withRefunded(stored.refunded().plus(amount));
                    stores.purchases().update(refunded);
                    events.add(new ActivityEvents.PurchaseRefunded(ctx.tenant(), now, ctx.actor(), refunded, amount));
                    return refunded;
                });
            } catch (VersionConflictException e) {
                last = e;
                LOG.debug("refund of purchase {} hit a version conflict, attempt {}", id, attempt);
            }
        }
        throw Objects.requireNonNull(last);
    }

    @Override
    public Page<Purchase> history(CustomerId customer, PageRequest page) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(page, "page");
        String key = customer.toString();
        TimeKeyset before = page.after() == null ? null
                : EngineInteractionService.timeKeyset(Cursors.Kind.HISTORY, page.after(), key);
        return ctx.read(stores -> {
            List<Purchase> rows = stores.purchases().history(ctx.tenant(), customer, before, page.limit() + 1);
            if (rows.size() <= page.limit()) {
                return Page.last(rows);
            }
            List<Purchase> items = rows.subList(0, page.limit());
            Purchase last = items.get(items.size() - 1);
            return new Page<>(items, Cursors.encode(Cursors.Kind.HISTORY, key, 0, last.occurredAt(),
                    last.id().value()));
        });
    }

    @Override
    public PurchaseSummary summary(CustomerId customer) {
        Objects.requireNonNull(customer, "customer");
        return ctx.read(stores -> {
            Map<Currency, Money> gross = new HashMap<>();
            Map<Currency, Money> refunded = new HashMap<>();
            long orders = 0;
            Instant first = null;
            Instant latest = null;
            TimeKeyset before = null;
            while (true) {
                List<Purchase> batch = stores.purchases().history(ctx.tenant(), customer, before, SUMMARY_PAGE);
                for (Purchase p : batch) {
                    orders++;
                    gross.merge(p.total().currency(), p.total(), Money::plus);
                    refunded.merge(p.total().currency(), p.refunded(), Money::plus);
                    if (latest == null || p.occurredAt().isAfter(latest)) {
                        latest = p.occurredAt();
                    }
                    if (first == null || p.occurredAt().isBefore(first)) {
                        first = p.occurredAt();
                    }
                }
                if (batch.size() < SUMMARY_PAGE) {
                    break;
                }
                Purchase last = batch.get(batch.size() - 1);
                before = new TimeKeyset(last.occurredAt(), last.id().value());
            }
            return new PurchaseSummary(customer, orders, gross, refunded, first, latest);
        });
    }
}

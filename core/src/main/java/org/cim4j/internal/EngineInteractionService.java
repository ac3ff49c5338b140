package org.cim4j.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.cim4j.NotFoundException;
import org.cim4j.Page;
import org.cim4j.PageRequest;
import org.cim4j.Violation;
import org.cim4j.customer.CustomerId;
import org.cim4j.event.ActivityEvents;
import org.cim4j.interaction.Interaction;
import org.cim4j.interaction.InteractionId;
import org.cim4j.interaction.InteractionQuery;
import org.cim4j.interaction.InteractionService;
import org.cim4j.interaction.NewInteraction;
import org.cim4j.spi.Stores;
import org.cim4j.spi.TimeKeyset;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link InteractionService} over the storage SPI, for one principal's tenant. */
final class EngineInteractionService implements InteractionService {
    private static final Logger LOG = LoggerFactory.getLogger(EngineInteractionService.class);

    private final EngineContext ctx;

    EngineInteractionService(EngineContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Interaction record(NewInteraction interaction) {
        Objects.requireNonNull(interaction, "interaction");
        return recordAll(List.of(interaction), "interaction", "").get(0);
    }

    @Override
    public List<Interaction> recordAll(List<NewInteraction> interactions) {
        Objects.requireNonNull(interactions, "interactions");
        for (int i = 0; i < interactions.size(); i++) {
            Objects.requireNonNull(interactions.get(i), "interactions[" + i + "]");
        }
        if (interactions.isEmpty()) {
            return List.of();
        }
        return recordAll(interactions, "interactions", null);
    }

    /** @param prefix path prefix for violations, or null to prefix each with its index */
    private List<Interaction> recordAll(List<NewInteraction> inputs, String what, @Nullable String prefix) {
        Instant now = ctx.now();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ctx.validator().interaction(inputs.get(i), prefix != null ? prefix : "[" + i + "].", now, violations);
        }
        InputValidator.throwIfAny(what, violations);
        List<Interaction> built = new ArrayList<>(inputs.size());
        for (NewInteraction n : inputs) {
            Instant at = n.occurredAt() == null ? now : Times.micros(n.occurredAt());
            built.add(new Interaction(InteractionId.of(ctx.nextId()), ctx.tenant(), n.customerId(), n.type(),
                    n.channel(), n.direction(), at, n.subject(), n.notes(), n.outcome(), n.csat(), n.nps(),
                    n.agent(), now));
        }
        ctx.write((stores, events) -> {
            Set<CustomerId> customers = new LinkedHashSet<>();
            built.forEach(i -> customers.add(i.customerId()));
            for (CustomerId c : new TreeSet<>(customers)) {
                requireActiveCustomer(stores, c);
            }
            if (built.size() == 1) {
                stores.interactions().insert(built.get(0));
            } else {
                stores.interactions().insertAll(built);
            }
            for (Interaction i : built) {
                events.add(new ActivityEvents.InteractionRecorded(ctx.tenant(), now, ctx.actor(), i));
            }
            return built;
        });
        LOG.debug("recorded {} interactions in tenant {}", built.size(), ctx.tenant());
        return List.copyOf(built);
    }

    private void requireActiveCustomer(Stores stores, CustomerId id) {
        boolean active = stores.customers().findById(ctx.tenant(), id).map(c -> c.isActive()).orElse(false);
        if (!active) {
            throw new NotFoundException("customer", id.toString());
        }
    }

    @Override
    public Optional<Interaction> find(InteractionId id) {
        Objects.requireNonNull(id, "id");
        return ctx.read(stores -> stores.interactions().findById(ctx.tenant(), id));
    }

    @Override
    public Page<Interaction> timeline(CustomerId customer, InteractionQuery query, PageRequest page) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        String key = customer + "|" + new TreeSet<>(query.types().stream().map(t -> t.code()).toList())
                + "|" + query.from() + "|" + query.to();
        TimeKeyset before = page.after() == null ? null : timeKeyset(Cursors.Kind.TIMELINE, page.after(), key);
        return ctx.read(stores -> {
            if (stores.customers().findById(ctx.tenant(), customer).isEmpty()) {
                throw new NotFoundException("customer", customer.toString());
            }
            List<Interaction> rows = stores.interactions().timeline(ctx.tenant(), customer, query, before,
                    page.limit() + 1);
            if (rows.size() <= page.limit()) {
                return Page.last(rows);
            }
            List<Interaction> items = rows.subList(0, page.limit());
            Interaction last = items.get(items.size() - 1);
            return new Page<>(items, Cursors.encode(Cursors.Kind.TIMELINE, key, 0, last.occurredAt(),
                    last.id().value()));
        });
    }

    /** Decodes a newest-first cursor of {@code kind} into the keyset it stands for. */
    static TimeKeyset timeKeyset(Cursors.Kind kind, String cursor, String key) {
        Cursors.Position p = Cursors.decode(cursor, kind, key, 0);
        if (p.at() == null) {
            throw Cursors.invalid("is damaged or was altered");
        }
        return new TimeKeyset(p.at(), p.id());
    }

    @Override
    public long count(CustomerId customer, InteractionQuery query) {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(query, "query");
        return ctx.read(stores -> stores.interactions().count(ctx.tenant(), customer, query));
    }
}

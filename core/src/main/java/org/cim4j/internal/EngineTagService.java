package org.cim4j.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cim4j.DuplicateException;
import org.cim4j.NotFoundException;
import org.cim4j.Page;
import org.cim4j.PageRequest;
import org.cim4j.VersionConflictException;
import org.cim4j.Violation;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.CustomerService;
import org.cim4j.event.ActivityEvents;
import org.cim4j.tag.NewTag;
import org.cim4j.tag.Tag;
import org.cim4j.tag.TagId;
import org.cim4j.tag.TagService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link TagService} over the storage SPI, for one principal's tenant. */
final class EngineTagService implements TagService {
    private static final Logger LOG = LoggerFactory.getLogger(EngineTagService.class);

    private final EngineContext ctx;
    private final CustomerService customers;

    EngineTagService(EngineContext ctx, CustomerService customers) {
        this.ctx = ctx;
        this.customers = customers;
    }

    @Override
    public Tag create(NewTag tag) {
        Objects.requireNonNull(tag, "tag");
        List<Violation> violations = new ArrayList<>();
        ctx.validator().tag(tag, violations);
        InputValidator.throwIfAny("tag", violations);
        Instant now = ctx.now();
        Tag t = new Tag(TagId.of(ctx.nextId()), ctx.tenant(), tag.name().strip(), blankToNull(tag.group()),
                blankToNull(tag.description()), tag.kind(), now);
        ctx.write((stores, events) -> {
            Optional<Tag> existing = stores.tags().findByName(ctx.tenant(), t.name());
            if (existing.isPresent()) {
                throw new DuplicateException("tag", "name", existing.get().id().toString());
            }
            stores.tags().insert(t);
            return t;
        });
        LOG.debug("created tag {} in tenant {}", t.id(), ctx.tenant());
        return t;
    }

    @Override
    public Optional<Tag> find(TagId id) {
        Objects.requireNonNull(id, "id");
        return ctx.read(stores -> stores.tags().findById(ctx.tenant(), id));
    }

    @Override
    public Tag get(TagId id) {
        return find(id).orElseThrow(() -> new NotFoundException("tag", id.toString()));
    }

    @Override
    public Optional<Tag> findByName(String name) {
        Objects.requireNonNull(name, "name");
        return ctx.read(stores -> stores.tags().findByName(ctx.tenant(), name.strip()));
    }

    @Override
    public List<Tag> list() {
        return List.copyOf(ctx.read(stores -> stores.tags().list(ctx.tenant())));
    }

    @Override
    public Customer assign(CustomerId customer, TagId tag) {
        return change(customer, tag, true);
    }

    @Override
    public Customer unassign(CustomerId customer, TagId tag) {
        return change(customer, tag, false);
    }

    /**
     * Adds or removes a tag. The change is idempotent, so a version conflict with a concurrent
     * update is resolved by re-reading and trying again, a bounded number of times.
     */
    private Customer change(CustomerId customerId, TagId tag, boolean add) {
        Objects.requireNonNull(customerId, "customer");
        Objects.requireNonNull(tag, "tag");
        VersionConflictException last = null;
        for (int attempt = 1; attempt <= EngineContext.MAX_ATTEMPTS; attempt++) {
            Instant now = ctx.now();
            try {
                return ctx.write((stores, events) -> {
                    Customer stored = stores.customers().findById(ctx.tenant(), customerId)
                            .orElseThrow(() -> new NotFoundException("customer", customerId.toString()));
                    if (stores.tags().findById(ctx.tenant(), tag).isEmpty()) {
                        throw new NotFoundException("tag", tag.toString());
                    }
                    EngineCustomerService.requireActive(stored, add ? "tag" : "untag");
                    if (stored.hasTag(tag) == add) {
                        return stored;
                    }
                    Customer changed = (add ? stored.withTag(tag) : stored.withoutTag(tag))
                            .withBookkeeping(stored.version() + 1, stored.status(), stored.mergedInto(), now);
                    stores.customers().update(changed);
                    events.add(add
                            ? new ActivityEvents.TagAssigned(ctx.tenant(), now, ctx.actor(), customerId, tag)
                            : new ActivityEvents.TagUnassigned(ctx.tenant(), now, ctx.actor(), customerId, tag));
                    return changed;
                });
            } catch (VersionConflictException e) {
                last = e;
                LOG.debug("tag change on customer {} hit a version conflict, attempt {}", customerId, attempt);
            }
        }
        throw Objects.requireNonNull(last);
    }

    @Override
    public Page<Customer> customersWith(TagId tag, PageRequest page) {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(page, "page");
        return customers.find(CustomerQuery.builder().tag(tag).build(), page);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

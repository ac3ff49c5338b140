package org.cim4j.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.cim4j.DuplicateException;
import org.cim4j.NotFoundException;
import org.cim4j.Page;
import org.cim4j.PageRequest;
import org.cim4j.ValidationException;
import org.cim4j.VersionConflictException;
import org.cim4j.Violation;
import org.cim4j.customer.ContactPoint;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.CustomerService;
import org.cim4j.customer.CustomerSort;
import org.cim4j.customer.CustomerStatus;
import org.cim4j.customer.ExternalId;
import org.cim4j.customer.NewCustomer;
import org.cim4j.customer.Person;
import org.cim4j.event.CustomerEvents;
import org.cim4j.spi.CustomerKeyset;
import org.cim4j.spi.Stores;
import org.cim4j.tag.TagId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link CustomerService} over the storage SPI, for one principal's tenant. */
final class EngineCustomerService implements CustomerService {
    private static final Logger LOG = LoggerFactory.getLogger(EngineCustomerService.class);
    private static final Comparator<Customer> OLDEST_FIRST =
            Comparator.comparing(Customer::createdAt).thenComparing(Customer::id);

    private final EngineContext ctx;

    EngineCustomerService(EngineContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Customer create(NewCustomer customer) {
        Objects.requireNonNull(customer, "customer");
        List<Violation> violations = new ArrayList<>();
        NewCustomer n = ctx.validator().customer(customer, "", violations);
        InputValidator.throwIfAny("customer", violations);
        Instant now = ctx.now();
        Customer c = newCustomer(n, CustomerId.of(ctx.nextId()), now);
        ctx.write((stores, events) -> {
            requireTags(stores, c.tags());
            // The store enforces unique keys (SPI contract) and names the holder: no lookups here.
            stores.customers().insert(c);
            events.add(new CustomerEvents.CustomerCreated(ctx.tenant(), now, ctx.actor(), c));
            return c;
        });
        LOG.debug("created customer {} in tenant {}", c.id(), ctx.tenant());
        return c;
    }

    @Override
    public List<Customer> createAll(List<NewCustomer> customers) {
        Objects.requireNonNull(customers, "customers");
        if (customers.isEmpty()) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        List<NewCustomer> normalised = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            NewCustomer in = Objects.requireNonNull(customers.get(i), "customers[" + i + "]");
            normalised.add(ctx.validator().customer(in, "[" + i + "].", violations));
        }
        InputValidator.throwIfAny("customers", violations);
        Instant now = ctx.now();
        List<Customer> created = new ArrayList<>(normalised.size());
        for (NewCustomer n : normalised) {
            created.add(newCustomer(n, CustomerId.of(ctx.nextId()), now));
        }
        ctx.write((stores, events) -> {
            Set<TagId> tags = new HashSet<>();
            created.forEach(c -> tags.addAll(c.tags()));
            requireTags(stores, tags);
            checkBatchDuplicates(created);
            // One batch insert; the store rejects a key held by a stored customer and names the holder.
            stores.customers().insertAll(created);
            for (Customer c : created) {
                events.add(new CustomerEvents.CustomerCreated(ctx.tenant(), now, ctx.actor(), c));
            }
            return created;
        });
        LOG.debug("created {} customers in tenant {}", created.size(), ctx.tenant());
        return List.copyOf(created);
    }

    @Override
    public Optional<Customer> find(CustomerId id) {
        Objects.requireNonNull(id, "id");
        return ctx.read(stores -> stores.customers().findById(ctx.tenant(), id));
    }

    @Override
    public Customer get(CustomerId id) {
        return find(id).orElseThrow(() -> new NotFoundException("customer", id.toString()));
    }

    @Override
    public Customer update(Customer changed) {
        Objects.requireNonNull(changed, "customer");
        List<Violation> violations = new ArrayList<>();
        NewCustomer n = ctx.validator().customer(InputValidator.profileOf(changed), "", violations);
        InputValidator.throwIfAny("customer " + changed.id(), violations);
        Instant now = ctx.now();
        Customer after = ctx.write((stores, events) -> {
            Customer stored = stores.customers().findById(ctx.tenant(), changed.id())
                    .orElseThrow(() -> new NotFoundException("customer", changed.id().toString()));
            if (stored.version() != changed.version()) {
                throw new VersionConflictException("customer", stored.id().toString(), changed.version());
            }
            requireActive(stored, "update");
            Set<TagId> added = new HashSet<>(n.tags());
            added.removeAll(stored.tags());
            requireTags(stores, added);
            Customer updated = new Customer(stored.id(), stored.tenant(), stored.version() + 1, stored.status(),
                    stored.mergedInto(), n.stage(), person(n), n.contacts(), n.addresses(), n.sourceChannel(),
                    n.externalIds(), n.attributes(), n.tags(), stored.createdAt(), now);
            stores.customers().update(updated);
            events.add(new CustomerEvents.CustomerUpdated(ctx.tenant(), now, ctx.actor(), stored, updated));
            return updated;
        });
        LOG.debug("updated customer {} to version {}", after.id(), after.version());
        return after;
    }

    @Override
    public Customer delete(CustomerId id) {
        Objects.requireNonNull(id, "id");
        Instant now = ctx.now();
        return ctx.write((stores, events) -> {
            Customer stored = stores.customers().findById(ctx.tenant(), id)
                    .orElseThrow(() -> new NotFoundException("customer", id.toString()));
            if (stored.status() != CustomerStatus.ACTIVE) {
                return stored;
            }
            Customer deleted = stored.withBookkeeping(stored.version() + 1, CustomerStatus.DELETED, null, now);
            stores.customers().update(deleted);
            events.add(new CustomerEvents.CustomerDeleted(ctx.tenant(), now, ctx.actor(), deleted));
            LOG.debug("deleted customer {}", id);
            return deleted;
        });
    }

    @Override
    public Page<Customer> find(CustomerQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        validateQuery(query);
        String key = queryKey(query);
        CustomerSort sort = query.sort();
        Cursors.Position position = page.after() == null ? null
                : Cursors.decode(page.after(), Cursors.Kind.CUSTOMERS, key, sort.ordinal());
        return ctx.read(stores -> {
            CustomerKeyset keyset = position == null ? null : keyset(stores, sort, position);
            List<Customer> rows = stores.customers().query(ctx.tenant(), query, keyset, page.limit() + 1);
            if (rows.size() <= page.limit()) {
                return Page.last(rows);
            }
            List<Customer> items = rows.subList(0, page.limit());
            Customer last = items.get(items.size() - 1);
            Instant at = sort == CustomerSort.NAME_ASC ? null : last.createdAt();
            return new Page<>(items, Cursors.encode(Cursors.Kind.CUSTOMERS, key, sort.ordinal(), at, last.id().value()));
        });
    }

    private CustomerKeyset keyset(Stores stores, CustomerSort sort, Cursors.Position position) {
        CustomerId id = CustomerId.of(position.id());
        if (sort == CustomerSort.NAME_ASC) {
            // The cursor holds no name: re-read the last customer for its sort key.
            Customer last = stores.customers().findById(ctx.tenant(), id)
                    .orElseThrow(() -> Cursors.invalid("refers to a customer that does not exist"));
            return CustomerKeyset.of(last);
        }
        if (position.at() == null) {
            throw Cursors.invalid("is damaged or was altered");
        }
        return new CustomerKeyset(position.at(), "", id);
    }

    @Override
    public long count(CustomerQuery query) {
        Objects.requireNonNull(query, "query");
        validateQuery(query);
        return ctx.read(stores -> stores.customers().count(ctx.tenant(), query));
    }

    @Override
    public List<Customer> findByContact(ContactType type, String value) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        String normalised;
        try {
            normalised = ctx.validator().normalizer().contact(type, value);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("contact lookup",
                    List.of(new Violation("value", e.getMessage(), Masking.contact(type.code(), value))));
        }
        List<Customer> found = new ArrayList<>(
                ctx.read(stores -> stores.customers().findByContact(ctx.tenant(), type, normalised)));
        found.sort(OLDEST_FIRST);
        return List.copyOf(found);
    }

    @Override
    public Optional<Customer> findByExternalId(ExternalId externalId) {
        Objects.requireNonNull(externalId, "externalId");
        return ctx.read(stores -> stores.customers().findByExternalId(ctx.tenant(), externalId));
    }

    // ---------------------------------------------------------------- helpers

    private Customer newCustomer(NewCustomer n, CustomerId id, Instant now) {
        return new Customer(id, ctx.tenant(), 1, CustomerStatus.ACTIVE, null, n.stage(), person(n), n.contacts(),
                n.addresses(), n.sourceChannel(), n.externalIds(), n.attributes(), n.tags(), now, now);
    }

    private static Person person(NewCustomer n) {
        return new Person(Objects.requireNonNull(n.displayName(), "displayName"), n.givenName(), n.familyName(),
                n.birthDate(), n.gender());
    }

    private void validateQuery(CustomerQuery query) {
        List<Violation> violations = new ArrayList<>();
        ctx.validator().query(query, violations);
        InputValidator.throwIfAny("customer query", violations);
    }

    /** Throws {@link NotFoundException} for the first tag that does not exist in the tenant. */
    void requireTags(Stores stores, Collection<TagId> tags) {
        for (TagId tag : new TreeSet<>(tags)) {
            if (stores.tags().findById(ctx.tenant(), tag).isEmpty()) {
                throw new NotFoundException("tag", tag.toString());
            }
        }
    }

    static void requireActive(Customer c, String operation) {
        if (!c.isActive()) {
            throw ValidationException.of("customer " + c.id(), "status",
                    "cannot " + operation + " a customer whose status is " + c.status());
        }
    }

    /** Fails if another active customer holds one of {@code c}'s external ids or primary contacts. */
    /** Fails if two customers of one batch share an external id or a primary contact. */
    private static void checkBatchDuplicates(List<Customer> batch) {
        Map<String, CustomerId> keys = new HashMap<>();
        for (Customer c : batch) {
            for (ExternalId ext : c.externalIds()) {
                CustomerId other = keys.putIfAbsent("ext\u0000" + ext.key(), c.id());
                if (other != null) {
                    throw new DuplicateException("customer", "externalId", other.toString());
                }
            }
            for (ContactPoint p : c.contacts()) {
                if (p.primary()) {
                    CustomerId other = keys.putIfAbsent("contact\u0000" + p.type().code() + '\u0000' + p.value(), c.id());
                    if (other != null) {
                        throw new DuplicateException("customer", "primaryContact", other.toString());
                    }
                }
            }
        }
    }

    /**
     * A text identifying the query for cursor hashing, independent of set iteration order so it is
     * stable across JVMs.
     */
    static String queryKey(CustomerQuery query) {
        StringBuilder sb = new StringBuilder(query.sort().name());
        for (CustomerQuery.Criterion c : query.criteria()) {
            sb.append('|');
            if (c instanceof CustomerQuery.Criterion.StageIn s) {
                sb.append("stage").append(new TreeSet<>(s.stages()));
            } else if (c instanceof CustomerQuery.Criterion.StatusIn s) {
                sb.append("status").append(new TreeSet<>(s.statuses()));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}

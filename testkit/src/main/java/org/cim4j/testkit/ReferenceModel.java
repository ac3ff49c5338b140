package org.cim4j.testkit;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.cim4j.Channel;
import org.cim4j.DuplicateException;
import org.cim4j.NotFoundException;
import org.cim4j.TenantId;
import org.cim4j.VersionConflictException;
import org.cim4j.commerce.Purchase;
import org.cim4j.commerce.PurchaseId;
import org.cim4j.customer.AttributeValue;
import org.cim4j.customer.ContactPoint;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.CustomerQuery.Criterion;
import org.cim4j.customer.CustomerSort;
import org.cim4j.customer.ExternalId;
import org.cim4j.interaction.Interaction;
import org.cim4j.interaction.InteractionId;
import org.cim4j.interaction.InteractionQuery;
import org.cim4j.spi.CustomerKeyset;
import org.cim4j.spi.TimeKeyset;
import org.cim4j.tag.Tag;
import org.cim4j.tag.TagId;
import org.jspecify.annotations.Nullable;

/**
 * A deliberately simple model of what the storage SPI promises for one tenant, in plain Java
 * collections with linear scans. The property tests run the same commands against an adapter and
 * this model and compare the answers after each step, so the model favours obviousness over speed.
 *
 * <p>Write methods throw the exception the SPI prescribes ({@link DuplicateException},
 * {@link VersionConflictException}, {@link NotFoundException}) and leave the model unchanged when
 * they do, exactly as a rolled-back transaction leaves an adapter. Not thread-safe.
 */
public final class ReferenceModel {
    private final TenantId tenant;
    private final Map<CustomerId, Customer> customers = new HashMap<>();
    private final Map<TagId, Tag> tags = new HashMap<>();
    private final Map<InteractionId, Interaction> interactions = new HashMap<>();
    private final Map<PurchaseId, Purchase> purchases = new HashMap<>();

    public ReferenceModel(TenantId tenant) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
    }

    public TenantId tenant() {
        return tenant;
    }

    /** A copy of this model, for trying a unit of work that may be rolled back. */
    public ReferenceModel copy() {
        ReferenceModel m = new ReferenceModel(tenant);
        m.customers.putAll(customers);
        m.tags.putAll(tags);
        m.interactions.putAll(interactions);
        m.purchases.putAll(purchases);
        return m;
    }

    // ---- customers ------------------------------------------------------------------------------

    /** Every stored customer, in id order. */
    public List<Customer> customers() {
        return customers.values().stream().sorted(Comparator.comparing(Customer::id)).toList();
    }

    public Optional<Customer> findById(CustomerId id) {
        return Optional.ofNullable(customers.get(id));
    }

    public List<Customer> findByContact(ContactType type, String value) {
        return customers().stream().filter(Customer::isActive)
                .filter(c -> c.contacts().stream().anyMatch(p -> p.type().equals(type) && p.value().equals(value)))
                .toList();
    }

    public Optional<Customer> findByExternalId(ExternalId id) {
        return customers().stream().filter(Customer::isActive).filter(c -> c.externalIds().contains(id)).findFirst();
    }

    public void insert(Customer c) {
        requireTenant(c.tenant());
        if (customers.containsKey(c.id())) {
            throw new DuplicateException("customer", "id", c.id().toString());
        }
        checkKeys(c);
        customers.put(c.id(), c);
    }

    public void update(Customer c) {
        requireTenant(c.tenant());
        Customer stored = customers.get(c.id());
        if (stored == null) {
            throw new NotFoundException("customer", c.id().toString());
        }
        if (stored.version() != c.version() - 1) {
            throw new VersionConflictException("customer", c.id().toString(), c.version() - 1);
        }
        checkKeys(c);
        customers.put(c.id(), c);
    }

    /** The unique keys {@code c} would clash on among the other active customers (empty if none). */
    public Set<String> clashes(Customer c) {
        Set<String> keys = new LinkedHashSet<>();
        if (!c.isActive()) {
            return keys;
        }
        for (Customer other : customers.values()) {
            if (other.id().equals(c.id()) || !other.isActive()) {
                continue;
            }
            if (other.externalIds().stream().anyMatch(c.externalIds()::contains)) {
                keys.add("externalId");
            }
            for (ContactPoint p : c.contacts()) {
                if (p.primary() && other.contacts().stream().anyMatch(o -> o.primary() && o.type().equals(p.type())
                        && o.value().equals(p.value()))) {
                    keys.add("primaryContact");
                }
            }
        }
        return keys;
    }

    private void checkKeys(Customer c) {
        Set<String> keys = clashes(c);
        if (!keys.isEmpty()) {
            throw new DuplicateException("customer", keys.iterator().next(), null);
        }
    }

    /** Customers matching {@code q}, in its order, strictly after {@code after}, at most {@code limit}. */
    public List<Customer> query(CustomerQuery q, @Nullable CustomerKeyset after, int limit) {
        return customers.values().stream().filter(c -> matches(q, c))
                .filter(c -> after == null || isAfter(q.sort(), c, after))
                .sorted(order(q.sort())).limit(limit).toList();
    }

    public long count(CustomerQuery q) {
        return customers.values().stream().filter(c -> matches(q, c)).count();
    }

    /** The total order of a sort, ending with the id. */
    public static Comparator<Customer> order(CustomerSort sort) {
        Comparator<Customer> created = Comparator.comparing(Customer::createdAt).thenComparing(Customer::id);
        return switch (sort) {
            case CREATED_ASC -> created;
            case CREATED_DESC -> created.reversed();
            case NAME_ASC -> Comparator.comparing((Customer c) -> c.person().sortName()).thenComparing(Customer::id);
        };
    }

    static boolean isAfter(CustomerSort sort, Customer c, CustomerKeyset k) {
        return switch (sort) {
            case CREATED_ASC -> compare(c.createdAt(), c.id(), k.createdAt(), k.id()) > 0;
            case CREATED_DESC -> compare(c.createdAt(), c.id(), k.createdAt(), k.id()) < 0;
            case NAME_ASC -> {
                int byName = c.person().sortName().compareTo(k.sortName());
                yield byName != 0 ? byName > 0 : c.id().compareTo(k.id()) > 0;
            }
        };
    }

    private static int compare(Instant a, CustomerId aid, Instant b, CustomerId bid) {
        int byTime = a.compareTo(b);
        return byTime != 0 ? byTime : aid.compareTo(bid);
    }

    /** Whether {@code c} matches every criterion of {@code q} (and its status filter). */
    public static boolean matches(CustomerQuery q, Customer c) {
        if (!q.statuses().contains(c.status())) {
            return false;
        }
        for (Criterion criterion : q.criteria()) {
            if (!matches(criterion, c)) {
                return false;
            }
        }
        return true;
    }

    static boolean matches(Criterion criterion, Customer c) {
        if (criterion instanceof Criterion.StageIn s) {
            return s.stages().contains(c.stage());
        } else if (criterion instanceof Criterion.StatusIn s) {
            return s.statuses().contains(c.status());
        } else if (criterion instanceof Criterion.HasTag t) {
            return c.tags().contains(t.tag());
        } else if (criterion instanceof Criterion.AttributeEquals e) {
            AttributeValue v = c.attributes().get(e.name());
            return v != null && v.type() == e.value().type() && v.compareTo(e.value()) == 0;
        } else if (criterion instanceof Criterion.AttributeBetween b) {
            AttributeValue v = c.attributes().get(b.name());
            return v != null && v.type() == b.type()
                    && (b.from() == null || v.compareTo(b.from()) >= 0)
                    && (b.to() == null || v.compareTo(b.to()) <= 0);
        } else if (criterion instanceof Criterion.CreatedBetween b) {
            return (b.from() == null || !c.createdAt().isBefore(b.from()))
                    && (b.to() == null || c.createdAt().isBefore(b.to()));
        } else if (criterion instanceof Criterion.ContactContains f) {
            String fragment = asciiLower(f.fragment());
            return c.contacts().stream().anyMatch(p -> asciiLower(p.value()).contains(fragment));
        } else if (criterion instanceof Criterion.NameContains n) {
            return c.person().sortName().contains(n.fragment().toLowerCase(Locale.ROOT));
        } else if (criterion instanceof Criterion.SourceChannelIs s) {
            return s.channel().equals(c.sourceChannel());
        }
        throw new IllegalArgumentException("unknown criterion " + criterion.getClass().getSimpleName());
    }

    /** Lower-cases A–Z only, the case folding ContactContains promises. */
    static String asciiLower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            b.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
        }
        return b.toString();
    }

    // ---- tags -----------------------------------------------------------------------------------

    public void insert(Tag t) {
        requireTenant(t.tenant());
        if (tags.containsKey(t.id())) {
            throw new DuplicateException("tag", "id", t.id().toString());
        }
        if (tags.values().stream().anyMatch(o -> o.name().equals(t.name()))) {
            throw new DuplicateException("tag", "name", null);
        }
        tags.put(t.id(), t);
    }

    public Optional<Tag> findTag(TagId id) {
        return Optional.ofNullable(tags.get(id));
    }

    public Optional<Tag> findTagByName(String name) {
        return tags.values().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Tags ordered by name (binary), then id. */
    public List<Tag> tags() {
        return tags.values().stream().sorted(Comparator.comparing(Tag::name).thenComparing(Tag::id)).toList();
    }

    // ---- interactions and purchases -------------------------------------------------------------

    public void insert(Interaction i) {
        requireTenant(i.tenant());
        if (interactions.putIfAbsent(i.id(), i) != null) {
            throw new DuplicateException("interaction", "id", i.id().toString());
        }
    }

    public Optional<Interaction> findInteraction(InteractionId id) {
        return Optional.ofNullable(interactions.get(id));
    }

    public List<Interaction> timeline(CustomerId customer, InteractionQuery q, @Nullable TimeKeyset before, int limit) {
        Comparator<Interaction> newestFirst = Comparator.comparing(Interaction::occurredAt)
                .thenComparing(Interaction::id).reversed();
        return interactions.values().stream().filter(i -> i.customerId().equals(customer)).filter(q::matches)
                .filter(i -> before == null || isBefore(i.occurredAt(), i.id().value(), before))
                .sorted(newestFirst).limit(limit).toList();
    }

    public long countInteractions(CustomerId customer, InteractionQuery q) {
        return interactions.values().stream().filter(i -> i.customerId().equals(customer)).filter(q::matches).count();
    }

    public void insert(Purchase p) {
        requireTenant(p.tenant());
        if (purchases.containsKey(p.id())) {
            throw new DuplicateException("purchase", "id", p.id().toString());
        }
        Optional<Purchase> same = findByOrder(p.channel(), p.orderId());
        if (same.isPresent()) {
            throw new DuplicateException("purchase", "orderId", same.get().id().toString());
        }
        purchases.put(p.id(), p);
    }

    public void update(Purchase p) {
        requireTenant(p.tenant());
        Purchase stored = purchases.get(p.id());
        if (stored == null) {
            throw new NotFoundException("purchase", p.id().toString());
        }
        if (stored.version() != p.version() - 1) {
            throw new VersionConflictException("purchase", p.id().toString(), p.version() - 1);
        }
        purchases.put(p.id(), p);
    }

    public Optional<Purchase> findPurchase(PurchaseId id) {
        return Optional.ofNullable(purchases.get(id));
    }

    public Optional<Purchase> findByOrder(Channel channel, String orderId) {
        return purchases.values().stream().filter(p -> p.channel().equals(channel) && p.orderId().equals(orderId))
                .findFirst();
    }

    public List<Purchase> history(CustomerId customer, @Nullable TimeKeyset before, int limit) {
        Comparator<Purchase> newestFirst = Comparator.comparing(Purchase::occurredAt)
                .thenComparing(Purchase::id).reversed();
        return purchases.values().stream().filter(p -> p.customerId().equals(customer))
                .filter(p -> before == null || isBefore(p.occurredAt(), p.id().value(), before))
                .sorted(newestFirst).limit(limit).toList();
    }

    private static boolean isBefore(Instant at, java.util.UUID id, TimeKeyset k) {
        int byTime = at.compareTo(k.at());
        return byTime != 0 ? byTime < 0 : id.compareTo(k.id()) < 0;
    }

    private void requireTenant(TenantId t) {
        if (!tenant.equals(t)) {
            throw new IllegalArgumentException("model holds tenant " + tenant + ", record belongs to " + t);
        }
    }

    /** Number of stored customers by status, for diagnostics in failure messages. */
    public Map<String, Long> summary() {
        Map<String, Long> m = new TreeMap<>();
        customers.values().forEach(c -> m.merge(c.status().name(), 1L, Long::sum));
        m.put("tags", (long) tags.size());
        m.put("interactions", (long) interactions.size());
        m.put("purchases", (long) purchases.size());
        return m;
    }
}

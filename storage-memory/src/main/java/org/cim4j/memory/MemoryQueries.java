package org.cim4j.memory;

import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.cim4j.customer.AttributeValue;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.CustomerQuery.Criterion;
import org.cim4j.customer.CustomerSort;
import org.cim4j.customer.CustomerStatus;
import org.cim4j.spi.CustomerKeyset;

/** Evaluates {@link CustomerQuery} criteria, sorts and keysets on customer records. */
final class MemoryQueries {
    private MemoryQueries() {
    }

    /** Compares strings by Unicode code point, as binary SQL collations do (not by UTF-16 unit). */
    static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private static final Comparator<Customer> BY_CREATED =
            Comparator.comparing(Customer::createdAt).thenComparing(Customer::id);
    private static final Comparator<Customer> BY_NAME =
            Comparator.comparing((Customer c) -> c.person().sortName(), CODE_POINT_ORDER).thenComparing(Customer::id);

    static Comparator<Customer> order(CustomerSort sort) {
        switch (sort) {
            case CREATED_DESC:
                return BY_CREATED.reversed();
            case NAME_ASC:
                return BY_NAME;
            case CREATED_ASC:
            default:
                return BY_CREATED;
        }
    }

    /** Whether {@code c} comes strictly after the keyset position in {@code sort} order. */
    static boolean isAfter(Customer c, CustomerKeyset k, CustomerSort sort) {
        switch (sort) {
            case CREATED_DESC: {
                int cmp = c.createdAt().compareTo(k.createdAt());
                return cmp < 0 || (cmp == 0 && c.id().compareTo(k.id()) < 0);
            }
            case NAME_ASC: {
                int cmp = CODE_POINT_ORDER.compare(c.person().sortName(), k.sortName());
                return cmp > 0 || (cmp == 0 && c.id().compareTo(k.id()) > 0);
            }
            case CREATED_ASC:
            default: {
                int cmp = c.createdAt().compareTo(k.createdAt());
                return cmp > 0 || (cmp == 0 && c.id().compareTo(k.id()) > 0);
            }
        }
    }

    static Predicate<Customer> matcher(CustomerQuery query) {
        Set<CustomerStatus> statuses = query.statuses();
        Predicate<Customer> p = c -> statuses.contains(c.status());
        for (Criterion criterion : query.criteria()) {
            p = p.and(matcher(criterion));
        }
        return p;
    }

    private static Predicate<Customer> matcher(Criterion criterion) {
        if (criterion instanceof Criterion.StageIn s) {
            return c -> s.stages().contains(c.stage());
        } else if (criterion instanceof Criterion.StatusIn) {
            return c -> true; // applied once through query.statuses()
        } else if (criterion instanceof Criterion.HasTag t) {
            return c -> c.tags().contains(t.tag());
        } else if (criterion instanceof Criterion.AttributeEquals a) {
            return c -> a.value().equals(c.attributes().get(a.name()));
        } else if (criterion instanceof Criterion.AttributeBetween b) {
            return c -> {
                AttributeValue v = c.attributes().get(b.name());
                return v != null && v.type() == b.type()
                        && (b.from() == null || v.compareTo(b.from()) >= 0)
                        && (b.to() == null || v.compareTo(b.to()) <= 0);
            };
        } else if (criterion instanceof Criterion.CreatedBetween b) {
            return c -> (b.from() == null || !c.createdAt().isBefore(b.from()))
                    && (b.to() == null || c.createdAt().isBefore(b.to()));
        } else if (criterion instanceof Criterion.ContactContains cc) {
            String fragment = cc.fragment().toLowerCase(Locale.ROOT);
            return c -> c.contacts().stream().anyMatch(p -> p.value().toLowerCase(Locale.ROOT).contains(fragment));
        } else if (criterion instanceof Criterion.NameContains n) {
            String fragment = n.fragment().toLowerCase(Locale.ROOT);
            return c -> c.person().sortName().contains(fragment);
        } else if (criterion instanceof Criterion.SourceChannelIs s) {
            return c -> s.channel().equals(c.sourceChannel());
        }
        throw new IllegalArgumentException("unsupported criterion " + criterion.getClass().getSimpleName());
    }
}

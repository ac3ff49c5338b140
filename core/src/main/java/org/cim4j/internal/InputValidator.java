package org.cim4j.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.cim4j.ValidationException;
import org.cim4j.Violation;
import org.cim4j.commerce.NewPurchase;
import org.cim4j.commerce.PurchaseLine;
import org.cim4j.customer.AttributeDefinition;
import org.cim4j.customer.AttributeSchema;
import org.cim4j.customer.AttributeType;
import org.cim4j.customer.AttributeValue;
import org.cim4j.customer.ContactPoint;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.NewCustomer;
import org.cim4j.customer.PostalAddress;
import org.cim4j.interaction.NewInteraction;
import org.cim4j.tag.NewTag;
import org.jspecify.annotations.Nullable;

/**
 * Validates and normalises service input before anything is written. Runs Jakarta Bean Validation
 * (one {@link ValidatorFactory} per engine, built once because it is expensive) and the checks
 * annotations cannot express, and turns every problem into a {@link Violation} whose rejected value
 * is masked when the field holds personal data. All violations are collected, never just the first.
 */
final class InputValidator implements AutoCloseable {
    /** Longest text attribute value accepted. */
    static final int MAX_TEXT_ATTRIBUTE = 1000;
    private static final int MAX_SHOWN = 64;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    private final ValidatorFactory factory;
    private final Validator validator;
    private final Normalizer normalizer;
    private final AttributeSchema schema;
    private final Clock clock;

    InputValidator(Normalizer normalizer, AttributeSchema schema, Clock clock) {
        // Every property is reachable: cim4j validates its own input records, never JPA entities. The
        // default resolver asks JPA's PersistenceUtil about every property when JPA is on the classpath,
        // which cost about a quarter of a validation; caching the answers of this one costs more than it
        // saves (the property is Hibernate Validator's; other providers ignore it).
        this.factory = Validation.byDefaultProvider().configure()
                .traversableResolver(new AllReachable())
                .addProperty("hibernate.validator.enable_traversable_resolver_result_cache", "false")
                .buildValidatorFactory();
        this.validator = factory.getValidator();
        this.normalizer = normalizer;
        this.schema = schema;
        this.clock = clock;
    }

    Normalizer normalizer() {
        return normalizer;
    }

    /** Treats every property as reachable and cascadable (no JPA lazy-loading checks). */
    private static final class AllReachable implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                                   ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                                    ElementType elementType) {
            return true;
        }
    }

    @Override
    public void close() {
        factory.close();
    }

    /** Throws one {@link ValidationException} for {@code what} if {@code violations} is not empty. */
    static void throwIfAny(String what, List<Violation> violations) {
        if (!violations.isEmpty()) {
            List<Violation> sorted = new ArrayList<>(violations);
            sorted.sort(Comparator.comparing(Violation::field, InputValidator::naturalCompare));
            throw new ValidationException(what, sorted);
        }
    }

    // ---------------------------------------------------------------- customers

    /**
     * Checks {@code in} and returns its normalised form; the result is meaningful only when no
     * violation was added to {@code out}.
     */
    NewCustomer customer(NewCustomer in, String prefix, List<Violation> out) {
        beanViolations(in, prefix, out, InputValidator::maskCustomerField);
        String displayName = in.displayName() == null ? null : Normalizer.name(in.displayName());
        String given = emptyToNull(Normalizer.nameOrNull(in.givenName()));
        String family = emptyToNull(Normalizer.nameOrNull(in.familyName()));
        List<ContactPoint> contacts = contacts(in.contacts(), prefix, out);
        List<PostalAddress> addresses = addresses(in.addresses(), prefix, out);
        Map<String, AttributeValue> attributes = attributes(in.attributes(), prefix, out);
        return new NewCustomer(displayName, given, family, in.birthDate(), in.gender(), in.stage(),
                in.sourceChannel(), contacts, addresses, in.externalIds(), attributes, in.tags());
    }

    /** The profile fields of an updated customer, as a {@link NewCustomer} (same paths, same checks). */
    static NewCustomer profileOf(Customer c) {
        return new NewCustomer(c.person().displayName(), c.person().givenName(), c.person().familyName(),
                c.person().birthDate(), c.person().gender(), c.stage(), c.sourceChannel(), c.contacts(),
                c.addresses(), c.externalIds(), c.attributes(), c.tags());
    }

    private List<ContactPoint> contacts(List<ContactPoint> in, String prefix, List<Violation> out) {
        List<ContactPoint> result = new ArrayList<>(in.size());
        Map<ContactType, Integer> primaryAt = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < in.size(); i++) {
            ContactPoint c = in.get(i);
            if (c == null) {
                continue; // reported by bean validation
            }
            String path = prefix + "contacts[" + i + "]";
            String normalised;
            try {
                normalised = normalizer.contact(c.type(), c.value());
            } catch (IllegalArgumentException e) {
                out.add(new Violation(path + ".value", e.getMessage(), Masking.contact(c.type().code(), c.value())));
                continue;
            }
            if (c.primary()) {
                Integer first = primaryAt.putIfAbsent(c.type(), i);
                if (first != null) {
                    out.add(new Violation(path + ".primary", "only one primary " + c.type() + " contact allowed; "
                            + "contacts[" + first + "] is primary already", "true"));
                }
            }
            Integer dup = seen.putIfAbsent(c.type().code() + '\u0000' + normalised, i);
            if (dup != null) {
                out.add(new Violation(path + ".value", "duplicates contacts[" + dup + "]",
                        Masking.contact(c.type().code(), normalised)));
            }
            result.add(c.withValue(normalised));
        }
        return result;
    }

    private List<PostalAddress> addresses(List<PostalAddress> in, String prefix, List<Violation> out) {
        List<PostalAddress> result = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            PostalAddress a = in.get(i);
            if (a == null) {
                continue;
            }
            String path = prefix + "addresses[" + i + "]";
            int before = out.size();
            String country = a.countryCode().strip().toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                out.add(new Violation(path + ".countryCode", "must be an ISO 3166-1 alpha-2 country code",
                        Masking.text(a.countryCode())));
            }
            String label = a.label().strip();
            if (label.isEmpty() || label.length() > 32) {
                out.add(new Violation(path + ".label", "must be 1-32 characters", Masking.text(a.label())));
            }
            if (a.lines().size() > 5) {
                out.add(new Violation(path + ".lines", "must have at most 5 lines", a.lines().size() + " lines"));
            }
            List<String> lines = new ArrayList<>();
            for (int j = 0; j < a.lines().size(); j++) {
                String line = a.lines().get(j);
                if (line.length() > 200) {
                    out.add(new Violation(path + ".lines[" + j + "]", "must be at most 200 characters",
                            Masking.text(line)));
                }
                lines.add(Normalizer.name(line));
            }
            checkLength(a.city(), 100, path + ".city", out);
            checkLength(a.region(), 100, path + ".region", out);
            checkLength(a.postalCode(), 20, path + ".postalCode", out);
            if (out.size() == before) {
                result.add(new PostalAddress(label, lines, emptyToNull(Normalizer.nameOrNull(a.city())),
                        emptyToNull(Normalizer.nameOrNull(a.region())), emptyToNull(Normalizer.nameOrNull(a.postalCode())),
                        country, a.primary()));
            }
        }
        return result;
    }

    private static void checkLength(@Nullable String value, int max, String path, List<Violation> out) {
        if (value != null && value.strip().length() > max) {
            out.add(new Violation(path, "must be at most " + max + " characters", Masking.text(value)));
        }
    }

    private Map<String, AttributeValue> attributes(Map<String, AttributeValue> in, String prefix, List<Violation> out) {
        Map<String, AttributeValue> result = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> e : in.entrySet()) {
            String name = e.getKey();
            AttributeValue value = e.getValue();
            if (name == null || value == null) {
                continue; // null values are reported by bean validation
            }
            String path = prefix + "attributes[" + name + "]";
            AttributeDefinition def = schema.definitions().get(name);
            if (def == null) {
                out.add(new Violation(path, "is not declared in the attribute schema", Masking.hidden(value)));
                continue;
            }
            String shown = def.personal() ? Masking.text(value.asText()) : shorten(value.asText());
            if (value.type() != def.type()) {
                out.add(new Violation(path, "must be of type " + def.type() + " but was " + value.type(), shown));
                continue;
            }
            if (value instanceof AttributeValue.Text t && t.value().length() > MAX_TEXT_ATTRIBUTE) {
                out.add(new Violation(path, "must be at most " + MAX_TEXT_ATTRIBUTE + " characters", shown));
                continue;
            }
            if (value instanceof AttributeValue.Timestamp ts) {
                value = AttributeValue.of(Times.micros(ts.value()));
            }
            result.put(name, value);
        }
        for (AttributeDefinition def : schema.definitions().values()) {
            if (def.required() && in.get(def.name()) == null) {
                out.add(new Violation(prefix + "attributes[" + def.name() + "]", "is required", null));
            }
        }
        return result;
    }

    /** Attribute criteria must name declared attributes and carry values of their type. */
    void query(CustomerQuery query, List<Violation> out) {
        int statusCriteria = 0;
        for (int i = 0; i < query.criteria().size(); i++) {
            CustomerQuery.Criterion c = query.criteria().get(i);
            String path = "criteria[" + i + "]";
            if (c instanceof CustomerQuery.Criterion.StatusIn) {
                statusCriteria++;
            } else if (c instanceof CustomerQuery.Criterion.AttributeEquals eq) {
                attributeCriterion(eq.name(), eq.value().type(), path, out);
            } else if (c instanceof CustomerQuery.Criterion.AttributeBetween between) {
                attributeCriterion(between.name(), between.type(), path, out);
            }
        }
        if (statusCriteria > 1) {
            out.add(new Violation("criteria", "at most one status criterion per query", statusCriteria + " criteria"));
        }
    }

    private void attributeCriterion(String name, AttributeType type, String path, List<Violation> out) {
        AttributeDefinition def = schema.definitions().get(name);
        if (def == null) {
            out.add(new Violation(path + ".name", "is not a declared attribute", shorten(name)));
        } else if (def.type() != type) {
            out.add(new Violation(path + ".value", "must be of type " + def.type() + " but was " + type, null));
        }
    }

    // ---------------------------------------------------------------- interactions, purchases, tags

    /** Checks an interaction; {@code now} is the engine time the check is relative to. */
    void interaction(NewInteraction in, String prefix, Instant now, List<Violation> out) {
        // subject and notes are free text that may name people: mask them like personal data
        beanViolations(in, prefix, out, (path, value) -> value != null && (path.endsWith("subject")
                || path.endsWith("notes")) ? Masking.text(value.toString()) : show(value));
        notTooFarAhead(in.occurredAt(), prefix + "occurredAt", now, out);
    }

    /** Checks a purchase: annotations, one currency for all lines, time not too far ahead. */
    void purchase(NewPurchase in, Instant now, List<Violation> out) {
        beanViolations(in, "", out, (path, value) -> show(value));
        Currency currency = null;
        for (int i = 0; i < in.lines().size(); i++) {
            PurchaseLine line = in.lines().get(i);
            if (line == null) {
                continue;
            }
            if (currency == null) {
                currency = line.unitPrice().currency();
            } else if (!currency.equals(line.unitPrice().currency())) {
                out.add(new Violation("lines[" + i + "].unitPrice", "must be in " + currency
                        + " like the other lines", line.unitPrice().toString()));
            }
        }
        notTooFarAhead(in.occurredAt(), "occurredAt", now, out);
    }

    void tag(NewTag in, List<Violation> out) {
        beanViolations(in, "", out, (path, value) -> show(value));
    }

    private static void notTooFarAhead(@Nullable Instant at, String path, Instant now, List<Violation> out) {
        if (at != null && at.isAfter(now.plus(FUTURE_TOLERANCE))) {
            out.add(new Violation(path, "must not be more than one day in the future", at.toString()));
        }
    }

    Instant now() {
        return Times.now(clock);
    }

    // ---------------------------------------------------------------- bean validation mapping

    private <T> void beanViolations(T bean, String prefix, List<Violation> out,
                                    BiFunction<String, @Nullable Object, @Nullable String> masker) {
        for (ConstraintViolation<T> v : validator.validate(bean)) {
            String path = prefix + path(v.getPropertyPath());
            out.add(new Violation(path, v.getMessage(), masker.apply(path, v.getInvalidValue())));
        }
    }

    /**
     * Renders a property path as {@code contacts[1].value}: container-element nodes such as
     * {@code <list element>} are dropped, their index or key is kept.
     */
    static String path(Path propertyPath) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : propertyPath) {
            if (node.isInIterable()) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                sb.append('[').append(at == null ? "" : at).append(']');
            }
            String name = node.getName();
            if (name != null && !name.isEmpty() && !name.startsWith("<")) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(name);
            }
        }
        return sb.toString();
    }

    /** Masks rejected values of a customer's personal fields by path. */
    static @Nullable String maskCustomerField(String path, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        String field = path.replaceFirst("^\\[\\d+]\\.", "");
        if (field.equals("displayName") || field.equals("givenName") || field.equals("familyName")) {
            return Masking.name(value.toString());
        }
        if (field.startsWith("birthDate") || field.startsWith("contacts") || field.startsWith("addresses")
                || field.startsWith("attributes")) {
            return value instanceof Collection<?> || value instanceof Map<?, ?> ? show(value) : Masking.hidden(value);
        }
        return show(value);
    }

    /** A non-personal rejected value as short text; collections are summarised by size. */
    static @Nullable String show(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> c) {
            return c.size() + " elements";
        }
        if (value instanceof Map<?, ?> m) {
            return m.size() + " entries";
        }
        return shorten(value.toString());
    }

    private static String shorten(String s) {
        return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "…";
    }

    private static @Nullable String emptyToNull(@Nullable String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Orders field paths with numbers compared by value, so {@code [2]} sorts before {@code [10]}. */
    static int naturalCompare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i);
                String nb = b.substring(sj, j);
                int cmp = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (cmp != 0) {
                    return cmp;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}

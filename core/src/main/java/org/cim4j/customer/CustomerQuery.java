package org.cim4j.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cim4j.Channel;
import org.cim4j.tag.TagId;
import org.jspecify.annotations.Nullable;

/**
 * A typed customer query: criteria combined with AND, and an order. Without a {@link Criterion.StatusIn}
 * criterion only {@link CustomerStatus#ACTIVE} customers match. Adapters translate it to their
 * query language; values are always bound as parameters, never spliced into query text.
 *
 * @param criteria all must hold
 * @param sort     result order
 */
public record CustomerQuery(List<Criterion> criteria, CustomerSort sort) {

    public CustomerQuery {
        criteria = List.copyOf(criteria);
        Objects.requireNonNull(sort, "sort");
    }

    /** Every active customer, oldest first. */
    public static CustomerQuery all() {
        return new CustomerQuery(List.of(), CustomerSort.CREATED_ASC);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The statuses this query matches: those of its {@link Criterion.StatusIn}, or only ACTIVE. */
    public Set<CustomerStatus> statuses() {
        for (Criterion c : criteria) {
            if (c instanceof Criterion.StatusIn s) {
                return s.statuses();
            }
        }
        return EnumSet.of(CustomerStatus.ACTIVE);
    }

    /** One condition on customers. */
    public sealed interface Criterion {
        /** Stage is one of {@code stages}. */
        record StageIn(Set<LifecycleStage> stages) implements Criterion {
            public StageIn {
                stages = Set.copyOf(stages);
                if (stages.isEmpty()) {
                    throw new IllegalArgumentException("stages must not be empty");
                }
            }
        }

        /** Status is one of {@code statuses}; replaces the default "ACTIVE only". At most one per query. */
        record StatusIn(Set<CustomerStatus> statuses) implements Criterion {
            public StatusIn {
                statuses = Set.copyOf(statuses);
                if (statuses.isEmpty()) {
                    throw new IllegalArgumentException("statuses must not be empty");
                }
            }
        }

        /** Has the tag assigned. */
        record HasTag(TagId tag) implements Criterion {
            public HasTag {
                Objects.requireNonNull(tag, "tag");
            }
        }

        /** Custom attribute {@code name} equals {@code value} (numbers compare by value, not scale). */
        record AttributeEquals(String name, AttributeValue value) implements Criterion {
            public AttributeEquals {
                Objects.requireNonNull(name, "name");
                Objects.requireNonNull(value, "value");
            }
        }

        /**
         * Custom attribute {@code name} lies in {@code [from, to]} (inclusive; a null bound is open).
         * Both bounds must have the same type; customers without the attribute do not match.
         */
        record AttributeBetween(String name, @Nullable AttributeValue from, @Nullable AttributeValue to)
                implements Criterion {
            public AttributeBetween {
                Objects.requireNonNull(name, "name");
                if (from == null && to == null) {
                    throw new IllegalArgumentException("at least one bound is required");
                }
                if (from != null && to != null && from.type() != to.type()) {
                    throw new IllegalArgumentException("bounds must have the same type");
                }
                AttributeValue any = from != null ? from : to;
                if (any.type() == AttributeType.BOOLEAN) {
                    throw new IllegalArgumentException("boolean attributes have no range; use AttributeEquals");
                }
            }

            public AttributeType type() {
                return from != null ? from.type() : Objects.requireNonNull(to).type();
            }
        }

        /** Created in {@code [from, to)}; a null bound is open. */
        record CreatedBetween(@Nullable Instant from, @Nullable Instant to) implements Criterion {
            public CreatedBetween {
                if (from == null && to == null) {
                    throw new IllegalArgumentException("at least one bound is required");
                }
            }
        }

        /**
         * Some contact point's normalised value contains {@code fragment}, ignoring case (ASCII
         * case folding). Typical use: search by part of an e-mail or the last digits of a phone.
         */
        record ContactContains(String fragment) implements Criterion {
            public ContactContains {
                Objects.requireNonNull(fragment, "fragment");
                if (fragment.isBlank()) {
                    throw new IllegalArgumentException("fragment must not be blank");
                }
            }
        }

        /** Display name contains {@code fragment}, ignoring case (compared on {@link Person#sortName()}). */
        record NameContains(String fragment) implements Criterion {
            public NameContains {
                Objects.requireNonNull(fragment, "fragment");
                if (fragment.isBlank()) {
                    throw new IllegalArgumentException("fragment must not be blank");
                }
            }
        }

        /** Source channel equals {@code channel}. */
        record SourceChannelIs(Channel channel) implements Criterion {
            public SourceChannelIs {
                Objects.requireNonNull(channel, "channel");
            }
        }
    }

    /** Builds a query from criteria; {@link #build()} leaves the builder reusable. */
    public static final class Builder {
        private final List<Criterion> criteria = new ArrayList<>();
        private CustomerSort sort = CustomerSort.CREATED_ASC;

        private Builder() {
        }

        public Builder stage(LifecycleStage first, LifecycleStage... more) {
            EnumSet<LifecycleStage> set = EnumSet.of(first, more);
            criteria.add(new Criterion.StageIn(set));
            return this;
        }

        public Builder status(CustomerStatus first, CustomerStatus... more) {
            criteria.add(new Criterion.StatusIn(EnumSet.of(first, more)));
            return this;
        }

        public Builder tag(TagId tag) {
            criteria.add(new Criterion.HasTag(tag));
            return this;
        }

        public Builder attributeEquals(String name, AttributeValue value) {
            criteria.add(new Criterion.AttributeEquals(name, value));
            return this;
        }

        public Builder attributeBetween(String name, @Nullable AttributeValue from, @Nullable AttributeValue to) {
            criteria.add(new Criterion.AttributeBetween(name, from, to));
            return this;
        }

        public Builder attributeBetween(String name, @Nullable BigDecimal from, @Nullable BigDecimal to) {
            return attributeBetween(name, from == null ? null : AttributeValue.of(from),
                    to == null ? null : AttributeValue.of(to));
        }

        public Builder createdBetween(@Nullable Instant from, @Nullable Instant to) {
            criteria.add(new Criterion.CreatedBetween(from, to));
            return this;
        }

        public Builder contactContains(String fragment) {
            criteria.add(new Criterion.ContactContains(fragment));
            return this;
        }

        public Builder nameContains(String fragment) {
            criteria.add(new Criterion.NameContains(fragment));
            return this;
        }

        public Builder source(Channel channel) {
            criteria.add(new Criterion.SourceChannelIs(channel));
            return this;
        }

        public Builder criterion(Criterion criterion) {
            criteria.add(Objects.requireNonNull(criterion, "criterion"));
            return this;
        }

        public Builder sort(CustomerSort sort) {
            this.sort = Objects.requireNonNull(sort, "sort");
            return this;
        }

        public CustomerQuery build() {
            if (criteria.stream().filter(Criterion.StatusIn.class::isInstance).count() > 1) {
                throw new IllegalStateException("at most one status criterion per query");
            }
            return new CustomerQuery(criteria, sort);
        }
    }
}

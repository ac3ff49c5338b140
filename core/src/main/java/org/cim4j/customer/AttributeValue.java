package org.cim4j.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A typed custom attribute value. Values of the same type are comparable, which is what range
 * criteria ({@link CustomerQuery.Criterion.AttributeBetween}) use.
 */
public sealed interface AttributeValue extends Comparable<AttributeValue> {

    AttributeType type();

    /** Canonical text form: stored by adapters that keep attributes as text, and parsed back by {@link #parse}. */
    String asText();

    static AttributeValue of(String v) {
        return new Text(v);
    }

    static AttributeValue of(BigDecimal v) {
        return new Number(v);
    }

    static AttributeValue of(long v) {
        return new Number(BigDecimal.valueOf(v));
    }

    static AttributeValue of(boolean v) {
        return new Bool(v);
    }

    static AttributeValue of(LocalDate v) {
        return new Date(v);
    }

    static AttributeValue of(Instant v) {
        return new Timestamp(v);
    }

    /** Inverse of {@link #asText()}. */
    static AttributeValue parse(AttributeType type, String text) {
        return switch (type) {
            case TEXT -> new Text(text);
            case NUMBER -> new Number(new BigDecimal(text));
            case BOOLEAN -> new Bool(Boolean.parseBoolean(text));
            case DATE -> new Date(LocalDate.parse(text));
            case TIMESTAMP -> new Timestamp(Instant.parse(text));
        };
    }

    @Override
    default int compareTo(AttributeValue o) {
        if (type() != o.type()) {
            throw new IllegalArgumentException("cannot compare " + type() + " with " + o.type());
        }
        if (this instanceof Text t) {
            return t.value().compareTo(((Text) o).value());
        } else if (this instanceof Number n) {
            return n.value().compareTo(((Number) o).value());
        } else if (this instanceof Bool b) {
            return Boolean.compare(b.value(), ((Bool) o).value());
        } else if (this instanceof Date d) {
            return d.value().compareTo(((Date) o).value());
        }
        return ((Timestamp) this).value().compareTo(((Timestamp) o).value());
    }

    /** Text up to 1,000 characters. */
    record Text(String value) implements AttributeValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        public AttributeType type() {
            return AttributeType.TEXT;
        }

        public String asText() {
            return value;
        }
    }

    /**
     * A decimal number. Equality ignores scale ({@code 2.0} equals {@code 2}) because the value is
     * normalised with {@link BigDecimal#stripTrailingZeros()}.
     */
    record Number(BigDecimal value) implements AttributeValue {
        public Number {
            Objects.requireNonNull(value, "value");
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        }

        public AttributeType type() {
            return AttributeType.NUMBER;
        }

        public String asText() {
            return value.toPlainString();
        }
    }

    record Bool(boolean value) implements AttributeValue {
        public AttributeType type() {
            return AttributeType.BOOLEAN;
        }

        public String asText() {
            return Boolean.toString(value);
        }
    }

    record Date(LocalDate value) implements AttributeValue {
        public Date {
            Objects.requireNonNull(value, "value");
        }

        public AttributeType type() {
            return AttributeType.DATE;
        }

        public String asText() {
            return value.toString();
        }
    }

    /** An instant; the engine truncates it to microseconds before storing. */
    record Timestamp(Instant value) implements AttributeValue {
        public Timestamp {
            Objects.requireNonNull(value, "value");
        }

        public AttributeType type() {
            return AttributeType.TIMESTAMP;
        }

        public String asText() {
            return value.toString();
        }
    }
}

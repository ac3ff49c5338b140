package org.cim4j.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Masks personal values for error messages, {@code toString()} and logs, keeping just enough to
 * recognise a value without revealing it: {@code j***@e***.com}, {@code +86*********00},
 * {@code 王**}. Public only so the domain records in {@code org.cim4j.customer} can use it; not API.
 */
public final class Masking {
    private static final String STARS = "***";

    private Masking() {
    }

    /** Masks an e-mail address: first character of local part and domain, plus the top-level domain. */
    public static @Nullable String email(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        int at = v.lastIndexOf('@');
        if (at <= 0 || at == v.length() - 1) {
            return text(v);
        }
        String domain = v.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String tld = dot > 0 && dot < domain.length() - 1 ? domain.substring(dot) : "";
        if (tld.length() > 8) {
            tld = "";
        }
        return firstCodePoint(v) + STARS + "@" + firstCodePoint(domain) + STARS + tld.toLowerCase(Locale.ROOT);
    }

    /**
     * Masks a phone number: keeps the first three and the last two characters of numbers longer
     * than six characters, stars in between; shorter ones become stars only.
     */
    public static @Nullable String phone(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String v = value.replaceAll("[\\s()./-]", "");
        if (v.length() <= 6) {
            return "*".repeat(Math.max(v.length(), 1));
        }
        return v.substring(0, 3) + "*".repeat(v.length() - 5) + v.substring(v.length() - 2);
    }

    /** Masks a name: the first character is kept, every other character becomes a star. */
    public static @Nullable String name(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        int count = v.codePointCount(0, v.length());
        if (count == 0) {
            return v.isEmpty() ? "" : STARS;
        }
        return firstCodePoint(v) + "*".repeat(Math.max(count - 1, 1));
    }

    /** Masks any other personal text: the first character and three stars. */
    public static @Nullable String text(@Nullable String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            return "";
        }
        return firstCodePoint(value.strip().isEmpty() ? value : value.strip()) + STARS;
    }

    /** Masks a contact value by its type code ({@code email}, {@code phone} or a handle). */
    public static @Nullable String contact(String typeCode, @Nullable String value) {
        if ("email".equals(typeCode)) {
            return email(value);
        }
        if ("phone".equals(typeCode)) {
            return phone(value);
        }
        return text(value);
    }

    /** A value that must not be shown at all (dates of birth, structured values). */
    public static @Nullable String hidden(@Nullable Object value) {
        return value == null ? null : STARS;
    }

    private static String firstCodePoint(String s) {
        return s.isEmpty() ? "" : new String(Character.toChars(s.codePointAt(0)));
    }
}

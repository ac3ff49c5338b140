package org.cim4j.customer;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Gender as the customer states it. An open value: the constants cover common answers and a host
 * may use any other lower-case code.
 *
 * @param code 1–32 characters of {@code [a-z0-9_-]}
 */
public record Gender(String code) {
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9_-]{1,32}");
    public static final Gender FEMALE = new Gender("female");
    public static final Gender MALE = new Gender("male");
    public static final Gender NON_BINARY = new Gender("non_binary");
    public static final Gender UNDISCLOSED = new Gender("undisclosed");

    public Gender {
        Objects.requireNonNull(code, "code");
        if (!FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("gender code must match " + FORMAT + ", was '" + code + "'");
        }
    }

    /** Lower-cases and trims {@code code} first. */
    public static Gender of(String code) {
        return new Gender(Objects.requireNonNull(code, "code").trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return code;
    }
}

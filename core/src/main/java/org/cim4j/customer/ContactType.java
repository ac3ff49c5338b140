package org.cim4j.customer;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Kind of contact point. An open value: e-mail and phone are normalised and validated by cim4j;
 * messaging handles ({@link #WECHAT}, {@link #LINE}, {@link #WHATSAPP} or any host-defined code)
 * are trimmed and compared as given.
 *
 * @param code 1–32 characters of {@code [a-z0-9_-]}
 */
public record ContactType(String code) {
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9_-]{1,32}");
    public static final ContactType EMAIL = new ContactType("email");
    public static final ContactType PHONE = new ContactType("phone");
    public static final ContactType WECHAT = new ContactType("wechat");
    public static final ContactType LINE = new ContactType("line");
    public static final ContactType WHATSAPP = new ContactType("whatsapp");

    public ContactType {
        Objects.requireNonNull(code, "code");
        if (!FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("contact type must match " + FORMAT + ", was '" + code + "'");
        }
    }

    public static ContactType of(String code) {
        return new ContactType(Objects.requireNonNull(code, "code").trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return code;
    }
}

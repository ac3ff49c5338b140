package org.cim4j.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.text.Normalizer.Form;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.cim4j.customer.ContactType;
import org.jspecify.annotations.Nullable;

/**
 * Normalises contact values and names so equal values are stored equally: e-mail trimmed and
 * lower-cased, phone numbers in E.164, handles trimmed, names trimmed and in Unicode NFC. Methods
 * throw {@link IllegalArgumentException} with a message free of the value when input is unusable.
 */
final class Normalizer {
    /** Longest handle (WeChat id, LINE id, …) accepted. */
    static final int MAX_HANDLE = 128;
    private static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    /** @param defaultRegion ISO 3166 region for numbers without country code, {@code "ZZ"} for none */
    Normalizer(String defaultRegion) {
        this.defaultRegion = Objects.requireNonNull(defaultRegion, "defaultRegion");
    }

    /** Trimmed, lower-cased, syntax-checked e-mail address. */
    String email(String raw) {
        String v = raw.strip().toLowerCase(Locale.ROOT);
        if (v.length() > MAX_EMAIL || !EMAIL.matcher(v).matches() || v.indexOf('@') > 64) {
            throw new IllegalArgumentException("must be a valid e-mail address");
        }
        return v;
    }

    /** The number in E.164, read with the default region when it has no country code. */
    String phone(String raw) {
        String v = raw.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("must be a valid phone number");
        }
        Phonenumber.PhoneNumber number;
        try {
            number = PHONES.parse(v, defaultRegion);
        } catch (NumberParseException e) {
            if (e.getErrorType() == NumberParseException.ErrorType.INVALID_COUNTRY_CODE) {
                throw new IllegalArgumentException(
                        "must start with + and a country code (no default region is configured)");
            }
            throw new IllegalArgumentException("must be a valid phone number");
        }
        if (!PHONES.isValidNumber(number)) {
            throw new IllegalArgumentException("must be a valid phone number");
        }
        return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /** A messaging handle: trimmed, 1–128 characters, no control characters. */
    String handle(String raw) {
        String v = raw.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("must not be blank");
        }
        if (v.length() > MAX_HANDLE) {
            throw new IllegalArgumentException("must be at most " + MAX_HANDLE + " characters");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("must not contain control characters");
        }
        return v;
    }

    /** Normalises a contact value according to its type. */
    String contact(ContactType type, String raw) {
        if (type.equals(ContactType.EMAIL)) {
            return email(raw);
        }
        if (type.equals(ContactType.PHONE)) {
            return phone(raw);
        }
        return handle(raw);
    }

    /** A name trimmed and composed to NFC; otherwise kept exactly as written (never split). */
    static String name(String raw) {
        return java.text.Normalizer.normalize(raw.strip(), Form.NFC);
    }

    static @Nullable String nameOrNull(@Nullable String raw) {
        return raw == null ? null : name(raw);
    }
}

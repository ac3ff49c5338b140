package org.cim4j;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where something happened or came from: a store, the e-shop, the app, the call centre. An open
 * value so hosts name their own channels; the constants cover the common ones.
 *
 * @param code 1–32 characters of {@code [a-z0-9_.-]}
 */
public record Channel(String code) {
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9_.-]{1,32}");
    public static final Channel POS = new Channel("pos");
    public static final Channel ESHOP = new Channel("eshop");
    public static final Channel APP = new Channel("app");
    public static final Channel PHONE = new Channel("phone");
    public static final Channel EMAIL = new Channel("email");
    public static final Channel CHAT = new Channel("chat");
    public static final Channel STORE = new Channel("store");
    public static final Channel SERVICE_DESK = new Channel("service_desk");

    public Channel {
        Objects.requireNonNull(code, "code");
        if (!FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("channel must match " + FORMAT + ", was '" + code + "'");
        }
    }

    /** Lower-cases and trims {@code code} first. */
    public static Channel of(String code) {
        return new Channel(Objects.requireNonNull(code, "code").trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return code;
    }
}

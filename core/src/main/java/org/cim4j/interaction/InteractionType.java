package org.cim4j.interaction;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What kind of contact happened. An open value: service contacts (call, e-mail, chat, visit,
 * complaint, ticket, survey) and high-volume behaviour events (view, click, cart) share one model.
 *
 * @param code 1–32 characters of {@code [a-z0-9_.-]}
 */
public record InteractionType(String code) {
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9_.-]{1,32}");
    public static final InteractionType CALL = new InteractionType("call");
    public static final InteractionType EMAIL = new InteractionType("email");
    public static final InteractionType CHAT = new InteractionType("chat");
    public static final InteractionType VISIT = new InteractionType("visit");
    public static final InteractionType COMPLAINT = new InteractionType("complaint");
    public static final InteractionType SERVICE_TICKET = new InteractionType("service_ticket");
    public static final InteractionType SURVEY_RESPONSE = new InteractionType("survey_response");
    public static final InteractionType PAGE_VIEW = new InteractionType("page_view");
    public static final InteractionType CLICK = new InteractionType("click");
    public static final InteractionType ADD_TO_CART = new InteractionType("add_to_cart");

    public InteractionType {
        Objects.requireNonNull(code, "code");
        if (!FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("interaction type must match " + FORMAT + ", was '" + code + "'");
        }
    }

    public static InteractionType of(String code) {
        return new InteractionType(Objects.requireNonNull(code, "code").trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return code;
    }
}

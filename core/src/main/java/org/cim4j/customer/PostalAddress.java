package org.cim4j.customer;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A postal address, free-form enough for Chinese, European and American formats.
 *
 * @param label       e.g. {@code "home"}, {@code "billing"}
 * @param lines       street lines, in the order printed
 * @param city        city or town
 * @param region      province, state or prefecture
 * @param postalCode  post code
 * @param countryCode ISO 3166-1 alpha-2 code, upper case
 * @param primary     the preferred address
 */
public record PostalAddress(String label, List<String> lines, @Nullable String city, @Nullable String region,
                            @Nullable String postalCode, String countryCode, boolean primary) {
    public PostalAddress {
        Objects.requireNonNull(label, "label");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        Objects.requireNonNull(countryCode, "countryCode");
    }

    /** Shows only the label and country, so a stray log line cannot leak the address. */
    @Override
    public String toString() {
        return "PostalAddress[label=" + label + ", lines=" + lines.size() + ", countryCode=" + countryCode
                + ", primary=" + primary + "]";
    }
}

package org.cim4j.customer;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.cim4j.internal.Masking;
import org.jspecify.annotations.Nullable;

/**
 * The person behind a customer record. The display name is kept exactly as given (a CJK full name
 * such as {@code 王小明} is never split); given and family names are optional extras.
 *
 * @param displayName full name as the customer writes it
 * @param givenName   optional given name
 * @param familyName  optional family name
 * @param birthDate   optional date of birth
 * @param gender      optional gender, an open value
 */
public record Person(String displayName, @Nullable String givenName, @Nullable String familyName,
                     @Nullable LocalDate birthDate, @Nullable Gender gender) {
    public Person {
        Objects.requireNonNull(displayName, "displayName");
    }

    public static Person named(String displayName) {
        return new Person(displayName, null, null, null, null);
    }

    /** Key used to order customers by name: the display name lower-cased with {@link Locale#ROOT}. */
    public String sortName() {
        return displayName.toLowerCase(Locale.ROOT);
    }

    public Optional<LocalDate> birthDateOpt() {
        return Optional.ofNullable(birthDate);
    }

    public Person withDisplayName(String name) {
        return new Person(name, givenName, familyName, birthDate, gender);
    }

    public Person withBirthDate(@Nullable LocalDate date) {
        return new Person(displayName, givenName, familyName, date, gender);
    }

    public Person withGender(@Nullable Gender g) {
        return new Person(displayName, givenName, familyName, birthDate, g);
    }

    /** Masks the names and hides the birth date, so a stray log line cannot leak them. */
    @Override
    public String toString() {
        return "Person[displayName=" + Masking.name(displayName) + ", givenName=" + Masking.name(givenName)
                + ", familyName=" + Masking.name(familyName) + ", birthDate=" + Masking.hidden(birthDate)
                + ", gender=" + gender + "]";
    }
}

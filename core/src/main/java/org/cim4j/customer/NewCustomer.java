package org.cim4j.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cim4j.Channel;
import org.cim4j.tag.TagId;
import org.jspecify.annotations.Nullable;

/**
 * Input for {@link CustomerService#create(NewCustomer)}. Build it with {@link #builder()}. The
 * engine validates it (every violation reported at once), normalises contacts, checks duplicates
 * and only then writes.
 *
 * @param displayName   full name as written by the customer, 1–200 characters
 * @param givenName     optional, up to 100 characters
 * @param familyName    optional, up to 100 characters
 * @param birthDate     optional, not in the future
 * @param gender        optional
 * @param stage         initial lifecycle stage
 * @param sourceChannel where the customer was captured, if known
 * @param contacts      up to 20 contact points with raw values (normalised on create)
 * @param addresses     up to 10 postal addresses
 * @param externalIds   up to 20 ids in other systems
 * @param attributes    custom attributes, checked against the schema
 * @param tags          tags to assign at creation, atomically with the customer
 */
public record NewCustomer(
        @NotBlank @Size(max = 200) String displayName,
        @Nullable @Size(max = 100) String givenName,
        @Nullable @Size(max = 100) String familyName,
        @Nullable @PastOrPresent LocalDate birthDate,
        @Nullable Gender gender,
        @NotNull LifecycleStage stage,
        @Nullable Channel sourceChannel,
        @NotNull @Size(max = 20) List<@NotNull @Valid ContactPoint> contacts,
        @NotNull @Size(max = 10) List<@NotNull @Valid PostalAddress> addresses,
        @NotNull @Size(max = 20) Set<@NotNull ExternalId> externalIds,
        @NotNull @Size(max = 100) Map<String, @NotNull AttributeValue> attributes,
        @NotNull @Size(max = 100) Set<@NotNull TagId> tags) {

    public NewCustomer {
        // Collections are copied defensively; nulls inside them are reported by validation, so
        // copying tolerates them here (List.copyOf would throw an untyped NPE instead).
        contacts = contacts == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(contacts));
        addresses = addresses == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(addresses));
        externalIds = externalIds == null ? Set.of() : java.util.Collections.unmodifiableSet(new HashSet<>(externalIds));
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        tags = tags == null ? Set.of() : java.util.Collections.unmodifiableSet(new HashSet<>(tags));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; {@link #build()} does not reset it, so it can be reused as a template. */
    public static final class Builder {
        private @Nullable String displayName;
        private @Nullable String givenName;
        private @Nullable String familyName;
        private @Nullable LocalDate birthDate;
        private @Nullable Gender gender;
        private LifecycleStage stage = LifecycleStage.LEAD;
        private @Nullable Channel sourceChannel;
        private final List<ContactPoint> contacts = new ArrayList<>();
        private final List<PostalAddress> addresses = new ArrayList<>();
        private final Set<ExternalId> externalIds = new HashSet<>();
        private final Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        private final Set<TagId> tags = new HashSet<>();

        private Builder() {
        }

        /** Full display name, kept as given (e.g. {@code 王小明}). */
        public Builder name(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder givenName(@Nullable String givenName) {
            this.givenName = givenName;
            return this;
        }

        public Builder familyName(@Nullable String familyName) {
            this.familyName = familyName;
            return this;
        }

        public Builder birthDate(@Nullable LocalDate birthDate) {
            this.birthDate = birthDate;
            return this;
        }

        public Builder gender(@Nullable Gender gender) {
            this.gender = gender;
            return this;
        }

        public Builder stage(LifecycleStage stage) {
            this.stage = stage;
            return this;
        }

        public Builder source(@Nullable Channel channel) {
            this.sourceChannel = channel;
            return this;
        }

        /** Adds an e-mail; the first one of its type becomes primary. */
        public Builder email(String email) {
            return contact(ContactType.EMAIL, email);
        }

        /** Adds a phone number (E.164, or national form in the configured default region). */
        public Builder phone(String phone) {
            return contact(ContactType.PHONE, phone);
        }

        /** Adds a contact; the first one of its type becomes primary. */
        public Builder contact(ContactType type, String value) {
            boolean first = contacts.stream().noneMatch(c -> c.type().equals(type));
            contacts.add(new ContactPoint(type, value, first, false));
            return this;
        }

        public Builder contact(ContactPoint contact) {
            contacts.add(contact);
            return this;
        }

        public Builder address(PostalAddress address) {
            addresses.add(address);
            return this;
        }

        /** Adds an external id written {@code system:value}, e.g. {@code pos:member:88231}. */
        public Builder externalId(String systemAndValue) {
            externalIds.add(ExternalId.parse(systemAndValue));
            return this;
        }

        public Builder externalId(ExternalId id) {
            externalIds.add(id);
            return this;
        }

        public Builder attribute(String name, AttributeValue value) {
            attributes.put(name, value);
            return this;
        }

        public Builder attribute(String name, String value) {
            return attribute(name, AttributeValue.of(value));
        }

        public Builder attribute(String name, long value) {
            return attribute(name, AttributeValue.of(value));
        }

        public Builder attribute(String name, boolean value) {
            return attribute(name, AttributeValue.of(value));
        }

        public Builder tag(TagId tag) {
            tags.add(tag);
            return this;
        }

        public NewCustomer build() {
            return new NewCustomer(displayName, givenName, familyName, birthDate, gender, stage, sourceChannel,
                    contacts, addresses, externalIds, attributes, tags);
        }
    }

    @Override
    public String toString() {
        return "NewCustomer[contacts=" + contacts.size() + ", externalIds=" + externalIds.size() + ", stage=" + stage + "]";
    }
}

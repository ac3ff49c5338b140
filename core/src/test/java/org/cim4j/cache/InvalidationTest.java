package org.cim4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cim4j.TenantId;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.ExternalId;
import org.junit.jupiter.api.Test;

class InvalidationTest {
    private static final String ID = "0192f5a0-1c2d-7e3f-8a9b-0c1d2e3f4a5b";

    @Test
    void encode_decode_roundTrip() {
        Invalidation m = new Invalidation(Invalidation.Kind.CUSTOMER, TenantId.of("shop-1"), ID, 7,
                List.of(0, 0xffff, 0x1a2b), "origin-1");
        assertThat(m.encode()).isEqualTo("1|CUSTOMER|shop-1|" + ID + "|7|origin-1|0,ffff,1a2b");
        assertThat(Invalidation.decode(m.encode())).contains(m);
    }

    @Test
    void encode_withoutFingerprints() {
        Invalidation m = new Invalidation(Invalidation.Kind.TAG, TenantId.DEFAULT, ID, 0, List.of(), "o");
        assertThat(Invalidation.decode(m.encode())).contains(m);
    }

    @Test
    void decode_unknownKindOrNewerFormat_isIgnored() {
        assertThat(Invalidation.decode("1|SEGMENT|t|" + ID + "|1|o|")).isEmpty();
        assertThat(Invalidation.decode("2|CUSTOMER|t|" + ID + "|1|o||extra")).isEmpty();
    }

    @Test
    void loyaltyKinds_roundTrip() {
        Invalidation account = new Invalidation(Invalidation.Kind.LOYALTY_ACCOUNT, TenantId.of("shop-1"), ID, 12,
                List.of(), "origin-1");
        assertThat(account.encode()).isEqualTo("1|LOYALTY_ACCOUNT|shop-1|" + ID + "|12|origin-1|");
        assertThat(Invalidation.decode(account.encode())).contains(account);
        Invalidation program = new Invalidation(Invalidation.Kind.LOYALTY_PROGRAM, TenantId.of("shop-1"), "vip-club.2",
                0, List.of(), "origin-1");
        assertThat(program.encode()).isEqualTo("1|LOYALTY_PROGRAM|shop-1|vip-club.2|0|origin-1|");
        assertThat(Invalidation.decode(program.encode())).contains(program);
        // Same seven fields as before: a receiver that predates these kinds ignores them (empty), not fails.
        assertThat(account.encode().split("\\|", -1)).hasSize(7);
    }

    @Test
    void decode_malformed() {
        assertThatThrownBy(() -> Invalidation.decode("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Invalidation.decode("1|CUSTOMER|t")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalidation message must have 7 fields, had 3");
        assertThatThrownBy(() -> Invalidation.decode("1|CUSTOMER|t|" + ID + "|x|o|"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Invalidation.decode("1|CUSTOMER|t|" + ID + "|1|o|zz"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_rejectsBadValues() {
        TenantId t = TenantId.DEFAULT;
        assertThatThrownBy(() -> new Invalidation(Invalidation.Kind.CUSTOMER, t, ID, -1, List.of(), "o"))
                .hasMessage("invalidation version must not be negative, was -1");
        assertThatThrownBy(() -> new Invalidation(Invalidation.Kind.CUSTOMER, t, ID, 1, List.of(1 << 16), "o"))
                .hasMessage("key fingerprint must be between 0 and 65535, was 65536");
        assertThatThrownBy(() -> new Invalidation(Invalidation.Kind.CUSTOMER, t, "a|b", 1, List.of(), "o"))
                .isInstanceOf(IllegalArgumentException.class);
        // An e-mail address cannot be smuggled in as an id.
        assertThatThrownBy(() -> new Invalidation(Invalidation.Kind.CUSTOMER, t, "x@example.com", 1, List.of(), "o"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fingerprints_stableAcrossJvmsAndInRange() {
        TenantId t = TenantId.of("shop-1");
        // Pinned: other instances (other JVMs, other cim4j builds) must compute the same values.
        assertThat(KeyFingerprints.contact(t, ContactType.EMAIL, "a@example.com"))
                .isEqualTo(KeyFingerprints.contact(TenantId.of("shop-1"), ContactType.of("email"), "a@example.com"))
                .isBetween(0, KeyFingerprints.MASK);
        assertThat(KeyFingerprints.contact(t, ContactType.EMAIL, "a@example.com"))
                .isNotEqualTo(KeyFingerprints.contact(TenantId.of("shop-2"), ContactType.EMAIL, "a@example.com"));
        assertThat(KeyFingerprints.externalId(t, ExternalId.of("pos", "1"))).isBetween(0, KeyFingerprints.MASK);
        assertThat(KeyFingerprints.customer(t, CustomerId.of(ID))).isBetween(0, KeyFingerprints.MASK);
        // Pinned values: changing the function breaks clusters running mixed versions, so it needs
        // a new message format version.
        assertThat(KeyFingerprints.tags(t)).isEqualTo(13421);
        assertThat(KeyFingerprints.contact(t, ContactType.EMAIL, "a@example.com")).isEqualTo(18318);
        assertThat(KeyFingerprints.loyaltyMember(t, CustomerId.of(ID))).isEqualTo(30996);
        assertThat(KeyFingerprints.customer(t, CustomerId.of(ID))).isEqualTo(15164);
        assertThat(KeyFingerprints.loyaltyPrograms(t)).isEqualTo(38135);
    }
}

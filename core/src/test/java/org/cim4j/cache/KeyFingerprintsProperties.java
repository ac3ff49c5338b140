package org.cim4j.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.cim4j.TenantId;
import org.cim4j.customer.CustomerId;

/**
 * The id fingerprints hash the id's canonical text without building it (they run on every cache
 * hit); they must equal the string form other instances and older versions compute.
 */
class KeyFingerprintsProperties {

    @Property(tries = 2000)
    void idFingerprints_equalTheFingerprintOfTheIdsText(@ForAll long msb, @ForAll long lsb,
            @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 20) String tenant) {
        TenantId t = TenantId.of(tenant);
        CustomerId id = new CustomerId(new UUID(msb, lsb));
        assertThat(KeyFingerprints.customer(t, id)).isEqualTo(KeyFingerprints.of("c", tenant, id.toString()));
        assertThat(KeyFingerprints.loyaltyMember(t, id)).isEqualTo(KeyFingerprints.of("l", tenant, id.toString()));
    }
}

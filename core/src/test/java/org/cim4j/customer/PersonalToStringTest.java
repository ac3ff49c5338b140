package org.cim4j.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonalToStringTest {

    @Test
    void person_masksNamesAndBirthDate() {
        Person p = new Person("王小明", "小明", "王", LocalDate.of(1990, 5, 17), Gender.MALE);

        assertThat(p.toString()).doesNotContain("小明").doesNotContain("1990").contains("王**").contains("male");
    }

    @Test
    void contactPoint_masksValue() {
        assertThat(ContactPoint.email("jane.doe@example.com").toString())
                .doesNotContain("jane").contains("j***@e***.com");
        assertThat(ContactPoint.phone("+8613800138078").toString()).doesNotContain("13800138").contains("+86");
    }

    @Test
    void postalAddress_showsNoAddressParts() {
        PostalAddress a = new PostalAddress("home", List.of("221B Baker Street"), "London", null, "NW1 6XE", "GB", true);

        assertThat(a.toString()).doesNotContain("Baker").doesNotContain("London").doesNotContain("NW1").contains("GB");
    }
}

package org.cim4j.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumSet;
import org.cim4j.tag.TagId;
import org.junit.jupiter.api.Test;

class CustomerQueryTest {

    @Test
    void all_isActiveOnlyOldestFirst() {
        CustomerQuery q = CustomerQuery.all();

        assertThat(q.criteria()).isEmpty();
        assertThat(q.sort()).isEqualTo(CustomerSort.CREATED_ASC);
        assertThat(q.statuses()).containsExactly(CustomerStatus.ACTIVE);
    }

    @Test
    void builder_collectsCriteriaInOrder() {
        TagId vip = TagId.of("00000000-0000-7000-8000-000000000001");
        CustomerQuery q = CustomerQuery.builder()
                .stage(LifecycleStage.ACTIVE, LifecycleStage.NEW)
                .tag(vip)
                .attributeBetween("shoe_size", BigDecimal.valueOf(40), null)
                .nameContains("wang")
                .sort(CustomerSort.NAME_ASC)
                .build();

        assertThat(q.criteria()).containsExactly(
                new CustomerQuery.Criterion.StageIn(EnumSet.of(LifecycleStage.ACTIVE, LifecycleStage.NEW)),
                new CustomerQuery.Criterion.HasTag(vip),
                new CustomerQuery.Criterion.AttributeBetween("shoe_size", AttributeValue.of(40), null),
                new CustomerQuery.Criterion.NameContains("wang"));
        assertThat(q.sort()).isEqualTo(CustomerSort.NAME_ASC);
    }

    @Test
    void builder_statusReplacesDefault_onlyOnce() {
        CustomerQuery.Builder b = CustomerQuery.builder().status(CustomerStatus.DELETED, CustomerStatus.ACTIVE);

        assertThat(b.build().statuses()).containsExactlyInAnyOrder(CustomerStatus.DELETED, CustomerStatus.ACTIVE);
        b.status(CustomerStatus.ERASED);
        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void criteria_rejectNonsense() {
        assertThatThrownBy(() -> new CustomerQuery.Criterion.AttributeBetween("x", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CustomerQuery.Criterion.AttributeBetween("x", AttributeValue.of(1),
                AttributeValue.of("2"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CustomerQuery.Criterion.AttributeBetween("x", AttributeValue.of(true), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CustomerQuery.Criterion.NameContains(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CustomerQuery.Criterion.StageIn(EnumSet.noneOf(LifecycleStage.class)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

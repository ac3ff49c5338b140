package org.cim4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.CustomerSort;
import org.cim4j.customer.LifecycleStage;
import org.junit.jupiter.api.Test;

class QueryKeyTest {

    @Test
    void sameCriteria_sameKey_regardlessOfSetOrder() {
        LinkedHashSet<LifecycleStage> ab = new LinkedHashSet<>(List.of(LifecycleStage.NEW, LifecycleStage.LEAD));
        LinkedHashSet<LifecycleStage> ba = new LinkedHashSet<>(List.of(LifecycleStage.LEAD, LifecycleStage.NEW));
        CustomerQuery q1 = new CustomerQuery(List.of(new CustomerQuery.Criterion.StageIn(ab)), CustomerSort.CREATED_ASC);
        CustomerQuery q2 = new CustomerQuery(List.of(new CustomerQuery.Criterion.StageIn(ba)), CustomerSort.CREATED_ASC);

        assertThat(EngineCustomerService.queryKey(q1)).isEqualTo(EngineCustomerService.queryKey(q2));
    }

    @Test
    void differentSortOrCriteria_differentKey() {
        CustomerQuery all = CustomerQuery.all();

        assertThat(EngineCustomerService.queryKey(all))
                .isNotEqualTo(EngineCustomerService.queryKey(CustomerQuery.builder().sort(CustomerSort.NAME_ASC).build()))
                .isNotEqualTo(EngineCustomerService.queryKey(CustomerQuery.builder().nameContains("a").build()));
    }
}

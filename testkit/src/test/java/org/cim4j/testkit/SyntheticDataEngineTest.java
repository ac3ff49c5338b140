package org.cim4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cim4j.Cim4j;
import org.cim4j.commerce.PurchaseSummary;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.interaction.InteractionQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Synthetic data is valid service input: the engine accepts all of it, without duplicates. */
@Cim4jTest(seed = 2026)
class SyntheticDataEngineTest {

    @Test
    @DisplayName("120 synthetic customers with their purchases and interactions are accepted by the services")
    void syntheticData_acceptedByEngine(Cim4j crm, SyntheticData data) {
        List<Customer> customers = data.customers().limit(120).map(crm.customers()::create).toList();
        long purchases = 0;
        long interactions = 0;
        for (Customer c : customers) {
            purchases += data.purchases(c.id()).map(crm.purchases()::record).toList().size(); // toList: count() may skip map
            interactions += data.interactions(c.id()).map(crm.interactions()::record).toList().size();
        }
        assertThat(crm.customers().count(CustomerQuery.all())).isEqualTo(120);
        assertThat(purchases).isGreaterThan(120);
        assertThat(interactions).isGreaterThan(120);
        Customer heaviest = customers.stream().max(java.util.Comparator.comparingInt(c -> data.purchaseCount(c.id())))
                .orElseThrow();
        PurchaseSummary summary = crm.purchases().summary(heaviest.id());
        assertThat(summary).isNotNull();
        assertThat(crm.interactions().count(heaviest.id(), InteractionQuery.all()))
                .isEqualTo(data.interactions(heaviest.id()).count());
    }
}

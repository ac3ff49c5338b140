package org.cim4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cim4j.Channel;
import org.cim4j.NotFoundException;
import org.cim4j.commerce.Money;
import org.cim4j.commerce.Purchase;
import org.cim4j.customer.AttributeValue;
import org.cim4j.customer.ContactPoint;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.CustomerSort;
import org.cim4j.customer.ExternalId;
import org.cim4j.interaction.Interaction;
import org.cim4j.interaction.InteractionQuery;
import org.cim4j.interaction.InteractionType;
import org.cim4j.spi.CustomerKeyset;
import org.cim4j.tag.Tag;
import org.cim4j.tag.TagId;
import org.cim4j.testkit.internal.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation: every read, query, count and update of one tenant ignores another tenant's
 * records, even when they share ids, keys, names and contact values.
 */
public abstract class TenantIsolationContract extends AdapterContract implements StorageContractRules.TenantIsolationRules {
    private Customer mine;
    private Customer theirs;
    private Tag theirTag;
    private Interaction theirInteraction;
    private Purchase theirPurchase;

    @BeforeEach
    void seedOtherTenant() {
        TagId tag = fixtures().tagId();
        theirTag = new Tag(tag, OTHER_TENANT, "VIP", null, null, org.cim4j.tag.TagKind.MANUAL, fixtures().now());
        theirs = Fixtures.withContacts(Fixtures.withExternalId(fixtures().customer(OTHER_TENANT, "王小明"), "pos:member", "1"),
                ContactPoint.email("xm@example.com")).withTag(tag).withAttribute("n", AttributeValue.of(5))
                .withSourceChannel(Channel.POS);
        mine = fixtures().customer(TENANT, "Mine");
        insert(theirs, mine);
        theirInteraction = fixtures().interaction(OTHER_TENANT, theirs.id(), InteractionType.CALL, fixtures().now());
        theirPurchase = fixtures().purchase(OTHER_TENANT, theirs.id(), Channel.POS, "order-1", fixtures().now());
        inWrite(s -> {
            s.tags().insert(theirTag);
            s.interactions().insert(theirInteraction);
            s.purchases().insert(theirPurchase);
        });
    }

    @Test
    @DisplayName("findById, findByContact and findByExternalId never return another tenant's customer")
    public void customerLookups_isolated() {
        provider().read(s -> {
            assertThat(s.customers().findById(TENANT, theirs.id())).isEmpty();
            assertThat(s.customers().findByContact(TENANT, ContactType.EMAIL, "xm@example.com")).isEmpty();
            assertThat(s.customers().findByExternalId(TENANT, ExternalId.of("pos:member", "1"))).isEmpty();
            assertThat(s.customers().findById(OTHER_TENANT, mine.id())).isEmpty();
            assertThat(s.customers().findById(OTHER_TENANT, theirs.id())).contains(theirs);
            return null;
        });
    }

    @Test
    @DisplayName("queries and counts with any criterion and sort never match another tenant's customer")
    public void customerQueries_isolated() {
        List<CustomerQuery> queries = List.of(CustomerQuery.all(),
                CustomerQuery.builder().sort(CustomerSort.NAME_ASC).build(),
                CustomerQuery.builder().sort(CustomerSort.CREATED_DESC).build(),
                CustomerQuery.builder().tag(theirTag.id()).build(),
                CustomerQuery.builder().nameContains("小明").build(),
                CustomerQuery.builder().contactContains("xm@").build(),
                CustomerQuery.builder().attributeEquals("n", AttributeValue.of(5)).build(),
                CustomerQuery.builder().attributeBetween("n", AttributeValue.of(1), null).build(),
                CustomerQuery.builder().source(Channel.POS).build(),
                CustomerQuery.builder().createdBetween(theirs.createdAt(), null).build(),
                CustomerQuery.builder().status(org.cim4j.customer.CustomerStatus.ACTIVE,
                        org.cim4j.customer.CustomerStatus.DELETED).build());
        provider().read(s -> {
            for (CustomerQuery q : queries) {
                assertThat(s.customers().query(TENANT, q, null, 100)).as("%s", q).allMatch(c -> c.tenant().equals(TENANT))
                        .doesNotContain(theirs);
                assertThat(s.customers().query(TENANT, q, CustomerKeyset.of(mine), 100)).as("%s after", q)
                        .doesNotContain(theirs);
                assertThat(s.customers().count(TENANT, q)).as("count %s", q).isLessThanOrEqualTo(1);
            }
            assertThat(s.customers().query(OTHER_TENANT, CustomerQuery.all(), null, 100)).containsExactly(theirs);
            return null;
        });
    }

    @Test
    @DisplayName("updating a customer id under the wrong tenant fails with NotFoundException and changes nothing")
    public void customerUpdate_isolated() {
        Customer hijack = Fixtures.inTenant(fixtures().next(theirs), TENANT);
        assertThatThrownBy(() -> inWrite(s -> s.customers().update(hijack))).isInstanceOf(NotFoundException.class);
        assertThat(readOptional(s -> s.customers().findById(OTHER_TENANT, theirs.id()))).contains(theirs);
    }

    @Test
    @DisplayName("tags of another tenant are invisible by id, name and list")
    public void tags_isolated() {
        provider().read(s -> {
            assertThat(s.tags().findById(TENANT, theirTag.id())).isEmpty();
            assertThat(s.tags().findByName(TENANT, "VIP")).isEmpty();
            assertThat(s.tags().list(TENANT)).isEmpty();
            return null;
        });
    }

    @Test
    @DisplayName("interactions of another tenant are invisible by id, timeline and count")
    public void interactions_isolated() {
        provider().read(s -> {
            assertThat(s.interactions().findById(TENANT, theirInteraction.id())).isEmpty();
            assertThat(s.interactions().timeline(TENANT, theirs.id(), InteractionQuery.all(), null, 10)).isEmpty();
            assertThat(s.interactions().count(TENANT, theirs.id(), InteractionQuery.all())).isZero();
            return null;
        });
    }

    @Test
    @DisplayName("purchases of another tenant are invisible by id, order and history, and cannot be updated")
    public void purchases_isolated() {
        provider().read(s -> {
            assertThat(s.purchases().findById(TENANT, theirPurchase.id())).isEmpty();
            assertThat(s.purchases().findByOrder(TENANT, Channel.POS, "order-1")).isEmpty();
            assertThat(s.purchases().history(TENANT, theirs.id(), null, 10)).isEmpty();
            return null;
        });
        Purchase p = theirPurchase.withRefunded(Money.of("1.00", "CNY"));
        Purchase hijack = new Purchase(p.id(), TENANT, p.customerId(), p.orderId(), p.channel(), p.storeId(), p.occurredAt(),
                p.lines(), p.total(), p.refunded(), p.status(), p.version(), p.recordedAt());
        assertThatThrownBy(() -> inWrite(s -> s.purchases().update(hijack))).isInstanceOf(NotFoundException.class);
        assertThat(readOptional(s -> s.purchases().findById(OTHER_TENANT, theirPurchase.id()))).contains(theirPurchase);
    }
}

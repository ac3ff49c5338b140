package org.cim4j.examples;

import java.time.Clock;
import java.time.Duration;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Currency;
import java.util.HashSet;
import java.util.Set;
import org.cim4j.Channel;
import org.cim4j.Cim4j;
import org.cim4j.DuplicateException;
import org.cim4j.Page;
import org.cim4j.PageRequest;
import org.cim4j.ValidationException;
import org.cim4j.commerce.Money;
import org.cim4j.commerce.NewPurchase;
import org.cim4j.commerce.PurchaseLine;
import org.cim4j.commerce.PurchaseSummary;
import org.cim4j.customer.AttributeDefinition;
import org.cim4j.customer.AttributeSchema;
import org.cim4j.customer.AttributeType;
import org.cim4j.customer.AttributeValue;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerQuery;
import org.cim4j.customer.ExternalId;
import org.cim4j.customer.LifecycleStage;
import org.cim4j.customer.NewCustomer;
import org.cim4j.interaction.Interaction;
import org.cim4j.interaction.InteractionQuery;
import org.cim4j.interaction.InteractionType;
import org.cim4j.interaction.NewInteraction;
import org.cim4j.jdbc.JdbcStorage;
import org.cim4j.spi.StorageProvider;
import org.cim4j.tag.NewTag;
import org.cim4j.tag.Tag;

/**
 * A short customer story: one shopper known to the store's POS and to the e-shop, joined into one
 * profile without typing anything twice, with interactions, purchases, a tag and a query.
 *
 * <p>Runs on an embedded H2 file database ({@code target/quickstart-data} unless a directory is
 * given), so a second run finds the first run's data. Pass a JDBC URL instead, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}, to run it on PostgreSQL or MariaDB.
 */
public final class Quickstart {
    private Quickstart() {
    }

    public static void main(String[] args) {
        Clock clock = Clock.systemUTC();
        String where = args.length > 0 && args[0] != null && !args[0].isBlank() ? args[0] : "target/quickstart-data";
        StorageProvider storage;
        if (where.startsWith("jdbc:")) {
            storage = JdbcStorage.builder().jdbcUrl(where).build();
            System.out.println("cim4j quickstart on " + storage.name() + " (" + where.replaceAll("password=[^&;]*", "password=***") + ")");
        } else {
            Path dir = Path.of(where).toAbsolutePath();
            storage = JdbcStorage.h2File(dir);
            System.out.println("cim4j quickstart on embedded H2, data in " + dir);
        }
        try (Cim4j crm = Cim4j.builder()
                .storage(storage)
                .clock(clock)
                .defaultRegion("CN")
                .attributeSchema(AttributeSchema.of(AttributeDefinition.optional("shoe_size", AttributeType.NUMBER)))
                .build()) {
            long before = crm.customers().count(CustomerQuery.all());
            story(crm, clock);
            System.out.println(before == 0
                    ? "Run it again: the data is stored, so the next run finds this customer instead of creating it."
                    : "Found the previous run's data: nothing was entered twice.");
        }
    }

    static void story(Cim4j crm, Clock clock) {
        Tag vip = crm.tags().findByName("VIP").orElseGet(() -> crm.tags().create(NewTag.of("VIP", "value")));

        // 1. The POS captures a member at the till (phone in national form: default region CN).
        Customer wang = crm.customers().findByExternalId(ExternalId.parse("pos:member:88231"))
                .orElseGet(() -> crm.customers().create(NewCustomer.builder()
                        .name("王小明")
                        .phone("138 0013 8000")
                        .email("XiaoMing.Wang@Example.com")
                        .externalId("pos:member:88231")
                        .source(Channel.POS)
                        .attribute("shoe_size", 42)
                        .build()));
        System.out.printf("1. POS member %s -> customer %s, phone %s, e-mail %s%n",
                wang.person().displayName(), wang.id(), wang.primaryPhone().orElse("-"), wang.primaryEmail().orElse("-"));

        // 2. The e-shop sees the same e-mail written differently: found, not entered twice.
        Customer same = crm.customers().findByContact(ContactType.EMAIL, " xiaoming.wang@EXAMPLE.com").get(0);
        System.out.printf("2. e-shop login matches existing customer: %s%n", same.id().equals(wang.id()));
        try {
            crm.customers().create(NewCustomer.builder().name("Wang Xiaoming").email("xiaoming.wang@example.com").build());
        } catch (DuplicateException e) {
            System.out.println("   a second profile is refused: " + e.getMessage());
        }
        Customer linked = crm.customers().update(wang.withExternalIds(
                union(wang.externalIds(), ExternalId.parse("shop:user:42"))));
        System.out.printf("   e-shop id linked, profile now version %d with %d external ids%n",
                linked.version(), linked.externalIds().size());

        // 3. Interactions from the service desk, then purchases in the store and online.
        Instant now = clock.instant();
        crm.interactions().record(NewInteraction.builder(wang.id(), InteractionType.CALL)
                .subject("Asked about running shoes in size 42").outcome("callback").agent("agent-7")
                .occurredAt(now.minus(Duration.ofDays(3))).build());
        crm.interactions().record(NewInteraction.builder(wang.id(), InteractionType.SURVEY_RESPONSE)
                .channel(Channel.EMAIL).csat(5).nps(9).occurredAt(now.minus(Duration.ofDays(1))).build());
        crm.purchases().findByOrder(Channel.POS, "R-1001").orElseGet(() -> crm.purchases().record(NewPurchase.of(
                wang.id(), "R-1001", Channel.POS, now.minus(Duration.ofDays(2)),
                PurchaseLine.of("SHOE-42", "shoes", 1, Money.of("699.00", "CNY")),
                PurchaseLine.of("SOCK-3P", "accessories", 2, Money.of("39.90", "CNY")))));
        crm.purchases().findByOrder(Channel.ESHOP, "W-77").orElseGet(() -> crm.purchases().record(NewPurchase.of(
                wang.id(), "W-77", Channel.ESHOP, now.minus(Duration.ofHours(5)),
                PurchaseLine.of("JACKET-M", "outerwear", 1, Money.of("1299.00", "CNY")))));
        PurchaseSummary summary = crm.purchases().summary(wang.id());
        System.out.printf("3. %d orders across POS and e-shop, net spend %s%n",
                summary.orders(), summary.net(Currency.getInstance("CNY")));
        Page<Interaction> timeline = crm.interactions().timeline(wang.id(), InteractionQuery.all(), PageRequest.first(10));
        for (Interaction i : timeline.items()) {
            System.out.printf("   timeline: %s via %s%s%n", i.type(), i.channel(),
                    i.csatScore().map(s -> " (CSAT " + s + ")").orElse(""));
        }

        // 4. A big spender becomes an active VIP.
        Customer vipWang = crm.tags().assign(wang.id(), vip.id());
        crm.customers().update(vipWang.withStage(LifecycleStage.ACTIVE));
        System.out.printf("4. tagged %s and moved to stage %s%n", vip.name(), LifecycleStage.ACTIVE);

        // 5. Bad input is rejected with every problem named, and nothing is stored.
        try {
            crm.customers().create(NewCustomer.builder().name(" ").email("not-an-email").phone("12").build());
        } catch (ValidationException e) {
            System.out.println("5. invalid input rejected:");
            e.violations().forEach(v -> System.out.println("   - " + v.field() + ": " + v.message()));
        }

        // 6. Query: active VIPs with shoe size 40-44, one page at a time.
        CustomerQuery vipsBySize = CustomerQuery.builder()
                .tag(vip.id())
                .stage(LifecycleStage.ACTIVE)
                .attributeBetween("shoe_size", AttributeValue.of(40), AttributeValue.of(44))
                .build();
        Page<Customer> page = crm.customers().find(vipsBySize, PageRequest.first(20));
        System.out.printf("6. active VIPs with shoe size 40-44: %d (of %d customers)%n",
                page.items().size(), crm.customers().count(CustomerQuery.all()));
    }

    private static Set<ExternalId> union(
            Set<ExternalId> ids, ExternalId extra) {
        Set<ExternalId> all = new HashSet<>(ids);
        all.add(extra);
        return all;
    }
}

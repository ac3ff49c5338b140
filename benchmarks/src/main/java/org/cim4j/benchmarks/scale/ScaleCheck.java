package org.cim4j.benchmarks.scale;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cim4j.Cim4j;
import org.cim4j.Page;
import org.cim4j.PageRequest;
import org.cim4j.benchmarks.BenchDatabase;
import org.cim4j.commerce.NewPurchase;
import org.cim4j.commerce.Purchase;
import org.cim4j.commerce.PurchaseStatus;
import org.cim4j.customer.ContactType;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerId;
import org.cim4j.customer.CustomerStatus;
import org.cim4j.customer.NewCustomer;
import org.cim4j.interaction.Interaction;
import org.cim4j.interaction.InteractionQuery;
import org.cim4j.interaction.NewInteraction;

/**
 * Proves that what the loader wrote is what {@link SyntheticData} generated, read back through
 * cim4j's own API: for sampled customers, the profile (name, stage, birth date, contacts, external id),
 * the whole interaction timeline and the whole purchase history are regenerated and compared field by
 * field. This is the correctness check of the raw JDBC loader; it is equally run for the API path.
 */
public final class ScaleCheck {
    private ScaleCheck() {
    }

    /** What a check compared. */
    public record Checked(int customers, long interactions, long purchases, List<String> mismatches) {
        public boolean ok() {
            return mismatches.isEmpty();
        }
    }

    /** Compares up to {@code max} of the loader's samples with a fresh generation; never throws on a mismatch. */
    public static Checked verify(Cim4j crm, SyntheticData data, List<ScaleLoader.Sample> samples, int max) {
        List<String> bad = new ArrayList<>();
        int customers = 0;
        long interactions = 0;
        long purchases = 0;
        for (ScaleLoader.Sample s : samples.subList(0, Math.min(max, samples.size()))) {
            customers++;
            CustomerId id = CustomerId.of(s.id());
            long i = s.index();
            Optional<Customer> read = crm.customers().find(id);
            if (read.isEmpty()) {
                bad.add("customer #" + i + " not found by id");
                continue;
            }
            compareCustomer(i, data.customer(i), read.get(), bad);
            List<Customer> byMail = crm.customers().findByContact(ContactType.EMAIL, data.email(i));
            if (byMail.size() != 1 || !byMail.get(0).id().equals(id)) {
                bad.add("customer #" + i + ": findByContact(email) returned " + byMail.size() + " customers");
            }
            if (!crm.customers().findByExternalId(data.externalId(i)).map(Customer::id).equals(Optional.of(id))) {
                bad.add("customer #" + i + ": findByExternalId did not return it");
            }
            // interactions: the whole timeline, newest first, against the generated ones in the same order
            List<Interaction> timeline = new ArrayList<>();
            PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
            while (true) {
                Page<Interaction> p = crm.interactions().timeline(id, InteractionQuery.all(), page);
                timeline.addAll(p.items());
                if (p.next() == null) {
                    break;
                }
                page = PageRequest.after(p.next(), PageRequest.MAX_LIMIT);
            }
            List<NewInteraction> expected = new ArrayList<>();
            for (long j = data.firstInteraction(i); j < data.firstInteraction(i + 1); j++) {
                expected.add(data.interaction(j, id));
            }
            interactions += expected.size();
            compareInteractions(i, expected, timeline, bad);
            List<Purchase> history = new ArrayList<>();
            page = PageRequest.first(PageRequest.MAX_LIMIT);
            while (true) {
                Page<Purchase> p = crm.purchases().history(id, page);
                history.addAll(p.items());
                if (p.next() == null) {
                    break;
                }
                page = PageRequest.after(p.next(), PageRequest.MAX_LIMIT);
            }
            List<NewPurchase> bought = new ArrayList<>();
            for (long k = data.firstPurchase(i); k < data.firstPurchase(i + 1); k++) {
                bought.add(data.purchase(k, id));
            }
            purchases += bought.size();
            comparePurchases(i, bought, history, bad);
        }
        return new Checked(customers, interactions, purchases, List.copyOf(bad));
    }

    private static void compareCustomer(long i, NewCustomer in, Customer c, List<String> bad) {
        String what = "customer #" + i + ": ";
        check(bad, what + "status", CustomerStatus.ACTIVE, c.status());
        check(bad, what + "displayName", in.displayName(), c.person().displayName());
        check(bad, what + "givenName", in.givenName(), c.person().givenName());
        check(bad, what + "familyName", in.familyName(), c.person().familyName());
        check(bad, what + "birthDate", in.birthDate(), c.person().birthDate());
        check(bad, what + "gender", in.gender(), c.person().gender());
        check(bad, what + "stage", in.stage(), c.stage());
        check(bad, what + "source", in.sourceChannel(), c.sourceChannel());
        check(bad, what + "externalIds", in.externalIds(), c.externalIds());
        check(bad, what + "contacts", in.contacts().size(), c.contacts().size());
        for (int n = 0; n < Math.min(in.contacts().size(), c.contacts().size()); n++) {
            check(bad, what + "contact " + n + " type", in.contacts().get(n).type(), c.contacts().get(n).type());
            check(bad, what + "contact " + n + " value", in.contacts().get(n).value(), c.contacts().get(n).value());
            check(bad, what + "contact " + n + " primary", in.contacts().get(n).primary(), c.contacts().get(n).primary());
        }
    }

    /** Orders generated rows the way cim4j returns them: newest first, ties by content (ids are not generated). */
    private static void compareInteractions(long i, List<NewInteraction> expected, List<Interaction> read,
                                            List<String> bad) {
        String what = "customer #" + i + " interactions: ";
        if (expected.size() != read.size()) {
            bad.add(what + "expected " + expected.size() + " rows, read " + read.size());
            return;
        }
        Comparator<Object[]> order = Comparator.comparing((Object[] r) -> (java.time.Instant) r[0]).reversed()
                .thenComparing(r -> String.valueOf(r[1]));
        List<Object[]> want = new ArrayList<>();
        for (NewInteraction n : expected) {
            want.add(new Object[] {n.occurredAt(), key(n.type().code(), n.channel().code(), n.direction().name(),
                    n.subject(), n.notes(), n.outcome(), n.csat(), n.nps(), n.agent(), n.customerId().value())});
        }
        List<Object[]> got = new ArrayList<>();
        for (Interaction n : read) {
            got.add(new Object[] {n.occurredAt(), key(n.type().code(), n.channel().code(), n.direction().name(),
                    n.subject(), n.notes(), n.outcome(), n.csat(), n.nps(), n.agent(), n.customerId().value())});
        }
        want.sort(order);
        got.sort(order);
        for (int n = 0; n < want.size(); n++) {
            if (!want.get(n)[0].equals(got.get(n)[0]) || !want.get(n)[1].equals(got.get(n)[1])) {
                bad.add(what + "row " + n + " differs: expected " + want.get(n)[0] + " " + want.get(n)[1]
                        + ", read " + got.get(n)[0] + " " + got.get(n)[1]);
                return;
            }
        }
    }

    private static void comparePurchases(long i, List<NewPurchase> expected, List<Purchase> read, List<String> bad) {
        String what = "customer #" + i + " purchases: ";
        if (expected.size() != read.size()) {
            bad.add(what + "expected " + expected.size() + " rows, read " + read.size());
            return;
        }
        Map<String, Purchase> byOrder = new LinkedHashMap<>();
        read.forEach(p -> byOrder.put(p.orderId(), p));
        for (NewPurchase n : expected) {
            Purchase p = byOrder.get(n.orderId());
            if (p == null) {
                bad.add(what + "order " + n.orderId() + " missing");
                continue;
            }
            String o = what + "order " + n.orderId() + " ";
            check(bad, o + "customer", n.customerId(), p.customerId());
            check(bad, o + "channel", n.channel(), p.channel());
            check(bad, o + "storeId", n.storeId(), p.storeId());
            check(bad, o + "occurredAt", n.occurredAt(), p.occurredAt());
            check(bad, o + "lines", n.lines(), p.lines());
            check(bad, o + "total", SyntheticData.total(n), p.total());
            check(bad, o + "refunded", SyntheticData.total(n).minus(SyntheticData.total(n)), p.refunded());
            check(bad, o + "status", PurchaseStatus.COMPLETED, p.status());
            check(bad, o + "version", 1L, p.version());
        }
    }

    private static String key(Object... parts) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            sb.append(p).append('|');
        }
        return sb.toString();
    }

    private static void check(List<String> bad, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            bad.add(what + ": expected " + expected + ", read " + actual);
        }
    }

    /** Rows per cim4j table the suite fills, counted with plain SQL. */
    public static Map<String, Long> tableCounts(BenchDatabase db) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            for (String t : TABLES) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + db.table(t))) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    static final List<String> TABLES = List.of("customer", "customer_contact", "customer_external_id",
            "customer_unique_key", "interaction", "purchase", "purchase_line");
}

package org.cim4j.benchmarks.scale;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.cim4j.Cim4j;
import org.cim4j.IdGenerator;
import org.cim4j.benchmarks.BenchDatabase;
import org.cim4j.commerce.NewPurchase;
import org.cim4j.commerce.PurchaseLine;
import org.cim4j.customer.Customer;
import org.cim4j.customer.NewCustomer;
import org.cim4j.interaction.NewInteraction;

/**
 * Fills a benchmark database with {@link SyntheticData} in constant memory: customers are generated
 * and written {@value #CHUNK} at a time, each chunk's interactions and purchases right after it (they
 * need the new customer ids), and nothing of a chunk is kept afterwards except a fixed-size reservoir
 * sample of (row number, id) pairs for lookups and checks.
 *
 * <p>Customers always go through cim4j ({@code customers().createAll}, one unit of work per chunk).
 * Interactions and purchases go either through cim4j too ({@link Mode#API}: {@code recordAll} per
 * {@value #CHUNK} interactions; purchases one {@code record} each, because {@code PurchaseService} has
 * no bulk method) or, in {@link Mode#RAW}, as JDBC batches into cim4j's {@code interaction},
 * {@code purchase} and {@code purchase_line} tables with the values cim4j itself would write (UUIDv7
 * ids, totals summed from the lines, status {@code COMPLETED}, version 1); the read-back check of
 * {@link ScaleCheck} proves cim4j reads them as generated.
 *
 * <p>Planner statistics are refreshed ({@code ANALYZE}) whenever the customer count doubles, starting
 * at {@value #CHUNK}: a freshly migrated PostgreSQL schema has none, and then the duplicate check of
 * {@code createAll} ({@code findByContact}) is planned as a scan of all customers, which makes a load
 * quadratic (measured: 0.67 s per lookup at 1,000 customers without statistics, 0.07 ms with them).
 *
 * <p>Timers cover only the writes of each table. Every {@value #HEAP_EVERY} chunks the loader runs a
 * full GC and samples the heap in use (live data), whose maximum shows the memory stays flat.
 */
public final class ScaleLoader {
    static final int CHUNK = 1_000;
    static final int HEAP_EVERY = 10;
    static final int RESERVOIR = 10_000;

    /** Which path writes interactions and purchases. */
    public enum Mode {
        API, RAW;

        public static Mode parse(String s) {
            return Mode.valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** One sampled customer: its row number in {@link SyntheticData} and its cim4j id. */
    public record Sample(long index, UUID id) {
    }

    private final BenchDatabase db;
    private final Cim4j crm;
    private final SyntheticData data;
    private final Mode mode;
    private final IdGenerator ids = IdGenerator.uuidV7(Clock.systemUTC());
    private final SplittableRandom reservoirRandom;
    private final List<Sample> reservoir = new ArrayList<>(RESERVOIR);
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final boolean progress;

    private long loaded;
    private long interactionsLoaded;
    private long purchasesLoaded;
    private long linesLoaded;
    private long customerNanos;
    private long interactionNanos;
    private long purchaseNanos;
    private long peakHeap;
    private int chunks;
    private long nextAnalyze = CHUNK;
    private int analyzes;

    public ScaleLoader(BenchDatabase db, Cim4j crm, SyntheticData data, Mode mode, long seed, boolean progress) {
        this.db = db;
        this.crm = crm;
        this.data = data;
        this.mode = mode;
        this.reservoirRandom = new SplittableRandom(seed ^ 0x5ca1eL);
        this.progress = progress;
    }

    /** Row counts and write times so far; differences between two snapshots give one step's rates. */
    public record Totals(long customers, long interactions, long purchases, long lines, long customerNanos,
                         long interactionNanos, long purchaseNanos, long peakHeapBytes) {
        static double rate(long rows, long nanos) {
            return nanos == 0 ? Double.NaN : rows * 1e9 / nanos;
        }
    }

    public Totals totals() {
        return new Totals(loaded, interactionsLoaded, purchasesLoaded, linesLoaded, customerNanos, interactionNanos,
                purchaseNanos, peakHeap);
    }

    /** How often the loader refreshed planner statistics while loading (at 1k, 2k, 4k, … customers). */
    public int analyzes() {
        return analyzes;
    }

    public Mode mode() {
        return mode;
    }

    /** The reservoir: a uniform sample of up to {@value #RESERVOIR} of the customers loaded so far. */
    public List<Sample> samples() {
        return List.copyOf(reservoir);
    }

    /** Loads customers (with their interactions and purchases) until there are {@code target} of them. */
    public void loadTo(long target) throws SQLException {
        if (target > data.customers()) {
            throw new IllegalArgumentException("target " + target + " beyond the data set's " + data.customers());
        }
        long lastReport = System.nanoTime();
        while (loaded < target) {
            long from = loaded;
            long to = Math.min(target, from + CHUNK);
            List<NewCustomer> input = new ArrayList<>((int) (to - from));
            for (long i = from; i < to; i++) {
                input.add(data.customer(i));
            }
            long t0 = System.nanoTime();
            List<Customer> created = crm.customers().createAll(input);
            customerNanos += System.nanoTime() - t0;
            input = null;
            for (int n = 0; n < created.size(); n++) {
                offer(new Sample(from + n, created.get(n).id().value()));
            }
            loadInteractions(from, created);
            loadPurchases(from, created);
            loaded = to;
            if (loaded >= nextAnalyze) {
                // Fresh tables have no planner statistics (and autovacuum may be off): without them
                // PostgreSQL plans createAll's duplicate check (findByContact) as a scan of every customer.
                ScaleSuite.analyze(db);
                analyzes++;
                nextAnalyze *= 2;
            }
            if (++chunks % HEAP_EVERY == 0 || loaded == target) {
                sampleHeap();
            }
            if (progress && System.nanoTime() - lastReport > 30_000_000_000L) {
                lastReport = System.nanoTime();
                System.err.printf(Locale.ROOT, "[scale] %s: %,d customers, %,d interactions, %,d purchases;"
                                + " heap after GC max %.1f MB%n", db.target(), loaded, interactionsLoaded,
                        purchasesLoaded, peakHeap / 1048576.0);
            }
        }
    }

    private void offer(Sample s) {
        if (reservoir.size() < RESERVOIR) {
            reservoir.add(s);
            return;
        }
        long j = reservoirRandom.nextLong(s.index() + 1);
        if (j < RESERVOIR) {
            reservoir.set((int) j, s);
        }
    }

    private void sampleHeap() {
        System.gc();
        peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
    }

    private void loadInteractions(long from, List<Customer> created) throws SQLException {
        List<NewInteraction> batch = new ArrayList<>(CHUNK);
        for (int n = 0; n < created.size(); n++) {
            long i = from + n;
            for (long j = data.firstInteraction(i); j < data.firstInteraction(i + 1); j++) {
                batch.add(data.interaction(j, created.get(n).id()));
                if (batch.size() == CHUNK) {
                    writeInteractions(batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            writeInteractions(batch);
        }
    }

    private void loadPurchases(long from, List<Customer> created) throws SQLException {
        List<NewPurchase> batch = new ArrayList<>(CHUNK);
        for (int n = 0; n < created.size(); n++) {
            long i = from + n;
            for (long k = data.firstPurchase(i); k < data.firstPurchase(i + 1); k++) {
                batch.add(data.purchase(k, created.get(n).id()));
                if (batch.size() == CHUNK) {
                    writePurchases(batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            writePurchases(batch);
        }
    }

    private void writeInteractions(List<NewInteraction> batch) throws SQLException {
        long t0 = System.nanoTime();
        if (mode == Mode.API) {
            crm.interactions().recordAll(batch);
        } else {
            rawInteractions(batch);
        }
        interactionNanos += System.nanoTime() - t0;
        interactionsLoaded += batch.size();
    }

    private void writePurchases(List<NewPurchase> batch) throws SQLException {
        long t0 = System.nanoTime();
        if (mode == Mode.API) {
            for (NewPurchase p : batch) {
                crm.purchases().record(p);
            }
        } else {
            rawPurchases(batch);
        }
        purchaseNanos += System.nanoTime() - t0;
        purchasesLoaded += batch.size();
        for (NewPurchase p : batch) {
            linesLoaded += p.lines().size();
        }
    }

    // ------------------------------------------------------------ raw JDBC path

    private String tenant() {
        return crm.principal().tenant().value();
    }

    private void rawInteractions(List<NewInteraction> batch) throws SQLException {
        DataSource ds = db.dataSource();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement("INSERT INTO " + db.table("interaction")
                    + " (tenant_id, id, customer_id, type, channel, direction, occurred_at, subject, notes, outcome,"
                    + " csat, nps, agent, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (NewInteraction i : batch) {
                    st.setString(1, tenant());
                    uuid(st, 2, ids.next());
                    uuid(st, 3, i.customerId().value());
                    st.setString(4, i.type().code());
                    st.setString(5, i.channel().code());
                    st.setString(6, i.direction().name());
                    ts(st, 7, i.occurredAt() == null ? now : i.occurredAt().truncatedTo(ChronoUnit.MICROS));
                    st.setString(8, i.subject());
                    st.setString(9, i.notes());
                    st.setString(10, i.outcome());
                    integer(st, 11, i.csat());
                    integer(st, 12, i.nps());
                    st.setString(13, i.agent());
                    ts(st, 14, now);
                    st.addBatch();
                }
                st.executeBatch();
            }
            c.commit();
        }
    }

    private void rawPurchases(List<NewPurchase> batch) throws SQLException {
        DataSource ds = db.dataSource();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement head = c.prepareStatement("INSERT INTO " + db.table("purchase")
                    + " (tenant_id, id, customer_id, order_id, channel, store_id, occurred_at, total_amount,"
                    + " refunded_amount, currency, status, version, recorded_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement line = c.prepareStatement("INSERT INTO " + db.table("purchase_line")
                         + " (tenant_id, purchase_id, position, sku, category, quantity, unit_price, currency)"
                         + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (NewPurchase p : batch) {
                    UUID id = ids.next();
                    var total = SyntheticData.total(p);
                    head.setString(1, tenant());
                    uuid(head, 2, id);
                    uuid(head, 3, p.customerId().value());
                    head.setString(4, p.orderId());
                    head.setString(5, p.channel().code());
                    head.setString(6, p.storeId());
                    ts(head, 7, p.occurredAt() == null ? now : p.occurredAt().truncatedTo(ChronoUnit.MICROS));
                    head.setBigDecimal(8, total.amount());
                    head.setBigDecimal(9, java.math.BigDecimal.ZERO.setScale(total.amount().scale()));
                    head.setString(10, total.currency().getCurrencyCode());
                    head.setString(11, "COMPLETED");
                    head.setLong(12, 1);
                    ts(head, 13, now);
                    head.addBatch();
                    int pos = 0;
                    for (PurchaseLine l : p.lines()) {
                        line.setString(1, tenant());
                        uuid(line, 2, id);
                        line.setInt(3, pos++);
                        line.setString(4, l.sku());
                        line.setString(5, l.category());
                        line.setInt(6, l.quantity());
                        line.setBigDecimal(7, l.unitPrice().amount());
                        line.setString(8, l.unitPrice().currency().getCurrencyCode());
                        line.addBatch();
                    }
                }
                head.executeBatch();
                line.executeBatch();
            }
            c.commit();
        }
    }

    private void uuid(PreparedStatement st, int pos, UUID id) throws SQLException {
        if (db.target() == BenchDatabase.Target.MARIADB) {
            st.setString(pos, id.toString());
        } else {
            st.setObject(pos, id);
        }
    }

    private static void ts(PreparedStatement st, int pos, Instant at) throws SQLException {
        st.setObject(pos, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    private static void integer(PreparedStatement st, int pos, Integer v) throws SQLException {
        if (v == null) {
            st.setNull(pos, Types.INTEGER);
        } else {
            st.setInt(pos, v);
        }
    }
}

package org.cim4j.benchmarks.suites;

import java.util.List;
import org.cim4j.Page;
import org.cim4j.PageRequest;
import org.cim4j.benchmarks.BenchDatabase;
import org.cim4j.benchmarks.Interleaved;
import org.cim4j.benchmarks.ResultTable;
import org.cim4j.benchmarks.RunOptions;
import org.cim4j.benchmarks.Suite;
import org.cim4j.benchmarks.Verdict;
import org.cim4j.benchmarks.peer.RawJdbcCustomerDao;
import org.cim4j.customer.Customer;
import org.cim4j.customer.CustomerQuery;

/**
 * Deep paging: the time to fetch page 1 and page {@code P} (parameter {@code page}, default 1,000;
 * smoke: the last full page) of 50 active customers, oldest first, out of {@code customers}
 * (parameter {@code paging.customers}, default 100,000; smoke 1,000). cim4j pages by keyset: the cursor of page {@code P} is obtained by
 * walking the pages once, then both pages are fetched repeatedly, interleaved. For contrast a raw
 * SQL peer fetches the same pages with {@code LIMIT 50 OFFSET (P-1)*50}, which makes the database
 * step over every earlier row. The OFFSET peer reads only the customer rows while cim4j also loads
 * each customer's children, so compare each peer's page-P / page-1 ratio, not their absolute times.
 * Target: keyset page P / page 1 time ≤ 2.
 */
public final class PagingSuite implements Suite {
    static final int PAGE_SIZE = 50;

    @Override
    public String name() {
        return "paging";
    }

    @Override
    public String description() {
        return "keyset page 1 vs page 1,000 of 100,000 customers (vs OFFSET for contrast); target time ratio <= 2";
    }

    @Override
    public List<ResultTable> run(RunOptions options) throws Exception {
        int n = (int) options.longParam("paging.customers", 100_000, 1_000);
        int deep = (int) Math.min(options.longParam("page", 1_000, Long.MAX_VALUE), n / PAGE_SIZE);
        ResultTable table = new ResultTable("paging: page of " + PAGE_SIZE + ", page 1 vs page " + deep + " of " + n
                + " customers", "database", "peer", "page", "pages/s", "ms/page", "spread",
                "page " + deep + " / page 1 time", "target");
        for (BenchDatabase.Target target : BenchDatabase.Target.values()) {
            if (!options.runs(target)) {
                continue;
            }
            try (Fixture f = Fixture.open(target, "paging", options.seed())) {
                f.load(n);
                CustomerQuery query = CustomerQuery.all();
                PageRequest request = PageRequest.first(PAGE_SIZE);
                for (int p = 1; p < deep; p++) {
                    Page<Customer> page = f.crm.customers().find(query, request);
                    request = request.next(page).orElseThrow(() -> new IllegalStateException("ran out of pages"));
                }
                PageRequest deepRequest = request;
                RawJdbcCustomerDao raw = new RawJdbcCustomerDao(f.db);
                int offset = (deep - 1) * PAGE_SIZE;
                List<Interleaved.Result> r = Interleaved.of(options).run(List.of(
                        Interleaved.Peer.of("cim4j keyset p1", i -> check(f.crm.customers().find(query,
                                PageRequest.first(PAGE_SIZE)).items())),
                        Interleaved.Peer.of("cim4j keyset deep", i -> check(f.crm.customers().find(query,
                                deepRequest).items())),
                        Interleaved.Peer.of("raw OFFSET p1", i -> check(raw.pageByOffset(f.tenant, 0, PAGE_SIZE))),
                        Interleaved.Peer.of("raw OFFSET deep", i -> check(raw.pageByOffset(f.tenant, offset,
                                PAGE_SIZE)))));
                String db = target.name().toLowerCase();
                double keyset = r.get(1).microsPerOp() / r.get(0).microsPerOp();
                double offsetRatio = r.get(3).microsPerOp() / r.get(2).microsPerOp();
                row(table, db, "cim4j keyset", 1, r.get(0), "", "");
                row(table, db, "cim4j keyset", deep, r.get(1), ResultFormat.ratio(keyset),
                        Verdict.atMost(keyset, 2).toString());
                row(table, db, "raw SQL OFFSET", 1, r.get(2), "", "");
                row(table, db, "raw SQL OFFSET", deep, r.get(3), ResultFormat.ratio(offsetRatio), "(contrast)");
            }
        }
        return List.of(table);
    }

    private static Object check(List<?> page) {
        if (page.size() != PAGE_SIZE) {
            throw new IllegalStateException("expected a full page of " + PAGE_SIZE + ", got " + page.size());
        }
        return page;
    }

    private static void row(ResultTable t, String db, String peer, int page, Interleaved.Result r, String ratio,
                            String target) {
        t.row(db, peer, page, r.rate(), r.microsPerOp() / 1e3, LookupSuite.pct(r.spread()), ratio, target);
    }

    /** Formatting shared by this suite's cells. */
    static final class ResultFormat {
        private ResultFormat() {
        }

        static String ratio(double d) {
            return org.cim4j.benchmarks.ResultTable.format(d);
        }
    }
}

package org.cim4j.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A titled table of benchmark results, printed as a GitHub markdown table so a run's output can be
 * pasted into {@code docs/benchmarks.md} unchanged. Cells are formatted when added: doubles with
 * three significant decimals, everything else with {@code toString()}.
 */
public final class ResultTable {
    private final String title;
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();

    public ResultTable(String title, String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.title = title;
        this.columns = List.of(columns);
    }

    /** Adds a row; it must have one cell per column. */
    public ResultTable row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table '" + title + "' has "
                    + columns.size() + " columns");
        }
        rows.add(Arrays.stream(cells).map(ResultTable::format).toList());
        return this;
    }

    public String title() {
        return title;
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    /** Formats numbers the way every table does: integers plain, ratios and rates with 3 decimals or 3 significant digits. */
    public static String format(Object cell) {
        if (cell instanceof Double || cell instanceof Float) {
            double d = ((Number) cell).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return "n/a";
            }
            double abs = Math.abs(d);
            if (abs >= 1000) {
                return String.format(Locale.ROOT, "%,.0f", d);
            }
            if (abs >= 1) {
                return String.format(Locale.ROOT, "%.2f", d);
            }
            return String.format(Locale.ROOT, "%.3g", d);
        }
        return String.valueOf(cell);
    }

    /** The table as markdown, preceded by a {@code ### title} line. */
    public String markdown() {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.max(3, columns.get(i).length());
            for (List<String> r : rows) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder("### ").append(title).append('\n');
        appendRow(sb, columns, widths);
        StringBuilder rule = new StringBuilder("|");
        for (int w : widths) {
            rule.append('-').append("-".repeat(w)).append("-|");
        }
        sb.append(rule).append('\n');
        for (List<String> r : rows) {
            appendRow(sb, r, widths);
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, List<String> cells, int[] widths) {
        sb.append('|');
        for (int i = 0; i < widths.length; i++) {
            String c = cells.get(i);
            sb.append(' ').append(c).append(" ".repeat(widths[i] - c.length())).append(" |");
        }
        sb.append('\n');
    }

    public void print(PrintStream out) {
        out.println(markdown());
    }
}

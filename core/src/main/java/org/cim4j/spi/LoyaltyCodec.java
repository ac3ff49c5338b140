package org.cim4j.spi;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cim4j.commerce.Money;
import org.cim4j.loyalty.CalendarPeriod;
import org.cim4j.loyalty.EarnEvent;
import org.cim4j.loyalty.EarnRule;
import org.cim4j.loyalty.ExpiryPolicy;
import org.cim4j.loyalty.LedgerEntryId;
import org.cim4j.loyalty.LotAllocation;
import org.cim4j.loyalty.LoyaltyProgram;
import org.cim4j.loyalty.Points;
import org.cim4j.loyalty.ProgramId;
import org.cim4j.loyalty.QualificationMetric;
import org.cim4j.loyalty.QualificationWindow;
import org.cim4j.loyalty.RedemptionRules;
import org.cim4j.loyalty.TierBenefits;
import org.cim4j.loyalty.TierCriterion;
import org.cim4j.loyalty.TierDefinition;
import org.cim4j.loyalty.TierPolicy;

/**
 * Text encodings of the loyalty values that have no natural column layout, for adapters that store
 * them in one text column: a {@link LoyaltyProgram} (nested, sealed rule types) and the
 * {@link LotAllocation}s of a ledger entry. The program format is line based and versioned
 * ({@code v1} first line); every token is URL-encoded UTF-8, so names in any script round-trip.
 * {@code decode(encode(x)).equals(x)} holds for every valid value.
 */
public final class LoyaltyCodec {
    private static final String VERSION = "v1";

    private LoyaltyCodec() {
    }

    /** The program as text. */
    public static String encodeProgram(LoyaltyProgram p) {
        StringBuilder b = new StringBuilder(VERSION).append('\n');
        line(b, "id", p.id().value());
        line(b, "name", p.name());
        line(b, "currency", p.currency().getCurrencyCode());
        line(b, "zone", p.zone().getId());
        line(b, "earnOnPurchase", Boolean.toString(p.earnOnPurchase()));
        if (p.expiry() instanceof ExpiryPolicy.AfterMonths) {
            line(b, "expiry", "AFTER_MONTHS", Integer.toString(((ExpiryPolicy.AfterMonths) p.expiry()).months()));
        } else if (p.expiry() instanceof ExpiryPolicy.EndOfPeriod) {
            ExpiryPolicy.EndOfPeriod e = (ExpiryPolicy.EndOfPeriod) p.expiry();
            line(b, "expiry", "END_OF_PERIOD", e.period().name(), Integer.toString(e.periodsAfter()));
        } else {
            line(b, "expiry", "NEVER");
        }
        RedemptionRules r = p.redemption();
        line(b, "redemption", Long.toString(r.minimum().value()),
                r.maximumPerOrder() == null ? "-" : Long.toString(r.maximumPerOrder().value()));
        for (EarnRule rule : p.earnRules()) {
            if (rule instanceof EarnRule.BasePoints) {
                EarnRule.BasePoints x = (EarnRule.BasePoints) rule;
                line(b, "rule", "BASE", x.per().amount().toPlainString(), Long.toString(x.points()));
            } else if (rule instanceof EarnRule.CategoryMultiplier) {
                EarnRule.CategoryMultiplier x = (EarnRule.CategoryMultiplier) rule;
                line(b, "rule", "CATEGORY", x.category(), Integer.toString(x.percent()));
            } else if (rule instanceof EarnRule.SkuMultiplier) {
                EarnRule.SkuMultiplier x = (EarnRule.SkuMultiplier) rule;
                line(b, "rule", "SKU", x.sku(), Integer.toString(x.percent()));
            } else if (rule instanceof EarnRule.EventBonus) {
                EarnRule.EventBonus x = (EarnRule.EventBonus) rule;
                line(b, "rule", "BONUS", x.event().name(), Long.toString(x.points()));
            } else if (rule instanceof EarnRule.OrderCap) {
                line(b, "rule", "ORDER_CAP", Long.toString(((EarnRule.OrderCap) rule).points()));
            } else {
                line(b, "rule", "DAILY_CAP", Long.toString(((EarnRule.DailyCap) rule).points()));
            }
        }
        TierPolicy t = p.tiers();
        line(b, "window", t.window().kind().name(), Integer.toString(t.window().months()), t.window().period().name());
        line(b, "grace", Integer.toString(t.graceMonths()));
        for (TierDefinition d : t.tiers()) {
            TierBenefits bn = d.benefits();
            line(b, "tier", d.code(), Integer.toString(d.rank()), d.name(), Integer.toString(bn.discountPercent()),
                    Integer.toString(bn.earnMultiplierPercent()), Boolean.toString(bn.freeShipping()),
                    Boolean.toString(bn.priorityService()));
            for (TierCriterion c : d.criteria()) {
                line(b, "criterion", d.code(), c.metric().name(), Long.toString(c.threshold()));
            }
            for (Map.Entry<String, String> perk : new java.util.TreeMap<>(bn.perks()).entrySet()) {
                line(b, "perk", d.code(), perk.getKey(), perk.getValue());
            }
        }
        return b.toString();
    }

    /**
     * Reads a program written by {@link #encodeProgram}.
     *
     * @throws IllegalArgumentException if the text is not a valid encoding
     */
    public static LoyaltyProgram decodeProgram(String text) {
        String[] lines = text.split("\n");
        if (lines.length == 0 || !VERSION.equals(lines[0])) {
            throw new IllegalArgumentException("unsupported loyalty program encoding");
        }
        Map<String, String[]> single = new HashMap<>();
        List<String[]> ruleLines = new ArrayList<>();
        Map<String, String[]> tiers = new LinkedHashMap<>();
        Map<String, List<TierCriterion>> criteria = new HashMap<>();
        Map<String, Map<String, String>> perks = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = tokens(lines[i]);
            switch (f[0]) {
                case "rule" -> ruleLines.add(f);
                case "tier" -> tiers.put(f[1], f);
                case "criterion" -> criteria.computeIfAbsent(f[1], k -> new ArrayList<>())
                        .add(TierCriterion.of(QualificationMetric.valueOf(f[2]), Long.parseLong(f[3])));
                case "perk" -> perks.computeIfAbsent(f[1], k -> new HashMap<>()).put(f[2], f[3]);
                default -> single.put(f[0], f);
            }
        }
        Currency currency = Currency.getInstance(get(single, "currency")[1]);
        List<EarnRule> rules = new ArrayList<>();
        for (String[] f : ruleLines) {
            rules.add(rule(f, currency));
        }
        List<TierDefinition> defs = new ArrayList<>();
        for (String[] f : tiers.values()) {
            TierBenefits bn = new TierBenefits(Integer.parseInt(f[4]), Integer.parseInt(f[5]),
                    Boolean.parseBoolean(f[6]), Boolean.parseBoolean(f[7]), perks.getOrDefault(f[1], Map.of()));
            defs.add(new TierDefinition(f[1], f[3], Integer.parseInt(f[2]), criteria.getOrDefault(f[1], List.of()), bn));
        }
        String[] w = get(single, "window");
        QualificationWindow window = new QualificationWindow(QualificationWindow.Kind.valueOf(w[1]),
                Integer.parseInt(w[2]), CalendarPeriod.valueOf(w[3]));
        String[] e = get(single, "expiry");
        ExpiryPolicy expiry = switch (e[1]) {
            case "AFTER_MONTHS" -> ExpiryPolicy.afterMonths(Integer.parseInt(e[2]));
            case "END_OF_PERIOD" -> ExpiryPolicy.endOfPeriod(CalendarPeriod.valueOf(e[2]), Integer.parseInt(e[3]));
            default -> ExpiryPolicy.never();
        };
        String[] r = get(single, "redemption");
        RedemptionRules redemption = new RedemptionRules(Points.of(Long.parseLong(r[1])),
                "-".equals(r[2]) ? null : Points.of(Long.parseLong(r[2])));
        return new LoyaltyProgram(ProgramId.of(get(single, "id")[1]), get(single, "name")[1], currency,
                ZoneId.of(get(single, "zone")[1]), rules, expiry, redemption,
                new TierPolicy(defs, window, Integer.parseInt(get(single, "grace")[1])),
                Boolean.parseBoolean(get(single, "earnOnPurchase")[1]));
    }

    /** Allocations as {@code lotId:points} joined by {@code ;} (empty string for none). */
    public static String encodeAllocations(List<LotAllocation> allocations) {
        StringBuilder b = new StringBuilder();
        for (LotAllocation a : allocations) {
            if (b.length() > 0) {
                b.append(';');
            }
            b.append(a.lot()).append(':').append(a.points());
        }
        return b.toString();
    }

    /** Reads what {@link #encodeAllocations} wrote. */
    public static List<LotAllocation> decodeAllocations(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<LotAllocation> out = new ArrayList<>();
        for (String part : text.split(";")) {
            int colon = part.indexOf(':');
            out.add(new LotAllocation(LedgerEntryId.of(part.substring(0, colon)),
                    Long.parseLong(part.substring(colon + 1))));
        }
        return out;
    }

    private static EarnRule rule(String[] f, Currency currency) {
        return switch (f[1]) {
            case "BASE" -> new EarnRule.BasePoints(new Money(new java.math.BigDecimal(f[2]), currency), Long.parseLong(f[3]));
            case "CATEGORY" -> new EarnRule.CategoryMultiplier(f[2], Integer.parseInt(f[3]));
            case "SKU" -> new EarnRule.SkuMultiplier(f[2], Integer.parseInt(f[3]));
            case "BONUS" -> new EarnRule.EventBonus(EarnEvent.valueOf(f[2]), Long.parseLong(f[3]));
            case "ORDER_CAP" -> new EarnRule.OrderCap(Long.parseLong(f[2]));
            case "DAILY_CAP" -> new EarnRule.DailyCap(Long.parseLong(f[2]));
            default -> throw new IllegalArgumentException("unknown earn rule " + f[1]);
        };
    }

    private static String[] get(Map<String, String[]> single, String key) {
        String[] f = single.get(key);
        if (f == null) {
            throw new IllegalArgumentException("loyalty program encoding lacks '" + key + "'");
        }
        return f;
    }

    private static void line(StringBuilder b, String... tokens) {
        for (int i = 0; i < tokens.length; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(URLEncoder.encode(tokens[i], StandardCharsets.UTF_8));
        }
        b.append('\n');
    }

    private static String[] tokens(String line) {
        String[] raw = line.split(" ");
        for (int i = 0; i < raw.length; i++) {
            raw[i] = URLDecoder.decode(raw[i], StandardCharsets.UTF_8);
        }
        return raw;
    }
}

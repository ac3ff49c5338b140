package org.cim4j.loyalty;

import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The rules of one loyalty program of a tenant. Programs are values: redefining a program replaces
 * its rules for future commands, while earned lots keep the expiry they were given.
 *
 * @param id             program id, unique in the tenant
 * @param name           display name
 * @param currency       currency purchases must be in to earn by rule (others earn nothing)
 * @param zone           time zone for days, calendar periods and expiry dates
 * @param earnRules      earn rules; at most one {@link EarnRule.BasePoints}, {@link EarnRule.OrderCap}
 *                       and {@link EarnRule.DailyCap}
 * @param expiry         expiry of earned points
 * @param redemption     redemption limits
 * @param tiers          tier definitions and movement policy
 * @param earnOnPurchase when {@code true}, purchases recorded through the purchase service earn
 *                       automatically by these rules and refunds take the points back
 */
public record LoyaltyProgram(ProgramId id, String name, Currency currency, ZoneId zone, List<EarnRule> earnRules,
                             ExpiryPolicy expiry, RedemptionRules redemption, TierPolicy tiers, boolean earnOnPurchase) {
    public LoyaltyProgram {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(zone, "zone");
        earnRules = List.copyOf(earnRules);
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(redemption, "redemption");
        Objects.requireNonNull(tiers, "tiers");
        if (count(earnRules, EarnRule.BasePoints.class) > 1 || count(earnRules, EarnRule.OrderCap.class) > 1
                || count(earnRules, EarnRule.DailyCap.class) > 1) {
            throw new IllegalArgumentException("at most one base rule, order cap and daily cap per program");
        }
        for (EarnRule r : earnRules) {
            if (r instanceof EarnRule.BasePoints && !((EarnRule.BasePoints) r).per().currency().equals(currency)) {
                throw new IllegalArgumentException("base rule currency must be the program currency " + currency);
            }
        }
    }

    /** A program with no tiers, no expiry and unrestricted redemption; refine with the {@code with} methods. */
    public static LoyaltyProgram simple(ProgramId id, String name, Currency currency, ZoneId zone, EarnRule... rules) {
        return new LoyaltyProgram(id, name, currency, zone, List.of(rules), ExpiryPolicy.never(),
                RedemptionRules.UNRESTRICTED, TierPolicy.single(), false);
    }

    public LoyaltyProgram withExpiry(ExpiryPolicy e) {
        return new LoyaltyProgram(id, name, currency, zone, earnRules, e, redemption, tiers, earnOnPurchase);
    }

    public LoyaltyProgram withRedemption(RedemptionRules r) {
        return new LoyaltyProgram(id, name, currency, zone, earnRules, expiry, r, tiers, earnOnPurchase);
    }

    public LoyaltyProgram withTiers(TierPolicy t) {
        return new LoyaltyProgram(id, name, currency, zone, earnRules, expiry, redemption, t, earnOnPurchase);
    }

    public LoyaltyProgram withEarnOnPurchase(boolean enabled) {
        return new LoyaltyProgram(id, name, currency, zone, earnRules, expiry, redemption, tiers, enabled);
    }

    /** The rules of type {@code type}, in definition order. */
    public <R extends EarnRule> List<R> rules(Class<R> type) {
        return earnRules.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static long count(List<EarnRule> rules, Class<?> type) {
        return rules.stream().filter(type::isInstance).count();
    }
}

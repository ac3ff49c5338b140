/**
 * Loyalty programs: earn rules, an append-only points ledger with expiring lots, idempotent
 * commands, member tiers and explainable statements. Start with {@link org.cim4j.loyalty.LoyaltyService}:
 * define a {@link org.cim4j.loyalty.LoyaltyProgram}, then earn, redeem, reverse and adjust points
 * for a customer, each command carrying an {@link org.cim4j.loyalty.IdempotencyKey}.
 * Points are whole numbers ({@link org.cim4j.loyalty.Points}, a {@code long}), never floating point.
 */
@NullMarked
package org.cim4j.loyalty;

import org.jspecify.annotations.NullMarked;

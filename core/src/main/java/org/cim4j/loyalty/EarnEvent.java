package org.cim4j.loyalty;

/** Business events that can earn a fixed bonus through an {@link EarnRule.EventBonus}. */
public enum EarnEvent {
    SIGN_UP,
    BIRTHDAY,
    FIRST_PURCHASE,
    REVIEW,
    REFERRAL
}

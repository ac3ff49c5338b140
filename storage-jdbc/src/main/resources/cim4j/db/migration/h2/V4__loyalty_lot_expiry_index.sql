-- cim4j V4: an earn or expiry run reads only the lots due for expiry (LoyaltyStore.dueLots) instead of
-- every open lot of the account, whose number grows on a member that earns more than it redeems.
-- remaining is in the index so that spent lots in the range are skipped without reading their rows.
CREATE INDEX ix_loyalty_lot_due ON loyalty_lot (tenant_id, account_id, expires_at, remaining);

-- cim4j V2: timelines filtered by interaction type (e.g. only complaints) read an index range
-- instead of scanning the customer's whole history.
CREATE INDEX ix_interaction_type ON interaction (tenant_id, customer_id, type, occurred_at, id);

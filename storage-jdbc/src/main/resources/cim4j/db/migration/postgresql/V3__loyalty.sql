-- cim4j V3 (PostgreSQL): loyalty programs, member accounts, the append-only ledger, lots, stored command
-- results (idempotency) and tier history. Tenant id leads every primary key, unique key and lookup
-- index. Points are BIGINT; times are UTC, microseconds.

CREATE TABLE loyalty_program (
    tenant_id  varchar(64)       NOT NULL,
    id         varchar(64)       NOT NULL,
    definition text  NOT NULL,
    CONSTRAINT pk_loyalty_program PRIMARY KEY (tenant_id, id)
);

CREATE TABLE loyalty_account (
    tenant_id   varchar(64)  NOT NULL,
    id          uuid         NOT NULL,
    program_id  varchar(64)  NOT NULL,
    customer_id uuid         NOT NULL,
    enrolled_at timestamp(6) NOT NULL,
    balance     bigint       NOT NULL,
    tier        varchar(32)  NOT NULL,
    tier_since  timestamp(6) NOT NULL,
    grace_until timestamp(6),
    version     bigint       NOT NULL,
    CONSTRAINT pk_loyalty_account PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_loyalty_account_customer UNIQUE (tenant_id, program_id, customer_id),
    CONSTRAINT ck_loyalty_account_balance CHECK (balance >= 0)
);
CREATE INDEX ix_loyalty_account_program ON loyalty_account (tenant_id, program_id, id);

CREATE TABLE loyalty_entry (
    tenant_id      varchar(64)      NOT NULL,
    id             uuid             NOT NULL,
    account_id     uuid             NOT NULL,
    seq            bigint           NOT NULL,
    kind           varchar(16)      NOT NULL,
    delta          bigint           NOT NULL,
    recorded_at    timestamp(6)     NOT NULL,
    idem_key       varchar(200)     NOT NULL,
    actor          varchar(400)     NOT NULL,
    earn_source    varchar(16),
    earn_reference varchar(200),
    expires_at     timestamp(6),
    reverses       uuid,
    note           text,
    allocations    text NOT NULL,
    CONSTRAINT pk_loyalty_entry PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_loyalty_entry_seq UNIQUE (tenant_id, account_id, seq)
);
CREATE INDEX ix_loyalty_entry_at ON loyalty_entry (tenant_id, account_id, recorded_at);
CREATE INDEX ix_loyalty_entry_reverses ON loyalty_entry (tenant_id, reverses);

CREATE TABLE loyalty_lot (
    tenant_id  varchar(64)  NOT NULL,
    id         uuid         NOT NULL,
    account_id uuid         NOT NULL,
    original   bigint       NOT NULL,
    remaining  bigint       NOT NULL,
    earned_at  timestamp(6) NOT NULL,
    expires_at timestamp(6),
    CONSTRAINT pk_loyalty_lot PRIMARY KEY (tenant_id, id),
    CONSTRAINT ck_loyalty_lot_remaining CHECK (original > 0 AND remaining >= 0 AND remaining <= original)
);
CREATE INDEX ix_loyalty_lot_open ON loyalty_lot (tenant_id, account_id) WHERE remaining > 0;

CREATE TABLE loyalty_command (
    tenant_id     varchar(64)  NOT NULL,
    idem_key      varchar(200) NOT NULL,
    command       varchar(16)  NOT NULL,
    account_id    uuid         NOT NULL,
    entry_id      uuid,
    amount        bigint       NOT NULL,
    not_recovered bigint       NOT NULL,
    balance_after bigint       NOT NULL,
    tier_after    varchar(32)  NOT NULL,
    recorded_at   timestamp(6) NOT NULL,
    CONSTRAINT pk_loyalty_command PRIMARY KEY (tenant_id, idem_key)
);

CREATE TABLE loyalty_tier_change (
    tenant_id  varchar(64)      NOT NULL,
    account_id uuid             NOT NULL,
    seq        bigint           NOT NULL,
    from_tier  varchar(32)      NOT NULL,
    to_tier    varchar(32)      NOT NULL,
    changed_at timestamp(6)     NOT NULL,
    reason     varchar(16)      NOT NULL,
    detail     text NOT NULL,
    actor      varchar(400)     NOT NULL,
    CONSTRAINT pk_loyalty_tier_change PRIMARY KEY (tenant_id, account_id, seq)
);

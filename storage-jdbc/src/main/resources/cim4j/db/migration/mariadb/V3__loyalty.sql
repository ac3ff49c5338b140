-- cim4j V3 (MariaDB): loyalty programs, member accounts, the append-only ledger, lots, stored command
-- results (idempotency) and tier history. Tenant id leads every primary key, unique key and lookup
-- index. Points are BIGINT; times are UTC, microseconds.

CREATE TABLE loyalty_program (
    tenant_id  varchar(64)       NOT NULL,
    id         varchar(64)       NOT NULL,
    definition mediumtext  NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE loyalty_account (
    tenant_id   varchar(64)  NOT NULL,
    id          char(36) CHARACTER SET ascii COLLATE ascii_bin        NOT NULL,
    program_id  varchar(64)  NOT NULL,
    customer_id char(36) CHARACTER SET ascii COLLATE ascii_bin        NOT NULL,
    enrolled_at datetime(6) NOT NULL,
    balance     bigint       NOT NULL,
    tier        varchar(32)  NOT NULL,
    tier_since  datetime(6) NOT NULL,
    grace_until datetime(6),
    version     bigint       NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_loyalty_account_customer UNIQUE (tenant_id, program_id, customer_id),
    CONSTRAINT ck_loyalty_account_balance CHECK (balance >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_loyalty_account_program ON loyalty_account (tenant_id, program_id, id);

CREATE TABLE loyalty_entry (
    tenant_id      varchar(64)      NOT NULL,
    id             char(36) CHARACTER SET ascii COLLATE ascii_bin            NOT NULL,
    account_id     char(36) CHARACTER SET ascii COLLATE ascii_bin            NOT NULL,
    seq            bigint           NOT NULL,
    kind           varchar(16)      NOT NULL,
    delta          bigint           NOT NULL,
    recorded_at    datetime(6)     NOT NULL,
    idem_key       varchar(200)     NOT NULL,
    actor          varchar(400)     NOT NULL,
    earn_source    varchar(16),
    earn_reference varchar(200),
    expires_at     datetime(6),
    reverses       char(36) CHARACTER SET ascii COLLATE ascii_bin,
    note           mediumtext,
    allocations    mediumtext NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_loyalty_entry_seq UNIQUE (tenant_id, account_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_loyalty_entry_at ON loyalty_entry (tenant_id, account_id, recorded_at);
CREATE INDEX ix_loyalty_entry_reverses ON loyalty_entry (tenant_id, reverses);

CREATE TABLE loyalty_lot (
    tenant_id  varchar(64)  NOT NULL,
    id         char(36) CHARACTER SET ascii COLLATE ascii_bin        NOT NULL,
    account_id char(36) CHARACTER SET ascii COLLATE ascii_bin        NOT NULL,
    original   bigint       NOT NULL,
    remaining  bigint       NOT NULL,
    earned_at  datetime(6) NOT NULL,
    expires_at datetime(6),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT ck_loyalty_lot_remaining CHECK (original > 0 AND remaining >= 0 AND remaining <= original)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_loyalty_lot_account ON loyalty_lot (tenant_id, account_id, remaining);

CREATE TABLE loyalty_command (
    tenant_id     varchar(64)  NOT NULL,
    idem_key      varchar(200) NOT NULL,
    command       varchar(16)  NOT NULL,
    account_id    char(36) CHARACTER SET ascii COLLATE ascii_bin        NOT NULL,
    entry_id      char(36) CHARACTER SET ascii COLLATE ascii_bin,
    amount        bigint       NOT NULL,
    not_recovered bigint       NOT NULL,
    balance_after bigint       NOT NULL,
    tier_after    varchar(32)  NOT NULL,
    recorded_at   datetime(6) NOT NULL,
    PRIMARY KEY (tenant_id, idem_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE loyalty_tier_change (
    tenant_id  varchar(64)      NOT NULL,
    account_id char(36) CHARACTER SET ascii COLLATE ascii_bin            NOT NULL,
    seq        bigint           NOT NULL,
    from_tier  varchar(32)      NOT NULL,
    to_tier    varchar(32)      NOT NULL,
    changed_at datetime(6)     NOT NULL,
    reason     varchar(16)      NOT NULL,
    detail     mediumtext NOT NULL,
    actor      varchar(400)     NOT NULL,
    PRIMARY KEY (tenant_id, account_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

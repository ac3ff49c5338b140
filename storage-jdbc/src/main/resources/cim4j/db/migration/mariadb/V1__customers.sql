-- cim4j V1 (MariaDB): customer aggregate, unique keys, interactions, purchases, tags.
-- Tenant id leads every primary key, unique key and lookup index. Times are UTC, microseconds.

CREATE TABLE customer (
    tenant_id      varchar(64)  NOT NULL,
    id             char(36) CHARACTER SET ascii COLLATE ascii_bin         NOT NULL,
    version        bigint       NOT NULL,
    status         varchar(16)  NOT NULL,
    merged_into    char(36) CHARACTER SET ascii COLLATE ascii_bin,
    stage          varchar(16)  NOT NULL,
    display_name   varchar(400) NOT NULL,
    sort_name      varchar(600) COLLATE utf8mb4_nopad_bin NOT NULL,
    given_name     varchar(400),
    family_name    varchar(400),
    birth_date     date,
    gender         varchar(32),
    source_channel varchar(32),
    created_at     datetime(6) NOT NULL,
    updated_at     datetime(6) NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_customer_created ON customer (tenant_id, status, created_at, id);
CREATE INDEX ix_customer_name ON customer (tenant_id, status, sort_name, id);

CREATE TABLE customer_unique_key (
    tenant_id   varchar(64)  NOT NULL,
    kind        varchar(16)  NOT NULL,
    key_value   varchar(500) NOT NULL,
    customer_id char(36) CHARACTER SET ascii COLLATE ascii_bin         NOT NULL,
    PRIMARY KEY (tenant_id, kind, key_value)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_customer_unique_key_holder ON customer_unique_key (tenant_id, customer_id);

CREATE TABLE customer_contact (
    tenant_id   varchar(64)  NOT NULL,
    customer_id char(36) CHARACTER SET ascii COLLATE ascii_bin         NOT NULL,
    position    integer      NOT NULL,
    type        varchar(32)  NOT NULL,
    contact_value varchar(400) NOT NULL,
    is_primary  boolean      NOT NULL,
    verified    boolean      NOT NULL,
    PRIMARY KEY (tenant_id, customer_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_customer_contact_value ON customer_contact (tenant_id, type, contact_value);

CREATE TABLE customer_address (
    tenant_id    varchar(64)   NOT NULL,
    customer_id  char(36) CHARACTER SET ascii COLLATE ascii_bin          NOT NULL,
    position     integer       NOT NULL,
    label        varchar(64)   NOT NULL,
    address_lines varchar(2000),
    city         varchar(200),
    region       varchar(200),
    postal_code  varchar(32),
    country_code varchar(8)    NOT NULL,
    is_primary   boolean       NOT NULL,
    PRIMARY KEY (tenant_id, customer_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE customer_external_id (
    tenant_id   varchar(64)  NOT NULL,
    customer_id char(36) CHARACTER SET ascii COLLATE ascii_bin         NOT NULL,
    ext_system  varchar(64)  NOT NULL,
    ext_value   varchar(128) NOT NULL,
    PRIMARY KEY (tenant_id, customer_id, ext_system, ext_value)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_customer_external_id_value ON customer_external_id (tenant_id, ext_system, ext_value);

CREATE TABLE customer_attribute (
    tenant_id    varchar(64)    NOT NULL,
    customer_id  char(36) CHARACTER SET ascii COLLATE ascii_bin           NOT NULL,
    name         varchar(100)   NOT NULL,
    type         varchar(16)    NOT NULL,
    text_value   varchar(4000)  COLLATE utf8mb4_nopad_bin NOT NULL,
    number_value numeric(60, 20),
    date_value   date,
    ts_value     datetime(6),
    bool_value   boolean,
    PRIMARY KEY (tenant_id, customer_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_customer_attribute_number ON customer_attribute (tenant_id, name, number_value);
CREATE INDEX ix_customer_attribute_date ON customer_attribute (tenant_id, name, date_value);
CREATE INDEX ix_customer_attribute_ts ON customer_attribute (tenant_id, name, ts_value);
CREATE INDEX ix_customer_attribute_text ON customer_attribute (tenant_id, name, text_value(200));

CREATE TABLE customer_tag (
    tenant_id   varchar(64) NOT NULL,
    customer_id char(36) CHARACTER SET ascii COLLATE ascii_bin        NOT NULL,
    tag_id      char(36) CHARACTER SET ascii COLLATE ascii_bin        NOT NULL,
    PRIMARY KEY (tenant_id, customer_id, tag_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_customer_tag_tag ON customer_tag (tenant_id, tag_id, customer_id);

CREATE TABLE tag (
    tenant_id   varchar(64)  NOT NULL,
    id          char(36) CHARACTER SET ascii COLLATE ascii_bin         NOT NULL,
    name        varchar(200) COLLATE utf8mb4_nopad_bin NOT NULL,
    group_name  varchar(200),
    description varchar(2000),
    kind        varchar(16)  NOT NULL,
    created_at  datetime(6) NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_tag_name UNIQUE (tenant_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE interaction (
    tenant_id   varchar(64)   NOT NULL,
    id          char(36) CHARACTER SET ascii COLLATE ascii_bin          NOT NULL,
    customer_id char(36) CHARACTER SET ascii COLLATE ascii_bin          NOT NULL,
    type        varchar(32)   NOT NULL,
    channel     varchar(32)   NOT NULL,
    direction   varchar(16)   NOT NULL,
    occurred_at datetime(6)  NOT NULL,
    subject     varchar(2000),
    notes       mediumtext,
    outcome     varchar(400),
    csat        smallint,
    nps         smallint,
    agent       varchar(400),
    recorded_at datetime(6)  NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_interaction_timeline ON interaction (tenant_id, customer_id, occurred_at, id);

CREATE TABLE purchase (
    tenant_id       varchar(64)    NOT NULL,
    id              char(36) CHARACTER SET ascii COLLATE ascii_bin           NOT NULL,
    customer_id     char(36) CHARACTER SET ascii COLLATE ascii_bin           NOT NULL,
    order_id        varchar(200)   NOT NULL,
    channel         varchar(32)    NOT NULL,
    store_id        varchar(200),
    occurred_at     datetime(6)   NOT NULL,
    total_amount    numeric(19, 4) NOT NULL,
    refunded_amount numeric(19, 4) NOT NULL,
    currency        char(3)        NOT NULL,
    status          varchar(32)    NOT NULL,
    version         bigint         NOT NULL,
    recorded_at     datetime(6)   NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT uq_purchase_order UNIQUE (tenant_id, channel, order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
CREATE INDEX ix_purchase_history ON purchase (tenant_id, customer_id, occurred_at, id);

CREATE TABLE purchase_line (
    tenant_id   varchar(64)    NOT NULL,
    purchase_id char(36) CHARACTER SET ascii COLLATE ascii_bin           NOT NULL,
    position    integer        NOT NULL,
    sku         varchar(200)   NOT NULL,
    category    varchar(200),
    quantity    integer        NOT NULL,
    unit_price  numeric(19, 4) NOT NULL,
    currency    char(3)        NOT NULL,
    PRIMARY KEY (tenant_id, purchase_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

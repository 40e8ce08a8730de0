-- Exchange: connectors to department systems, versioned mappings, subscriptions, and the delivery outbox.

-- How a department system is reached. endpoint: URL (REST), JDBC URL (JDBC), folder (FILE), topic (KAFKA).
CREATE TABLE exchange_connector (
    code         VARCHAR(64)  PRIMARY KEY,
    department   VARCHAR(40)  NOT NULL REFERENCES directory_department (code),
    name         VARCHAR(200) NOT NULL,
    kind         VARCHAR(8)   NOT NULL CHECK (kind IN ('REST', 'JDBC', 'FILE', 'KAFKA')),
    endpoint     VARCHAR(1000) NOT NULL,
    options      JSONB        NOT NULL DEFAULT '{}',   -- kind-specific settings (tables, columns, folders, servers)
    secret       BYTEA,                                -- HMAC secret (REST, inbound results) or DB password, encrypted
    items        TEXT[]       NOT NULL DEFAULT '{}',   -- service items whose parts go through this connector
    max_attempts INT          NOT NULL DEFAULT 8 CHECK (max_attempts BETWEEN 1 AND 100),
    enabled      BOOLEAN      NOT NULL DEFAULT true,
    result_mark  TIMESTAMPTZ,                          -- polled results: newest result time already read
    updated_by   TEXT         NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Our data elements and codes in the department's field names and codes; every save is a new version.
CREATE TABLE exchange_mapping (
    connector  VARCHAR(64) NOT NULL REFERENCES exchange_connector (code) ON DELETE CASCADE,
    version    INT         NOT NULL,
    definition JSONB       NOT NULL,
    saved_by   TEXT        NOT NULL,
    saved_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (connector, version)
);

-- 数据订阅: a department's standing request for changes of some elements of some subjects.
CREATE TABLE exchange_subscription (
    code         VARCHAR(64)  PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    connector    VARCHAR(64)  NOT NULL REFERENCES exchange_connector (code),
    subject_type VARCHAR(12)  NOT NULL,
    elements     TEXT[]       NOT NULL,
    purpose      VARCHAR(64)  NOT NULL,
    division     VARCHAR(12),                          -- only subjects in this division (code prefix)
    condition    JSONB,                                -- {"element", "op": CHANGED|GAINS|EQUALS, "value"}
    enabled      BOOLEAN      NOT NULL DEFAULT true,
    updated_by   TEXT         NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX exchange_subscription_type_idx ON exchange_subscription (subject_type) WHERE enabled;

CREATE TABLE exchange_version (
    id      SMALLINT PRIMARY KEY CHECK (id = 1),
    version BIGINT   NOT NULL
);
INSERT INTO exchange_version (id, version) VALUES (1, 1);
CREATE FUNCTION exchange_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE exchange_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END $$;
CREATE TRIGGER exchange_connector_changed AFTER INSERT OR UPDATE OR DELETE ON exchange_connector
    FOR EACH STATEMENT EXECUTE FUNCTION exchange_bump_version();
CREATE TRIGGER exchange_mapping_changed AFTER INSERT OR UPDATE OR DELETE ON exchange_mapping
    FOR EACH STATEMENT EXECUTE FUNCTION exchange_bump_version();
CREATE TRIGGER exchange_subscription_changed AFTER INSERT OR UPDATE OR DELETE ON exchange_subscription
    FOR EACH STATEMENT EXECUTE FUNCTION exchange_bump_version();

-- The outbox: written in the transaction of the change it carries; values are read when it is sent.
CREATE TABLE exchange_delivery (
    id              UUID         PRIMARY KEY,          -- also the receiver's idempotency key
    seq             BIGINT       GENERATED ALWAYS AS IDENTITY UNIQUE,
    connector       VARCHAR(64)  NOT NULL REFERENCES exchange_connector (code),
    type            VARCHAR(24)  NOT NULL CHECK (type IN ('application.part', 'subject.change')),
    ordering_key    UUID         NOT NULL,             -- subject (or part): delivered one at a time, in seq order
    part_id         UUID,
    subject_type    VARCHAR(12),
    subscription    VARCHAR(64),
    changed         TEXT[],
    state           VARCHAR(12)  NOT NULL DEFAULT 'PENDING'
                                 CHECK (state IN ('PENDING', 'SENDING', 'DELIVERED', 'DEAD')),
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    lease_until     TIMESTAMPTZ,
    mapping_version INT,
    last_error      VARCHAR(1000),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    delivered_at    TIMESTAMPTZ
);
CREATE INDEX exchange_delivery_due_idx ON exchange_delivery (seq) WHERE state IN ('PENDING', 'SENDING');
CREATE INDEX exchange_delivery_order_idx ON exchange_delivery (connector, ordering_key, seq)
    WHERE state IN ('PENDING', 'SENDING');
CREATE INDEX exchange_delivery_state_idx ON exchange_delivery (connector, state, seq);
CREATE INDEX exchange_delivery_part_idx ON exchange_delivery (part_id) WHERE part_id IS NOT NULL;

-- Results a department system sent back (inbound API) or yiwang read from its table or folder: applied once.
CREATE TABLE exchange_result (
    connector   VARCHAR(64) NOT NULL REFERENCES exchange_connector (code),
    result_id   VARCHAR(128) NOT NULL,
    part_id     UUID        NOT NULL,
    status      VARCHAR(12) NOT NULL,
    answer      JSONB       NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (connector, result_id)
);

-- Audit (留痕): one row per use of personal data. Rows are inserted unsealed by the caller's transaction (no
-- global lock on the hot path); a sealer later links them into a SHA-256 hash chain in seal order (chain_seq).
CREATE TABLE audit_record (
    id               BIGSERIAL   PRIMARY KEY,
    recorded_at      TIMESTAMPTZ NOT NULL,
    actor_username   TEXT        NOT NULL,
    actor_role       VARCHAR(24) NOT NULL,
    actor_department VARCHAR(40),
    purpose          TEXT,
    action           VARCHAR(8)  NOT NULL,
    subject_type     VARCHAR(16) NOT NULL,
    -- blind index (hex) of the citizen ID for persons, the credit code / house code otherwise
    subject_key      TEXT        NOT NULL,
    subject_display  TEXT,
    elements         TEXT[]      NOT NULL,
    allowed          BOOLEAN     NOT NULL,
    reason           TEXT,
    -- the chain: null until sealed
    chain_seq        BIGINT      UNIQUE,
    prev_hash        BYTEA,
    hash             BYTEA
);

-- Lists are newest first by id (ids follow insertion time), which keeps paging stable and lets each index
-- serve both the filter and the order.
-- "who used my data": a subject's records
CREATE INDEX audit_record_subject_idx ON audit_record (subject_key, id DESC);
-- the data administrator's search
CREATE INDEX audit_record_actor_idx ON audit_record (actor_username, id DESC);
CREATE INDEX audit_record_department_idx ON audit_record (actor_department, id DESC);
-- time ranges: rows arrive in time order, so a BRIN index is tiny and cheap to maintain
CREATE INDEX audit_record_time_brin ON audit_record USING brin (recorded_at);
-- the sealer's work queue
CREATE INDEX audit_record_unsealed_idx ON audit_record (id) WHERE chain_seq IS NULL;

-- The chain's head: the last sealed link. Verification compares the chain's end with it, so cutting off the
-- newest records is detected too.
CREATE TABLE audit_chain_head (
    id        SMALLINT    PRIMARY KEY CHECK (id = 1),
    chain_seq BIGINT      NOT NULL,
    hash      BYTEA       NOT NULL,
    sealed_at TIMESTAMPTZ
);
INSERT INTO audit_chain_head (id, chain_seq, hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'));

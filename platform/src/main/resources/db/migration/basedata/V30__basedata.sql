-- Base data: one row per subject (person, legal entity, house) with its key columns promoted for indexing
-- and every current value with provenance in `attrs`:
--   {"p": [[source department, method, asserted-at], ...],   -- each distinct provenance once
--    "v": {"<element>": [value (base64 AES-GCM ciphertext for encrypted elements), index into p]}}
CREATE TABLE basedata_subject (
    id            UUID        PRIMARY KEY,
    subject_type  VARCHAR(12) NOT NULL,
    key_idx       BYTEA       NOT NULL,          -- HMAC blind index of the natural key
    key_display   TEXT        NOT NULL,          -- masked citizen ID, or the credit code / house code
    division_code VARCHAR(15),
    grid_code     VARCHAR(15),
    birth_date    DATE,
    gender        VARCHAR(1),
    status        VARCHAR(4),
    phone_idx     BYTEA,                         -- blind index of the phone number
    ref_idx       BYTEA,                         -- blind index of the legal representative / owner's citizen ID
    attrs         JSONB       NOT NULL,
    version       BIGINT      NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT basedata_subject_key UNIQUE (subject_type, key_idx)
);
CREATE INDEX basedata_subject_division_idx ON basedata_subject (subject_type, division_code);
CREATE INDEX basedata_subject_grid_idx ON basedata_subject (grid_code) WHERE grid_code IS NOT NULL;
CREATE INDEX basedata_subject_phone_idx ON basedata_subject (phone_idx) WHERE phone_idx IS NOT NULL;
CREATE INDEX basedata_subject_ref_idx ON basedata_subject (ref_idx) WHERE ref_idx IS NOT NULL;

-- Append-only history: one entry per accepted write of a subject, with every element's old and new value.
CREATE TABLE basedata_change (
    id                BIGSERIAL   PRIMARY KEY,
    subject_type      VARCHAR(12) NOT NULL,
    subject_id        UUID        NOT NULL,
    changes           JSONB       NOT NULL,      -- {"<element>": [old, new]}, encrypted like attrs
    source_department VARCHAR(40),
    method            VARCHAR(16) NOT NULL,
    asserted_at       TIMESTAMPTZ NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor             TEXT        NOT NULL,
    purpose           TEXT,
    reason            TEXT,
    import_id         UUID
);
CREATE INDEX basedata_change_subject_idx ON basedata_change (subject_id, id);
CREATE INDEX basedata_change_import_idx ON basedata_change (import_id) WHERE import_id IS NOT NULL;

-- A value offered by a source of lower authority (or an older assertion) than the current one: kept, shown,
-- and resolved by a data administrator — never silently dropped.
CREATE TABLE basedata_conflict (
    id                 BIGSERIAL   PRIMARY KEY,
    subject_type       VARCHAR(12) NOT NULL,
    subject_id         UUID        NOT NULL,
    element            TEXT        NOT NULL,
    offered_value      TEXT        NOT NULL,
    offered_source     VARCHAR(40),
    offered_method     VARCHAR(16) NOT NULL,
    offered_at         TIMESTAMPTZ NOT NULL,
    current_source     VARCHAR(40),
    current_method     VARCHAR(16) NOT NULL,
    current_at         TIMESTAMPTZ NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    status             VARCHAR(10) NOT NULL DEFAULT 'OPEN'
);
CREATE INDEX basedata_conflict_subject_idx ON basedata_conflict (subject_id);
CREATE INDEX basedata_conflict_open_idx ON basedata_conflict (status, id);

-- Bulk imports and their rejected rows (the original row is kept encrypted for the download).
CREATE TABLE basedata_import (
    id                UUID        PRIMARY KEY,
    subject_type      VARCHAR(12) NOT NULL,
    file_name         TEXT,
    source_department VARCHAR(40),
    method            VARCHAR(16) NOT NULL,
    actor             TEXT        NOT NULL,
    status            VARCHAR(8)  NOT NULL,
    total             BIGINT      NOT NULL DEFAULT 0,
    processed         BIGINT      NOT NULL DEFAULT 0,
    imported          BIGINT      NOT NULL DEFAULT 0,
    rejected          BIGINT      NOT NULL DEFAULT 0,
    header            TEXT,
    error             TEXT,
    started_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at       TIMESTAMPTZ
);

CREATE TABLE basedata_import_problem (
    import_id UUID   NOT NULL,
    row_no    BIGINT NOT NULL,
    field     TEXT   NOT NULL,
    rule      TEXT   NOT NULL,
    detail    TEXT   NOT NULL,
    raw_row   BYTEA,
    PRIMARY KEY (import_id, row_no)
);

-- Electronic licenses (电子证照): types, signing keys of the issuing departments, issued licenses.
-- Department and element codes refer to directory / catalog by value only (no foreign keys across modules).

CREATE TABLE licenses_type (
    code               VARCHAR(40) PRIMARY KEY,
    number_code        VARCHAR(6)  NOT NULL UNIQUE CHECK (number_code ~ '^[0-9]+$'), -- {type} of the GB/T 36904 id
    name_zh            TEXT        NOT NULL,
    name_en            TEXT        NOT NULL,
    issuing_department VARCHAR(40) NOT NULL,
    holder_type        VARCHAR(12) NOT NULL CHECK (holder_type IN ('PERSON', 'LEGAL_ENTITY', 'HOUSE')),
    validity           VARCHAR(12),          -- ISO-8601 period (P20Y); NULL: no expiry
    -- when the element fields describe another subject than the holder (a property certificate describes a house):
    -- the field that names it, and the elements of that subject that record the holder as its owner
    subject_field      VARCHAR(40),
    owner_element      VARCHAR(64),
    owner_name_element VARCHAR(64),
    sort_order         INT         NOT NULL DEFAULT 0
);

CREATE TABLE licenses_type_field (
    type_code  VARCHAR(40) NOT NULL REFERENCES licenses_type (code),
    name       VARCHAR(40) NOT NULL,
    label_zh   TEXT        NOT NULL,
    label_en   TEXT        NOT NULL,
    element    VARCHAR(64),                  -- the data element the field states, NULL when none
    sort_order INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (type_code, name)
);

-- One Ed25519 key pair per issuing department, created on first use and shared by every node. The private key
-- (PKCS#8) is sealed with the field encryption key (AES-GCM); the public key (X.509) is published.
CREATE TABLE licenses_signing_key (
    department_code VARCHAR(40) PRIMARY KEY,
    key_id          VARCHAR(32) NOT NULL UNIQUE,
    algorithm       VARCHAR(16) NOT NULL,
    public_key      BYTEA       NOT NULL,
    private_key     BYTEA       NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- serial numbers of the identifiers; a change (replacement) keeps its serial and takes the next version
CREATE SEQUENCE licenses_serial;

CREATE TABLE licenses_license (
    id                 VARCHAR(80) PRIMARY KEY,
    type_code          VARCHAR(40) NOT NULL REFERENCES licenses_type (code),
    serial             BIGINT      NOT NULL,
    version            INT         NOT NULL,
    holder_type        VARCHAR(12) NOT NULL,
    holder_key         BYTEA       NOT NULL,  -- AES-GCM ciphertext of the citizen ID / credit code / house code
    holder_idx         BYTEA       NOT NULL,  -- HMAC blind index of the holder key
    holder_name        TEXT        NOT NULL,
    fields             JSONB       NOT NULL,
    issuing_department VARCHAR(40) NOT NULL,
    issued_on          DATE        NOT NULL,
    valid_until        DATE,
    status             VARCHAR(12) NOT NULL CHECK (status IN ('VALID', 'REVOKED', 'SUPERSEDED')),
    key_id             VARCHAR(32) NOT NULL,
    signature          BYTEA       NOT NULL,  -- Ed25519 over the canonical form (see CanonicalForm)
    replaces           VARCHAR(80),
    reason             TEXT,
    issued_by          TEXT        NOT NULL,
    issued_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at         TIMESTAMPTZ,
    revoked_by         TEXT,
    revocation_reason  TEXT,
    CONSTRAINT licenses_license_version UNIQUE (type_code, serial, version)
);
CREATE INDEX licenses_license_holder_idx ON licenses_license (holder_type, holder_idx);
CREATE INDEX licenses_license_department_idx ON licenses_license (issuing_department, issued_at DESC);

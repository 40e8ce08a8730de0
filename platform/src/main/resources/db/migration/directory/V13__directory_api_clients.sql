-- Directory: API clients of department systems, authenticated by the header X-Api-Key.
-- Only the SHA-256 of a key is stored; the key itself is shown once at creation.
CREATE TABLE directory_api_client (
    id              BIGSERIAL    PRIMARY KEY,
    name            VARCHAR(64)  NOT NULL UNIQUE,
    department_code VARCHAR(40)  NOT NULL,
    role            VARCHAR(24)  NOT NULL DEFAULT 'DEPARTMENT_OFFICER',
    scope_division  VARCHAR(15),
    key_hash        CHAR(64)     NOT NULL UNIQUE,
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);

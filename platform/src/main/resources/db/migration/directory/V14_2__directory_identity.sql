-- Login throttling per (username, client address) together: an attacker elsewhere cannot lock the real user out.
-- username '*' counts every failure of one address (password spraying over many usernames).
CREATE TABLE directory_login_throttle (
    username        VARCHAR(64)  NOT NULL,
    client_ip       VARCHAR(64)  NOT NULL,
    failures        INT          NOT NULL DEFAULT 0,
    last_failure_at TIMESTAMPTZ  NOT NULL,
    blocked_until   TIMESTAMPTZ,
    PRIMARY KEY (username, client_ip)
);

-- Second factor (TOTP, RFC 6238) of data and system administrators: the secret AES-GCM encrypted, confirmed once
-- the first code was right; the last accepted time step, so that one code is never accepted twice.
ALTER TABLE directory_user
    ADD COLUMN totp_secret_cipher BYTEA,
    ADD COLUMN totp_confirmed     BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN totp_last_step     BIGINT;

-- A resident account's binding to a citizen ID requested by one system administrator waits for a second one
-- (four eyes); until then the account is not that person.
ALTER TABLE directory_user
    ADD COLUMN binding_citizen_id_cipher BYTEA,
    ADD COLUMN binding_citizen_id_index  BYTEA,
    ADD COLUMN binding_requested_by      VARCHAR(32),
    ADD COLUMN binding_requested_at      TIMESTAMPTZ;

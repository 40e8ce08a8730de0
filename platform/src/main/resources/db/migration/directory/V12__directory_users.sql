-- Directory: users with role, department and data scope; login attempts for rate limiting.
CREATE TABLE directory_user (
    id                  BIGSERIAL    PRIMARY KEY,
    username            VARCHAR(32)  NOT NULL UNIQUE,
    password_hash       VARCHAR(100) NOT NULL,
    display_name        TEXT         NOT NULL,
    role                VARCHAR(24)  NOT NULL,
    department_code     VARCHAR(40),
    scope_division      VARCHAR(15),
    -- residents only: their citizen ID, AES-GCM encrypted, and its keyed blind index (never in clear)
    citizen_id_cipher   BYTEA,
    citizen_id_index    BYTEA,
    enabled             BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX directory_user_citizen_idx ON directory_user (citizen_id_index);

-- Enterprise users: the legal entities (unified social credit codes) they represent.
CREATE TABLE directory_user_credit_code (
    user_id     BIGINT      NOT NULL REFERENCES directory_user (id) ON DELETE CASCADE,
    credit_code VARCHAR(18) NOT NULL,
    PRIMARY KEY (user_id, credit_code)
);
CREATE INDEX directory_user_credit_code_idx ON directory_user_credit_code (credit_code);

-- Every form-login attempt; the lock decision is made from here so that it holds across nodes.
CREATE TABLE directory_login_attempt (
    id           BIGSERIAL    PRIMARY KEY,
    username     VARCHAR(64)  NOT NULL,
    client_ip    VARCHAR(64)  NOT NULL,
    outcome      VARCHAR(10)  NOT NULL,  -- SUCCESS, FAILURE, LOCKED
    attempted_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX directory_login_attempt_user_idx ON directory_login_attempt (username, attempted_at DESC);
CREATE INDEX directory_login_attempt_ip_idx ON directory_login_attempt (client_ip, attempted_at DESC);

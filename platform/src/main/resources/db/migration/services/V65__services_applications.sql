-- Applications (办件): one per submission, one part per department/item, a timeline of every status change.
-- Applicant keys and typed values are personal data: encrypted (AES-GCM) with a blind index for lookups.

CREATE SEQUENCE services_application_seq;

CREATE TABLE services_application (
    id               UUID PRIMARY KEY,
    reference        VARCHAR(24)  NOT NULL UNIQUE,
    target_kind      VARCHAR(8)   NOT NULL CHECK (target_kind IN ('ITEM', 'BUNDLE')),
    target_code      VARCHAR(64)  NOT NULL,
    target_name      TEXT         NOT NULL,
    applicant_type   VARCHAR(16)  NOT NULL,
    applicant_idx    BYTEA        NOT NULL,
    applicant_enc    BYTEA        NOT NULL,
    applicant_name   TEXT         NOT NULL,
    house_code       VARCHAR(30),
    channel          VARCHAR(8)   NOT NULL CHECK (channel IN ('ONLINE', 'WINDOW')),
    submitted_by     VARCHAR(64)  NOT NULL,
    idempotency_key  VARCHAR(64)  NOT NULL,
    fingerprint      BYTEA        NOT NULL,
    typed_elements   TEXT[]       NOT NULL,
    prefilled_count  INT          NOT NULL,
    uploads          INT          NOT NULL,
    licenses_used    INT          NOT NULL,
    submitted_at     TIMESTAMPTZ  NOT NULL,
    UNIQUE (submitted_by, idempotency_key)
);
CREATE INDEX services_application_applicant ON services_application (applicant_idx, submitted_at DESC);
CREATE INDEX services_application_target ON services_application (target_kind, target_code);

CREATE TABLE services_part (
    id              UUID PRIMARY KEY,
    application_id  UUID        NOT NULL REFERENCES services_application (id),
    item_code       VARCHAR(64) NOT NULL,
    item_name       TEXT        NOT NULL,
    department      VARCHAR(40) NOT NULL,
    purpose         VARCHAR(64) NOT NULL,
    elements        TEXT[]      NOT NULL,
    values_enc      BYTEA       NOT NULL,
    materials       JSONB       NOT NULL,
    status          VARCHAR(12) NOT NULL,
    questioned      TEXT[]      NOT NULL DEFAULT '{}',
    reason          TEXT,
    license_id      VARCHAR(80),
    due_on          DATE        NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    version         INT         NOT NULL DEFAULT 0
);
CREATE INDEX services_part_application ON services_part (application_id);
CREATE INDEX services_part_queue ON services_part (department, status, due_on);

CREATE TABLE services_part_event (
    id          BIGSERIAL PRIMARY KEY,
    part_id     UUID        NOT NULL REFERENCES services_part (id),
    at          TIMESTAMPTZ NOT NULL,
    from_status VARCHAR(12),
    to_status   VARCHAR(12) NOT NULL,
    actor       VARCHAR(64) NOT NULL,
    actor_role  VARCHAR(24) NOT NULL,
    note        TEXT
);
CREATE INDEX services_part_event_part ON services_part_event (part_id, id);

CREATE TABLE services_upload (
    id             UUID PRIMARY KEY,
    application_id UUID        NOT NULL REFERENCES services_application (id),
    material_code  VARCHAR(64) NOT NULL,
    file_name      TEXT        NOT NULL,
    content_type   TEXT        NOT NULL,
    sha256         CHAR(64)    NOT NULL,
    content        BYTEA       NOT NULL
);
CREATE INDEX services_upload_application ON services_upload (application_id);

CREATE TABLE services_notification (
    id             BIGSERIAL PRIMARY KEY,
    recipient_idx  BYTEA       NOT NULL,
    application_id UUID        NOT NULL REFERENCES services_application (id),
    message        TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    read_at        TIMESTAMPTZ
);
CREATE INDEX services_notification_recipient ON services_notification (recipient_idx, created_at DESC);

-- "this is wrong" (信息有误) on a locked prefilled value goes to the responsible department instead of being typed over
CREATE TABLE services_correction_request (
    id            UUID PRIMARY KEY,
    department    VARCHAR(40) NOT NULL,
    element       VARCHAR(64) NOT NULL,
    subject_type  VARCHAR(16) NOT NULL,
    subject_enc   BYTEA       NOT NULL,
    note          TEXT        NOT NULL,
    requested_by  VARCHAR(64) NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL,
    status        VARCHAR(12) NOT NULL DEFAULT 'OPEN'
);
CREATE INDEX services_correction_department ON services_correction_request (department, status, requested_at);

-- The service item catalog (事项目录) and "one thing" bundles (一件事). Each definition is kept whole as jsonb in
-- the schema of the definition files (see docs/architecture.md), with the columns pages and joins need promoted.
CREATE TABLE services_item (
    code            VARCHAR(64)  PRIMARY KEY,
    name_zh         TEXT         NOT NULL,
    department_code VARCHAR(40)  NOT NULL,
    applicant_type  VARCHAR(16)  NOT NULL,
    purpose_code    VARCHAR(64)  NOT NULL,
    definition      JSONB        NOT NULL,
    -- the definition file it came from and the hash of its text there when last loaded; NULL when created in a page
    source_file     TEXT,
    file_hash       VARCHAR(64),
    updated_by      TEXT         NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    revision        INT          NOT NULL DEFAULT 1
);
CREATE INDEX services_item_department_idx ON services_item (department_code);

CREATE TABLE services_bundle (
    code        VARCHAR(64)  PRIMARY KEY,
    name_zh     TEXT         NOT NULL,
    definition  JSONB        NOT NULL,
    source_file TEXT,
    file_hash   VARCHAR(64),
    updated_by  TEXT         NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    revision    INT          NOT NULL DEFAULT 1
);
-- which bundles contain an item (for "in which 一件事 is this item" and consistency checks)
CREATE INDEX services_bundle_items_idx ON services_bundle USING GIN ((definition -> 'items'));

-- One counter over both tables: every node compares it with its in-memory snapshot every few seconds.
CREATE TABLE services_catalog_version (
    id      SMALLINT PRIMARY KEY CHECK (id = 1),
    version BIGINT   NOT NULL
);
INSERT INTO services_catalog_version (id, version) VALUES (1, 1);

CREATE FUNCTION services_catalog_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE services_catalog_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER services_item_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON services_item
    FOR EACH STATEMENT EXECUTE FUNCTION services_catalog_bump_version();
CREATE TRIGGER services_bundle_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON services_bundle
    FOR EACH STATEMENT EXECUTE FUNCTION services_catalog_bump_version();

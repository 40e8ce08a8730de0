-- Catalog (数据目录): code tables, data elements, purposes and the three lists (三清单).
-- Department codes refer to directory_department by value only (no foreign key across modules).

CREATE TABLE catalog_code_table (
    code     VARCHAR(40) PRIMARY KEY,
    name_zh  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    standard TEXT
);

CREATE TABLE catalog_code (
    table_code VARCHAR(40) NOT NULL REFERENCES catalog_code_table (code),
    code       VARCHAR(20) NOT NULL,
    label_zh   TEXT        NOT NULL,
    label_en   TEXT        NOT NULL,
    sort_order INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (table_code, code)
);

CREATE TABLE catalog_element (
    code         VARCHAR(64) PRIMARY KEY,
    name_zh      TEXT        NOT NULL,
    name_en      TEXT        NOT NULL,
    subject_type VARCHAR(16) NOT NULL CHECK (subject_type IN ('PERSON', 'LEGAL_ENTITY', 'HOUSE')),
    value_type   VARCHAR(16) NOT NULL CHECK (value_type IN ('STRING', 'INTEGER', 'DECIMAL', 'DATE', 'CODE',
                                                           'CITIZEN_ID', 'CREDIT_CODE', 'PHONE', 'DIVISION')),
    format_rule  TEXT,
    max_length   INT         NOT NULL DEFAULT 0 CHECK (max_length >= 0),
    code_table   VARCHAR(40) REFERENCES catalog_code_table (code),
    sensitivity  SMALLINT    NOT NULL CHECK (sensitivity BETWEEN 1 AND 4),
    CHECK (value_type <> 'CODE' OR code_table IS NOT NULL)
);

-- Purposes of use (用途); service item codes join them as the services module registers items.
CREATE TABLE catalog_purpose (
    code    VARCHAR(64) PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL
);

-- 责任清单: the authoritative department of each element.
CREATE TABLE catalog_responsibility (
    element_code    VARCHAR(64) PRIMARY KEY REFERENCES catalog_element (code),
    department_code VARCHAR(40) NOT NULL,
    legal_basis     TEXT        NOT NULL DEFAULT ''
);

-- 需求清单: a department may use an element for a purpose; in_clear = sensitive values unmasked.
CREATE TABLE catalog_demand (
    id              BIGSERIAL PRIMARY KEY,
    department_code VARCHAR(40) NOT NULL,
    purpose_code    VARCHAR(64) NOT NULL REFERENCES catalog_purpose (code),
    element_code    VARCHAR(64) NOT NULL REFERENCES catalog_element (code),
    legal_basis     TEXT        NOT NULL,
    in_clear        BOOLEAN     NOT NULL DEFAULT FALSE,
    UNIQUE (department_code, purpose_code, element_code)
);

-- 负面清单: elements never shared.
CREATE TABLE catalog_negative (
    element_code VARCHAR(64) PRIMARY KEY REFERENCES catalog_element (code),
    reason       TEXT NOT NULL,
    legal_basis  TEXT NOT NULL DEFAULT ''
);

-- One counter for everything the in-memory snapshot holds. Statement triggers bump it on any change (API,
-- import, or SQL by an operator), so every node notices within its polling interval.
CREATE TABLE catalog_version (
    id      SMALLINT PRIMARY KEY CHECK (id = 1),
    version BIGINT   NOT NULL
);
INSERT INTO catalog_version (id, version) VALUES (1, 1);

CREATE FUNCTION catalog_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalog_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER catalog_code_table_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog_code_table
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_bump_version();
CREATE TRIGGER catalog_code_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog_code
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_bump_version();
CREATE TRIGGER catalog_element_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog_element
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_bump_version();
CREATE TRIGGER catalog_purpose_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog_purpose
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_bump_version();
CREATE TRIGGER catalog_responsibility_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog_responsibility
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_bump_version();
CREATE TRIGGER catalog_demand_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog_demand
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_bump_version();
CREATE TRIGGER catalog_negative_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog_negative
    FOR EACH STATEMENT EXECUTE FUNCTION catalog_bump_version();

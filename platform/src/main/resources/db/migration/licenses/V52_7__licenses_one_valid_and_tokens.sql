-- One valid license per holder and type, unless the type allows several (a person may own several houses, pay tax
-- on several sales); one valid license per described subject (never two valid property certificates for one
-- house). The register's own columns carry the keys so that partial unique indexes hold under concurrency.
ALTER TABLE licenses_type ADD COLUMN multiple_per_holder BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE licenses_type SET multiple_per_holder = TRUE WHERE code IN ('PROPERTY_CERT', 'TAX_PAYMENT_CERT');

-- holder_slot: the holder's blind index for a type held once per holder, NULL when the type allows several
ALTER TABLE licenses_license ADD COLUMN holder_slot BYTEA;
-- subject_key: the subject the license describes (the house of a property certificate), NULL when none
ALTER TABLE licenses_license ADD COLUMN subject_key VARCHAR(64);
-- the verification token a QR code carries: sealed with the field key (the holder's page shows it again) and found
-- through its blind index; 128 random bits, so a verifier cannot walk from one license to the next
ALTER TABLE licenses_license ADD COLUMN verify_token BYTEA;
ALTER TABLE licenses_license ADD COLUMN verify_idx BYTEA;
CREATE UNIQUE INDEX licenses_license_verify_idx ON licenses_license (verify_idx) WHERE verify_idx IS NOT NULL;

UPDATE licenses_license l SET holder_slot = l.holder_idx
FROM licenses_type t WHERE t.code = l.type_code AND NOT t.multiple_per_holder;
UPDATE licenses_license l SET subject_key = l.fields ->> t.subject_field
FROM licenses_type t WHERE t.code = l.type_code AND t.subject_field IS NOT NULL;

-- registers written before the rule may hold several valid ones: the newest stays valid, the older are superseded
UPDATE licenses_license SET status = 'SUPERSEDED' WHERE id IN (
    SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY type_code, subject_key
                                                  ORDER BY issued_at DESC, id DESC) AS n
                    FROM licenses_license WHERE status = 'VALID' AND subject_key IS NOT NULL) d
    WHERE d.n > 1);
UPDATE licenses_license SET status = 'SUPERSEDED' WHERE id IN (
    SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY type_code, holder_slot
                                                  ORDER BY issued_at DESC, id DESC) AS n
                    FROM licenses_license WHERE status = 'VALID' AND holder_slot IS NOT NULL) d
    WHERE d.n > 1);

CREATE UNIQUE INDEX licenses_license_one_valid_per_holder ON licenses_license (type_code, holder_slot)
    WHERE status = 'VALID' AND holder_slot IS NOT NULL;
CREATE UNIQUE INDEX licenses_license_one_valid_per_subject ON licenses_license (type_code, subject_key)
    WHERE status = 'VALID' AND subject_key IS NOT NULL;

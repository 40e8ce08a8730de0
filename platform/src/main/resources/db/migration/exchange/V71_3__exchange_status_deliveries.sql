-- A part decided in yiwang by another route (automatic rule, workbench, another system) is told to the department
-- system that received it: a third delivery type, ordered after the part itself (same ordering key).
ALTER TABLE exchange_delivery DROP CONSTRAINT exchange_delivery_type_check;
ALTER TABLE exchange_delivery ADD CONSTRAINT exchange_delivery_type_check
    CHECK (type IN ('application.part', 'subject.change', 'application.status'));
-- the part's status the delivery tells (application.status only)
ALTER TABLE exchange_delivery ADD COLUMN part_status VARCHAR(12);

-- The department's own record of its decision sent with a result (its licence number, valid-until …: license
-- fields the connector's mapping sends to record.*), kept beside the result.
ALTER TABLE exchange_result ADD COLUMN license_record JSONB;

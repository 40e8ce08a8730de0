-- The service centre (窗口) whose clerk entered an application, so the centre lists what it took in and prints
-- its receipts. Null for online applications and for window applications entered before it was recorded.
ALTER TABLE services_application ADD COLUMN entered_at VARCHAR(40);
CREATE INDEX services_application_window ON services_application (entered_at, submitted_at DESC)
    WHERE entered_at IS NOT NULL;

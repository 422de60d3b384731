-- Each account's IANA time zone: its "today" and its dates are local to it.
-- Existing accounts (and the original app's users) were French: Paris.
ALTER TABLE users ADD COLUMN time_zone VARCHAR(64) DEFAULT 'Europe/Paris' NOT NULL;

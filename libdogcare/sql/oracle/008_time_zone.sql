-- Each account's IANA time zone: its "today" and its dates are local to it.
-- Existing accounts (and the original app's users) were French: Paris.
ALTER TABLE users ADD (time_zone VARCHAR2(64 CHAR) DEFAULT 'Europe/Paris' NOT NULL);

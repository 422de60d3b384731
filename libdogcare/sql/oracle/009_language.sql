-- The language of each account's mails and of its UI: French first, English.
-- Existing accounts (and the original app's users) were French.
ALTER TABLE users ADD (language VARCHAR2(2 CHAR) DEFAULT 'fr' NOT NULL);

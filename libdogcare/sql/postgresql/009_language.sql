-- The language of each account's mails and of its UI: French first, English.
-- Existing accounts (and the original app's users) were French.
ALTER TABLE users ADD COLUMN language VARCHAR(2) DEFAULT 'fr' NOT NULL;

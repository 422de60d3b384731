-- Imports from the original Reactive Dog Tracker (sqlite): one row per V1 user
-- brought over, so that running the import again brings nothing twice.
-- v1_key is the SHA-256 of the V1 user's identity (id, username, creation
-- time), the same whatever the file's path or later entries. The row goes
-- with the account it was imported into: once that account is deleted, the
-- V1 user can be imported again.

CREATE TABLE v1_imports (
  v1_key VARCHAR(64) NOT NULL,
  v1_user_id INTEGER NOT NULL,
  v1_username VARCHAR(400) NOT NULL,
  user_id VARCHAR(36) NOT NULL,
  dog_id VARCHAR(36) NOT NULL,
  observations INTEGER NOT NULL,
  imported_at TIMESTAMP NOT NULL,
  CONSTRAINT pk_v1_imports PRIMARY KEY (v1_key),
  CONSTRAINT fk_v1_imports__user_id FOREIGN KEY (user_id)
    REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_v1_imports__user_id ON v1_imports (user_id);

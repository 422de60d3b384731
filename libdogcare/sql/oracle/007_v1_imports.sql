-- Imports from the original Reactive Dog Tracker (oracle): one row per V1 user
-- brought over, so that running the import again brings nothing twice.
-- v1_key is the SHA-256 of the V1 user's identity (id, username, creation
-- time), the same whatever the file's path or later entries. The row goes
-- with the account it was imported into: once that account is deleted, the
-- V1 user can be imported again.

CREATE TABLE v1_imports (
  v1_key VARCHAR2(64 CHAR) NOT NULL,
  v1_user_id NUMBER(19) NOT NULL,
  v1_username VARCHAR2(400 CHAR) NOT NULL,
  user_id VARCHAR2(36 CHAR) NOT NULL,
  dog_id VARCHAR2(36 CHAR) NOT NULL,
  observations NUMBER(19) NOT NULL,
  imported_at TIMESTAMP(3) NOT NULL,
  CONSTRAINT pk_v1_imports PRIMARY KEY (v1_key),
  CONSTRAINT fk_v1_imports__user_id FOREIGN KEY (user_id)
    REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_v1_imports__user_id ON v1_imports (user_id);

-- Login throttling (oracle), shared by every API replica through the database.
-- throttle_key is the SHA-256 (hex) of "user:<folded username>" or
-- "client:<client key>": no username or address is stored. A row exists only
-- while a key has failures since its last success; blocked_until is set once
-- the free failures are used up.

CREATE TABLE login_throttle (
  throttle_key VARCHAR2(64 CHAR) NOT NULL,
  failures NUMBER(10) NOT NULL,
  blocked_until TIMESTAMP(3),
  updated_at TIMESTAMP(3) NOT NULL,
  CONSTRAINT pk_login_throttle PRIMARY KEY (throttle_key),
  CONSTRAINT ck_login_throttle__failures CHECK (failures >= 0)
);

-- Pruning rows whose last failure is long past.
CREATE INDEX ix_login_throttle__updated_at ON login_throttle (updated_at);

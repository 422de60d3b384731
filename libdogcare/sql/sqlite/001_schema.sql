-- The whole domain of dogcare (sqlite). Ids are UUIDv7 text made by the
-- library. Names are unique per user on name_key, the name folded by ICU
-- (case and accents), computed by the library. Flags are 0/1 small integers
-- on every database. Ownership is also enforced by composite foreign keys:
-- an observation's dog, triggers and reactions must belong to its owner.

CREATE TABLE users (
  id VARCHAR(36) NOT NULL,
  username VARCHAR(50) NOT NULL,
  username_key VARCHAR(200) NOT NULL,
  email VARCHAR(254),
  email_key VARCHAR(254),
  password_hash VARCHAR(255) NOT NULL,
  onboarded SMALLINT DEFAULT 0 NOT NULL,
  token_version INTEGER DEFAULT 0 NOT NULL,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  CONSTRAINT pk_users PRIMARY KEY (id),
  CONSTRAINT uq_users__username UNIQUE (username_key),
  CONSTRAINT uq_users__email UNIQUE (email_key),
  CONSTRAINT ck_users__onboarded CHECK (onboarded IN (0, 1)),
  CONSTRAINT ck_users__token_version CHECK (token_version >= 0)
);

CREATE TABLE dogs (
  id VARCHAR(36) NOT NULL,
  user_id VARCHAR(36) NOT NULL,
  name VARCHAR(100) NOT NULL,
  breed VARCHAR(100),
  birth_date DATE,
  notes VARCHAR(2000),
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  CONSTRAINT pk_dogs PRIMARY KEY (id),
  CONSTRAINT uq_dogs__id_owner UNIQUE (id, user_id),
  CONSTRAINT fk_dogs__user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_dogs__user_id ON dogs (user_id, created_at);

CREATE TABLE triggers (
  id VARCHAR(36) NOT NULL,
  user_id VARCHAR(36) NOT NULL,
  name VARCHAR(100) NOT NULL,
  name_key VARCHAR(400) NOT NULL,
  archived SMALLINT DEFAULT 0 NOT NULL,
  created_at TIMESTAMP NOT NULL,
  CONSTRAINT pk_triggers PRIMARY KEY (id),
  CONSTRAINT uq_triggers__name UNIQUE (user_id, name_key),
  CONSTRAINT uq_triggers__id_owner UNIQUE (id, user_id),
  CONSTRAINT fk_triggers__user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT ck_triggers__archived CHECK (archived IN (0, 1))
);

CREATE TABLE reactions (
  id VARCHAR(36) NOT NULL,
  user_id VARCHAR(36) NOT NULL,
  name VARCHAR(100) NOT NULL,
  name_key VARCHAR(400) NOT NULL,
  archived SMALLINT DEFAULT 0 NOT NULL,
  created_at TIMESTAMP NOT NULL,
  CONSTRAINT pk_reactions PRIMARY KEY (id),
  CONSTRAINT uq_reactions__name UNIQUE (user_id, name_key),
  CONSTRAINT uq_reactions__id_owner UNIQUE (id, user_id),
  CONSTRAINT fk_reactions__user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT ck_reactions__archived CHECK (archived IN (0, 1))
);

CREATE TABLE observations (
  id VARCHAR(36) NOT NULL,
  user_id VARCHAR(36) NOT NULL,
  dog_id VARCHAR(36) NOT NULL,
  observed_on DATE NOT NULL,
  severity SMALLINT NOT NULL,
  comment_text TEXT,
  comment_key TEXT,
  distance_m INTEGER,
  recovery_min INTEGER,
  handler_action VARCHAR(500),
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  CONSTRAINT pk_observations PRIMARY KEY (id),
  CONSTRAINT uq_observations__id_owner UNIQUE (id, user_id),
  CONSTRAINT fk_observations__dog_id FOREIGN KEY (dog_id, user_id)
    REFERENCES dogs (id, user_id) ON DELETE CASCADE,
  CONSTRAINT ck_observations__severity CHECK (severity BETWEEN 1 AND 5),
  CONSTRAINT ck_observations__distance_m CHECK (distance_m >= 0),
  CONSTRAINT ck_observations__recovery_min CHECK (recovery_min >= 0)
);

-- Newest-first pages of one owner's observations (keyset on date, id), and
-- the daily aggregates of analytics without touching the table (covering).
CREATE INDEX ix_observations__owner_date ON observations (user_id, observed_on, id, severity, dog_id);
CREATE INDEX ix_observations__dog_date ON observations (dog_id, observed_on);

CREATE TABLE observation_triggers (
  observation_id VARCHAR(36) NOT NULL,
  trigger_id VARCHAR(36) NOT NULL,
  user_id VARCHAR(36) NOT NULL,
  -- Copies of the observation's, rewritten with the links on every update,
  -- so analytics aggregate this table alone through one covering index.
  dog_id VARCHAR(36) NOT NULL,
  observed_on DATE NOT NULL,
  severity SMALLINT NOT NULL,
  CONSTRAINT pk_observation_triggers PRIMARY KEY (observation_id, trigger_id),
  CONSTRAINT fk_observation_triggers__observation_id FOREIGN KEY (observation_id, user_id)
    REFERENCES observations (id, user_id) ON DELETE CASCADE,
  CONSTRAINT fk_observation_triggers__trigger_id FOREIGN KEY (trigger_id, user_id)
    REFERENCES triggers (id, user_id) ON DELETE CASCADE
);

-- By owner and item: in-use checks, and analytics grouped in index order.
CREATE INDEX ix_observation_triggers__trigger_id ON observation_triggers (user_id, trigger_id, severity, observed_on, dog_id);

CREATE TABLE observation_reactions (
  observation_id VARCHAR(36) NOT NULL,
  reaction_id VARCHAR(36) NOT NULL,
  user_id VARCHAR(36) NOT NULL,
  -- Copies of the observation's, rewritten with the links on every update,
  -- so analytics aggregate this table alone through one covering index.
  dog_id VARCHAR(36) NOT NULL,
  observed_on DATE NOT NULL,
  severity SMALLINT NOT NULL,
  CONSTRAINT pk_observation_reactions PRIMARY KEY (observation_id, reaction_id),
  CONSTRAINT fk_observation_reactions__observation_id FOREIGN KEY (observation_id, user_id)
    REFERENCES observations (id, user_id) ON DELETE CASCADE,
  CONSTRAINT fk_observation_reactions__reaction_id FOREIGN KEY (reaction_id, user_id)
    REFERENCES reactions (id, user_id) ON DELETE CASCADE
);

-- By owner and item: in-use checks, and analytics grouped in index order.
CREATE INDEX ix_observation_reactions__reaction_id ON observation_reactions (user_id, reaction_id, severity, observed_on, dog_id, observation_id);

-- Each (reaction, trigger) pair seen in one observation: "which triggers come
-- with this reaction" is then one covering-index scan, not a join of links.
CREATE TABLE observation_reaction_triggers (
  observation_id VARCHAR(36) NOT NULL,
  reaction_id VARCHAR(36) NOT NULL,
  trigger_id VARCHAR(36) NOT NULL,
  user_id VARCHAR(36) NOT NULL,
  dog_id VARCHAR(36) NOT NULL,
  observed_on DATE NOT NULL,
  CONSTRAINT pk_observation_reaction_triggers PRIMARY KEY (observation_id, reaction_id, trigger_id),
  CONSTRAINT fk_observation_reaction_triggers__observation_id FOREIGN KEY (observation_id, user_id)
    REFERENCES observations (id, user_id) ON DELETE CASCADE
);

CREATE INDEX ix_observation_reaction_triggers__user_id ON observation_reaction_triggers (user_id, reaction_id, trigger_id, observed_on, dog_id);

-- Analytics summaries, kept in step with observations in the same transaction
-- as every write: observations per day and severity, and per month the
-- counts by trigger and severity, by reaction, and by (reaction, trigger).
-- A period's views read these instead of every observation.
CREATE TABLE analytics_days (
  user_id VARCHAR(36) NOT NULL,
  dog_id VARCHAR(36) NOT NULL,
  on_day DATE NOT NULL,
  severity SMALLINT NOT NULL,
  n INTEGER NOT NULL,
  CONSTRAINT pk_analytics_days PRIMARY KEY (user_id, on_day, dog_id, severity),
  CONSTRAINT fk_analytics_days__dog_id FOREIGN KEY (dog_id, user_id)
    REFERENCES dogs (id, user_id) ON DELETE CASCADE
);

CREATE TABLE analytics_month_triggers (
  user_id VARCHAR(36) NOT NULL,
  dog_id VARCHAR(36) NOT NULL,
  in_month DATE NOT NULL,
  trigger_id VARCHAR(36) NOT NULL,
  severity SMALLINT NOT NULL,
  n INTEGER NOT NULL,
  CONSTRAINT pk_analytics_month_triggers PRIMARY KEY (user_id, in_month, dog_id, trigger_id, severity),
  CONSTRAINT fk_analytics_month_triggers__dog_id FOREIGN KEY (dog_id, user_id)
    REFERENCES dogs (id, user_id) ON DELETE CASCADE
);

CREATE TABLE analytics_month_reactions (
  user_id VARCHAR(36) NOT NULL,
  dog_id VARCHAR(36) NOT NULL,
  in_month DATE NOT NULL,
  reaction_id VARCHAR(36) NOT NULL,
  n INTEGER NOT NULL,
  CONSTRAINT pk_analytics_month_reactions PRIMARY KEY (user_id, in_month, dog_id, reaction_id),
  CONSTRAINT fk_analytics_month_reactions__dog_id FOREIGN KEY (dog_id, user_id)
    REFERENCES dogs (id, user_id) ON DELETE CASCADE
);

CREATE TABLE analytics_month_pairs (
  user_id VARCHAR(36) NOT NULL,
  dog_id VARCHAR(36) NOT NULL,
  in_month DATE NOT NULL,
  reaction_id VARCHAR(36) NOT NULL,
  trigger_id VARCHAR(36) NOT NULL,
  n INTEGER NOT NULL,
  CONSTRAINT pk_analytics_month_pairs PRIMARY KEY (user_id, in_month, dog_id, reaction_id, trigger_id),
  CONSTRAINT fk_analytics_month_pairs__dog_id FOREIGN KEY (dog_id, user_id)
    REFERENCES dogs (id, user_id) ON DELETE CASCADE
);

CREATE TABLE password_reset_tokens (
  id VARCHAR(36) NOT NULL,
  user_id VARCHAR(36) NOT NULL,
  token_hash VARCHAR(64) NOT NULL,
  expires_at TIMESTAMP NOT NULL,
  used_at TIMESTAMP,
  created_at TIMESTAMP NOT NULL,
  CONSTRAINT pk_password_reset_tokens PRIMARY KEY (id),
  CONSTRAINT uq_password_reset_tokens__token_hash UNIQUE (token_hash),
  CONSTRAINT fk_password_reset_tokens__user_id FOREIGN KEY (user_id)
    REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_password_reset_tokens__user_id ON password_reset_tokens (user_id);

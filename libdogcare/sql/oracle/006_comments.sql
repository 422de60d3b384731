-- Comments and the access log (oracle). A comment belongs to one dog (and
-- optionally one of its observations) and to one conversation: the owner
-- and one professional (professional_id), so a professional never reads the
-- owner's other professionals. Comments and log rows reference dogs
-- (id, user_id) and go with the dog or its owner's account; the author and
-- the professional are set to NULL when their account is deleted, and
-- author_role stays, so the comment reads as a former professional's.

CREATE TABLE comments (
  id VARCHAR2(36 CHAR) NOT NULL,
  dog_id VARCHAR2(36 CHAR) NOT NULL,
  owner_id VARCHAR2(36 CHAR) NOT NULL,
  observation_id VARCHAR2(36 CHAR),
  professional_id VARCHAR2(36 CHAR),
  author_id VARCHAR2(36 CHAR),
  author_role VARCHAR2(20 CHAR) NOT NULL,
  body CLOB NOT NULL,
  created_at TIMESTAMP(3) NOT NULL,
  updated_at TIMESTAMP(3) NOT NULL,
  CONSTRAINT pk_comments PRIMARY KEY (id),
  CONSTRAINT fk_comments__dog_id FOREIGN KEY (dog_id, owner_id)
    REFERENCES dogs (id, user_id) ON DELETE CASCADE,
  CONSTRAINT fk_comments__observation_id FOREIGN KEY (observation_id)
    REFERENCES observations (id) ON DELETE CASCADE,
  CONSTRAINT fk_comments__professional_id FOREIGN KEY (professional_id)
    REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT fk_comments__author_id FOREIGN KEY (author_id)
    REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT ck_comments__author_role CHECK (author_role IN ('owner', 'professional'))
);

CREATE INDEX ix_comments__dog_id ON comments (dog_id, created_at, id);
CREATE INDEX ix_comments__observation_id ON comments (observation_id, created_at, id);
CREATE INDEX ix_comments__professional_id ON comments (professional_id);
CREATE INDEX ix_comments__author_id ON comments (author_id);

-- Until when a user has read a dog's comments (the unread count).
CREATE TABLE comment_reads (
  user_id VARCHAR2(36 CHAR) NOT NULL,
  dog_id VARCHAR2(36 CHAR) NOT NULL,
  read_until TIMESTAMP(3) NOT NULL,
  CONSTRAINT pk_comment_reads PRIMARY KEY (user_id, dog_id),
  CONSTRAINT fk_comment_reads__user_id FOREIGN KEY (user_id)
    REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_comment_reads__dog_id FOREIGN KEY (dog_id)
    REFERENCES dogs (id) ON DELETE CASCADE
);

CREATE INDEX ix_comment_reads__dog_id ON comment_reads (dog_id);

-- A user's settings; no row means every default (mail on new comments).
CREATE TABLE user_settings (
  user_id VARCHAR2(36 CHAR) NOT NULL,
  notify_comments NUMBER(5) NOT NULL,
  updated_at TIMESTAMP(3) NOT NULL,
  CONSTRAINT pk_user_settings PRIMARY KEY (user_id),
  CONSTRAINT fk_user_settings__user_id FOREIGN KEY (user_id)
    REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT ck_user_settings__notify_comments CHECK (notify_comments IN (0, 1))
);

-- A professional's reads of a dog's data: one row per professional, dog,
-- view and 10-minute bucket (time_bucket: milliseconds since the epoch
-- divided by the bucket's length), kept a year.
CREATE TABLE dog_access_log (
  id VARCHAR2(36 CHAR) NOT NULL,
  dog_id VARCHAR2(36 CHAR) NOT NULL,
  owner_id VARCHAR2(36 CHAR) NOT NULL,
  professional_id VARCHAR2(36 CHAR),
  view_name VARCHAR2(20 CHAR) NOT NULL,
  time_bucket NUMBER(19) NOT NULL,
  accessed_at TIMESTAMP(3) NOT NULL,
  CONSTRAINT pk_dog_access_log PRIMARY KEY (id),
  CONSTRAINT uq_dog_access_log__bucket UNIQUE (professional_id, dog_id, view_name, time_bucket),
  CONSTRAINT fk_dog_access_log__dog_id FOREIGN KEY (dog_id, owner_id)
    REFERENCES dogs (id, user_id) ON DELETE CASCADE,
  CONSTRAINT fk_dog_access_log__professional_id FOREIGN KEY (professional_id)
    REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT ck_dog_access_log__view_name CHECK (view_name IN ('dog', 'observations', 'search',
    'calendar', 'analytics', 'export', 'comments'))
);

CREATE INDEX ix_dog_access_log__dog_id ON dog_access_log (dog_id, accessed_at, id);
CREATE INDEX ix_dog_access_log__accessed_at ON dog_access_log (accessed_at);

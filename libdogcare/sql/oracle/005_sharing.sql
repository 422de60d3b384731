-- Sharing (oracle): professional profiles, the grants that let a professional
-- read one dog, and pending invitations (to an account, or a one-time code
-- of which only the SHA-256 is stored). Grants and invitations reference
-- dogs (id, user_id), so they go with the dog or its owner's account, and
-- users (id) for the professional, so they go with the professional's account.

CREATE TABLE professional_profiles (
  user_id VARCHAR2(36 CHAR) NOT NULL,
  display_name VARCHAR2(100 CHAR) NOT NULL,
  kind VARCHAR2(20 CHAR) NOT NULL,
  organisation VARCHAR2(200 CHAR),
  contact VARCHAR2(254 CHAR),
  updated_at TIMESTAMP(3) NOT NULL,
  CONSTRAINT pk_professional_profiles PRIMARY KEY (user_id),
  CONSTRAINT fk_professional_profiles__user_id FOREIGN KEY (user_id)
    REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT ck_professional_profiles__kind CHECK (kind IN ('trainer', 'behaviourist', 'vet'))
);

CREATE TABLE dog_shares (
  id VARCHAR2(36 CHAR) NOT NULL,
  dog_id VARCHAR2(36 CHAR) NOT NULL,
  owner_id VARCHAR2(36 CHAR) NOT NULL,
  professional_id VARCHAR2(36 CHAR) NOT NULL,
  scope VARCHAR2(20 CHAR) NOT NULL,
  created_at TIMESTAMP(3) NOT NULL,
  CONSTRAINT pk_dog_shares PRIMARY KEY (id),
  CONSTRAINT uq_dog_shares__professional UNIQUE (dog_id, professional_id),
  CONSTRAINT fk_dog_shares__dog_id FOREIGN KEY (dog_id, owner_id)
    REFERENCES dogs (id, user_id) ON DELETE CASCADE,
  CONSTRAINT fk_dog_shares__professional_id FOREIGN KEY (professional_id)
    REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT ck_dog_shares__scope CHECK (scope IN ('read', 'read_comment')),
  CONSTRAINT ck_dog_shares__professional CHECK (professional_id <> owner_id)
);

CREATE INDEX ix_dog_shares__professional_id ON dog_shares (professional_id);

CREATE TABLE share_invitations (
  id VARCHAR2(36 CHAR) NOT NULL,
  dog_id VARCHAR2(36 CHAR) NOT NULL,
  owner_id VARCHAR2(36 CHAR) NOT NULL,
  scope VARCHAR2(20 CHAR) NOT NULL,
  professional_id VARCHAR2(36 CHAR),
  invitee VARCHAR2(254 CHAR),
  code_hash VARCHAR2(64 CHAR),
  expires_at TIMESTAMP(3) NOT NULL,
  created_at TIMESTAMP(3) NOT NULL,
  CONSTRAINT pk_share_invitations PRIMARY KEY (id),
  CONSTRAINT uq_share_invitations__code UNIQUE (code_hash),
  CONSTRAINT fk_share_invitations__dog_id FOREIGN KEY (dog_id, owner_id)
    REFERENCES dogs (id, user_id) ON DELETE CASCADE,
  CONSTRAINT fk_share_invitations__professional_id FOREIGN KEY (professional_id)
    REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT ck_share_invitations__scope CHECK (scope IN ('read', 'read_comment'))
);

CREATE INDEX ix_share_invitations__dog_id ON share_invitations (dog_id);
CREATE INDEX ix_share_invitations__professional_id ON share_invitations (professional_id);

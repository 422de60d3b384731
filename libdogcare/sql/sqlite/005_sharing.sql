-- Sharing (sqlite): professional profiles, the grants that let a professional
-- read one dog, and pending invitations (to an account, or a one-time code
-- of which only the SHA-256 is stored). Grants and invitations reference
-- dogs (id, user_id), so they go with the dog or its owner's account, and
-- users (id) for the professional, so they go with the professional's account.

CREATE TABLE professional_profiles (
  user_id VARCHAR(36) NOT NULL,
  display_name VARCHAR(100) NOT NULL,
  kind VARCHAR(20) NOT NULL,
  organisation VARCHAR(200),
  contact VARCHAR(254),
  updated_at TIMESTAMP NOT NULL,
  CONSTRAINT pk_professional_profiles PRIMARY KEY (user_id),
  CONSTRAINT fk_professional_profiles__user_id FOREIGN KEY (user_id)
    REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT ck_professional_profiles__kind CHECK (kind IN ('trainer', 'behaviourist', 'vet'))
);

CREATE TABLE dog_shares (
  id VARCHAR(36) NOT NULL,
  dog_id VARCHAR(36) NOT NULL,
  owner_id VARCHAR(36) NOT NULL,
  professional_id VARCHAR(36) NOT NULL,
  scope VARCHAR(20) NOT NULL,
  created_at TIMESTAMP NOT NULL,
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
  id VARCHAR(36) NOT NULL,
  dog_id VARCHAR(36) NOT NULL,
  owner_id VARCHAR(36) NOT NULL,
  scope VARCHAR(20) NOT NULL,
  professional_id VARCHAR(36),
  invitee VARCHAR(254),
  code_hash VARCHAR(64),
  expires_at TIMESTAMP NOT NULL,
  created_at TIMESTAMP NOT NULL,
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

-- The default catalog offered at onboarding: the original's French
-- triggers and reactions. Fixed ids so every database holds the same rows.

CREATE TABLE default_catalog (
  id VARCHAR(36) NOT NULL,
  kind VARCHAR(10) NOT NULL,
  name VARCHAR(100) NOT NULL,
  sort_order INTEGER NOT NULL,
  CONSTRAINT pk_default_catalog PRIMARY KEY (id),
  CONSTRAINT uq_default_catalog__name UNIQUE (kind, name),
  CONSTRAINT ck_default_catalog__kind CHECK (kind IN ('trigger', 'reaction'))
);

INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-000000000101', 'trigger', 'bruit', 1);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-000000000102', 'trigger', 'promeneur', 2);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-000000000103', 'trigger', 'chien', 3);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-000000000104', 'trigger', 'vélo', 4);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-000000000105', 'trigger', 'visiteur', 5);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-000000000106', 'trigger', 'joggeur', 6);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-000000000107', 'trigger', 'chat', 7);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-000000000108', 'trigger', 'enfant', 8);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-000000000109', 'trigger', 'voiture', 9);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-00000000010a', 'trigger', 'skate', 10);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-00000000010b', 'trigger', 'moto', 11);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-00000000010c', 'trigger', 'trottinette', 12);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-00000000010d', 'trigger', 'camion', 13);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-00000000010e', 'trigger', 'poussette', 14);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-000000000201', 'reaction', 'aboiement', 1);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-000000000202', 'reaction', 'grognement', 2);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-000000000203', 'reaction', 'fuite', 3);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-000000000204', 'reaction', 'tremblement', 4);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-000000000205', 'reaction', 'regard fixe', 5);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-000000000206', 'reaction', 'fente', 6);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-000000000207', 'reaction', 'poils hérissés', 7);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-000000000208', 'reaction', 'gémissement', 8);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-000000000209', 'reaction', 'blocage', 9);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-00000000020a', 'reaction', 'morsure', 10);

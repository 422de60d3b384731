-- The original app's defaults that the first catalog lacked: every
-- default of the Reactive Dog Tracker is now offered. Only the default
-- catalog changes: the users' own catalogs stay as they are.

INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-00000000010f', 'trigger', 'chien-ennemi', 15);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-000000000110', 'trigger', 'foule', 16);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-000000000111', 'trigger', 'tonnerre', 17);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-00000000020b', 'reaction', 'queue basse', 11);
INSERT INTO default_catalog (id, kind, name, sort_order) VALUES ('00000000-0000-7000-8000-00000000020c', 'reaction', 'pincement', 12);

"""The deployment's settings as the UI process reads them (dogcare_ui.config)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from dogcare_ui import config

import dogcare


def test_the_database_can_come_from_a_rotating_file_and_skip_migrations(
    fresh_database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    migrated = dogcare.Database(str(tmp_path / "migrated.db"))
    migrated.close()
    connection = tmp_path / "database"
    connection.write_text(str(tmp_path / "migrated.db"))
    monkeypatch.setenv("DOGCARE_DATABASE_FILE", str(connection))
    monkeypatch.setenv("DOGCARE_MIGRATE", "false")
    services = config.open_services()
    assert services.database.ready()
    # Rotated to a database nobody migrated: followed, and left as it is.
    connection.write_text(str(tmp_path / "blank.db"))
    later = time.time() + 5
    os.utime(connection, (later, later))
    time.sleep(1.1)
    assert services.database.schema_version() == 0
    services.database.close()


def test_keys_are_read_in_the_servers_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = tmp_path / "keys"
    keys.write_text("new=" + "n" * 40 + "\nold=" + "o" * 40 + "\n")
    monkeypatch.setenv("DOGCARE_JWT_KEYS_FILE", str(keys))
    assert config.signing_keys("unused").kids == ["new", "old"]


def test_secrets_come_from_their_file_and_the_plain_variable_is_a_fallback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOGCARE_SMTP_PASSWORD", "plain")
    monkeypatch.delenv("DOGCARE_SMTP_PASSWORD_FILE", raising=False)
    assert config.secret("DOGCARE_SMTP_PASSWORD") == "plain"
    file = tmp_path / "smtp-password"
    file.write_text("from-file\n")
    monkeypatch.setenv("DOGCARE_SMTP_PASSWORD_FILE", str(file))
    assert config.secret("DOGCARE_SMTP_PASSWORD") == "from-file"
    monkeypatch.setenv("DOGCARE_SMTP_PASSWORD_FILE", str(tmp_path / "missing"))
    with pytest.raises(dogcare.ValidationError) as error:
        config.secret("DOGCARE_SMTP_PASSWORD")
    assert error.value.field == "secret_file"

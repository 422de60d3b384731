"""The files a deployment hands over (Vault Agent renders them): the signing
keys the REST server also reads, and a connection string that rotates."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import dogcare

SECRET_A = "a" * 40
SECRET_B = "b" * 40


def test_the_key_file_is_read_as_the_server_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "jwt-keys"
    path.write_text(f"# rotated\nnew = {SECRET_B}\nold={SECRET_A}\n")
    keys = dogcare.load_signing_keys(str(path))
    assert keys == [("new", SECRET_B), ("old", SECRET_A)]

    database = dogcare.Database(str(tmp_path / "dogcare.db"))
    signed_before = dogcare.Accounts(database, [("old", SECRET_A)], hashing_memory_kib=1024)
    signed_before.register(username="rotating", password="correct horse")
    old_token = signed_before.login("rotating", "correct horse").access_token
    rotated = dogcare.Accounts(database, keys, hashing_memory_kib=1024)
    # The first key signs; the old one still verifies the tokens it signed.
    assert (
        rotated.authenticate(old_token).user_id
        == rotated.login("rotating", "correct horse").principal.user_id
    )
    new_token = rotated.login("rotating", "correct horse").access_token
    with pytest.raises(dogcare.AuthenticationError):
        signed_before.authenticate(new_token)


def render(path: Path, text: str) -> None:
    """As Vault Agent does: a new file moved over the old one."""
    staged = path.with_suffix(".new")
    staged.write_text(text)
    os.replace(staged, path)


def test_a_rotated_key_file_is_picked_up_and_a_retired_key_refused(tmp_path: Path) -> None:
    path = tmp_path / "jwt-keys"
    render(path, f"old={SECRET_A}\n")
    keys = dogcare.SigningKeySource(str(path), check_interval=0)
    assert keys.kids == ["old"] and keys.generation == 1
    database = dogcare.Database(str(tmp_path / "dogcare.db"))
    accounts = dogcare.Accounts(database, keys, hashing_memory_kib=1024)
    accounts.register(username="rotating", password="correct horse")
    old_token = accounts.login("rotating", "correct horse").access_token

    render(path, f"new={SECRET_B}\nold={SECRET_A}\n")  # new signs, old still verifies
    new_token = accounts.login("rotating", "correct horse").access_token
    assert keys.kids == ["new", "old"] and keys.generation == 2
    assert accounts.authenticate(old_token) == accounts.authenticate(new_token)

    render(path, f"new={SECRET_B}\n")  # old retired: its tokens are refused at once
    with pytest.raises(dogcare.AuthenticationError):
        accounts.authenticate(old_token)
    assert accounts.authenticate(new_token).user_id

    render(path, "k=short-secret\n")  # unusable: the keys in effect stay
    assert accounts.authenticate(new_token).user_id
    assert "jwt-keys" in keys.last_error and "short-secret" not in keys.last_error
    with pytest.raises(dogcare.ValidationError):
        keys.reload()
    assert keys.kids == ["new"]
    database.close()


def test_a_bad_key_file_names_the_file_not_the_secret(tmp_path: Path) -> None:
    path = tmp_path / "jwt-keys"
    path.write_text("k=short-secret\n")
    with pytest.raises(dogcare.ValidationError) as error:
        dogcare.load_signing_keys(str(path))
    assert error.value.field == "jwt_keys_file"
    assert "jwt-keys" in str(error.value) and "short-secret" not in str(error.value)


def test_the_database_follows_its_connection_file(tmp_path: Path) -> None:
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    file = tmp_path / "connection"
    file.write_text(str(first))
    database = dogcare.Database(connection_file=str(file))
    assert database.ready()  # migrated the first
    file.write_text(str(second))
    later = time.time() + 5
    os.utime(file, (later, later))
    time.sleep(1.1)  # looked at once a second at most
    assert not database.ready()  # the second was never migrated
    assert database.schema_version() == 0
    database.close()

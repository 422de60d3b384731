from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

import dogcare
from tests.conftest import Services, make_accounts


def test_register_login_authenticate_me(services: Services) -> None:
    user = services.accounts.register(
        username="Alice_" + services.new_user()[0], password="correct horse"
    )
    assert user.onboarded is False and user.email is None
    token = services.accounts.login(user.username.upper(), "correct horse")
    assert token.expires_in == 1800
    assert "<hidden>" in repr(token) and token.access_token not in repr(token)
    principal = services.accounts.authenticate(token.access_token)
    assert principal.user_id == user.id
    me = services.accounts.me(principal)
    assert me.username == user.username
    assert me.created_at.tzinfo is not None
    assert me.to_dict()["id"] == user.id


def test_the_account_time_zone_sets_the_principal_and_its_today(services: Services) -> None:
    name = "zoned_" + services.new_user()[0]
    services.accounts.register(username=name, password="correct horse")
    principal = services.accounts.authenticate(
        services.accounts.login(name, "correct horse").access_token
    )
    assert principal.time_zone == dogcare.DEFAULT_TIME_ZONE == "Europe/Paris"
    assert "Pacific/Kiritimati" in dogcare.time_zone_names()
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):
        services.accounts.update_profile(principal, time_zone=zone)
        principal = services.accounts.authenticate(
            services.accounts.login(name, "correct horse").access_token
        )
        assert principal.time_zone == services.accounts.me(principal).time_zone == zone
        assert dogcare.today(principal) == dt.datetime.now(ZoneInfo(zone)).date()
    with pytest.raises(dogcare.ValidationError) as caught:
        services.accounts.update_profile(principal, time_zone="Europe/Atlantis")
    assert caught.value.field == "time_zone"
    assert [v.rule for v in caught.value.violations] == ["unknown"]
    assert services.accounts.me(principal).time_zone == "Pacific/Pago_Pago"


def test_register_creates_the_first_dog(services: Services) -> None:
    _, principal = services.new_user()
    assert [d.name for d in services.dogs.list(principal)] == ["Mon chien"]


def test_duplicate_username_is_a_conflict(services: Services) -> None:
    username, _ = services.new_user()
    with pytest.raises(dogcare.Conflict) as caught:
        services.accounts.register(username=username.upper(), password="another password")
    assert caught.value.code == "conflict"
    assert isinstance(caught.value, dogcare.Error)


def test_bad_input_names_the_field(services: Services) -> None:
    with pytest.raises(dogcare.ValidationError) as caught:
        services.accounts.register(username="ab", password="correct horse")
    assert caught.value.field == "username"
    with pytest.raises(dogcare.ValidationError) as caught:
        services.accounts.register(username="valid_name", password="short")
    assert caught.value.field == "password"
    assert isinstance(caught.value, ValueError)


def test_wrong_password_then_rate_limited(services: Services) -> None:
    username, _ = services.new_user()
    for _ in range(3):
        with pytest.raises(dogcare.AuthenticationError):
            services.accounts.login(username, "wrong password", client_key="10.0.0.1")
    limited: dogcare.RateLimited | None = None
    for _ in range(5):
        try:
            services.accounts.login(username, "wrong password", client_key="10.0.0.1")
        except dogcare.AuthenticationError:
            continue
        except dogcare.RateLimited as error:
            limited = error
            break
    assert limited is not None and limited.code == "rate_limited"
    assert limited.retry_after >= 1


def test_bad_token_is_an_authentication_error(services: Services) -> None:
    with pytest.raises(dogcare.AuthenticationError):
        services.accounts.authenticate("not.a.token")


def test_update_profile_and_change_password_revokes_tokens(services: Services) -> None:
    username, principal = services.new_user()
    token = services.accounts.login(username, "correct horse").access_token
    updated = services.accounts.update_profile(
        principal, username=username + "x", email=f"{username}@example.org"
    )
    assert updated.username == username + "x"
    assert updated.email == f"{username}@example.org"
    assert services.accounts.update_profile(principal, email="").email is None
    with pytest.raises(dogcare.ValidationError) as caught:
        services.accounts.change_password(principal, "not the password", "new password 1")
    assert caught.value.field == "current_password"
    services.accounts.change_password(principal, "correct horse", "new password 1")
    with pytest.raises(dogcare.AuthenticationError):
        services.accounts.authenticate(token)
    services.accounts.login(username + "x", "new password 1")


def test_logout_everywhere(services: Services) -> None:
    username, principal = services.new_user()
    token = services.accounts.login(username, "correct horse").access_token
    services.accounts.logout_everywhere(principal)
    with pytest.raises(dogcare.AuthenticationError):
        services.accounts.authenticate(token)


def test_delete_account(services: Services) -> None:
    username, principal = services.new_user()
    services.accounts.delete_account(principal)
    with pytest.raises(dogcare.AuthenticationError):
        services.accounts.me(principal)
    with pytest.raises(dogcare.AuthenticationError):
        services.accounts.login(username, "correct horse")


def test_password_reset_through_a_python_mailer(services: Services) -> None:
    username, _ = services.new_user(email=None)
    address = f"{username}@example.org"
    services.accounts.register(username=username + "r", password="correct horse", email=address)
    services.accounts.request_password_reset("nobody@example.org")
    assert services.mailbox.sent == []
    services.accounts.request_password_reset(address)
    (mail,) = services.mailbox.sent
    assert mail.to == address
    match = re.search(r"reset_token=(\S+)", mail.text)
    assert match
    services.accounts.confirm_password_reset(match.group(1), "brand new password")
    services.accounts.login(username + "r", "brand new password")
    with pytest.raises(dogcare.ValidationError):
        services.accounts.confirm_password_reset(match.group(1), "another new password")


def test_password_reset_without_a_mailer_is_unavailable(services: Services) -> None:
    accounts = make_accounts(services.database, None)
    with pytest.raises(dogcare.Unavailable):
        accounts.request_password_reset("someone@example.org")

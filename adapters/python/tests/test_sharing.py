"""Sharing a dog with professionals through the module: profiles, invitations
by account or one-time code, grants, and the library's access rule seen from
Python (the same operations as the REST routes)."""

from __future__ import annotations

import datetime as dt

import pytest

import dogcare
from tests.conftest import Services

READ = dogcare.ShareScope.READ


def test_professional_profile_is_set_read_and_cleared(services: Services) -> None:
    _, professional = services.new_user()
    assert services.professionals.profile(professional) is None
    profile = services.professionals.set_profile(
        professional,
        display_name="Bob Dupont",
        kind=dogcare.ProfessionalKind.BEHAVIOURIST,
        organisation="Club canin",
    )
    assert profile.kind == dogcare.ProfessionalKind.BEHAVIOURIST and profile.contact is None
    assert isinstance(profile.updated_at, dt.datetime) and profile.updated_at.tzinfo
    assert services.professionals.profile(professional) == profile
    services.professionals.clear_profile(professional)
    assert services.professionals.profile(professional) is None
    services.professionals.clear_profile(professional)  # nothing to remove is fine


def test_profile_errors_name_the_field(services: Services) -> None:
    _, professional = services.new_user()
    with pytest.raises(dogcare.ValidationError) as caught:
        services.professionals.set_profile(
            professional, display_name="", kind=dogcare.ProfessionalKind.VET, organisation="o" * 201
        )
    fields = {v.field: v for v in caught.value.violations}
    assert fields.keys() >= {"display_name", "organisation"}
    assert fields["organisation"].rule == "too_long" and fields["organisation"].max == 200
    limits = {f.name: f for f in dogcare.fields(dogcare.ProfessionalProfileInput)}
    assert limits["display_name"].max_length == 100 and limits["contact"].max_length == 254
    assert services.professionals.profile(professional) is None


def test_code_flow_professional_reads_and_cannot_write_until_revoked(services: Services) -> None:
    _, owner = services.new_user()
    owner_name = services.accounts.me(owner).username
    _, professional = services.new_user()
    dog = services.dogs.list(owner)[0]
    observation = services.observations.create(
        owner, date=dt.date.today(), severity=4, comment="vélo au parc", triggers=["vélo"]
    )

    code = services.sharing.create_code(owner, dog.id, scope=dogcare.ShareScope.READ_COMMENT)
    assert len(code.code) == 43 and code.code not in repr(code) and "<hidden>" in repr(code)
    assert [i.id for i in services.sharing.list_for_dog(owner, dog.id).invitations] == [
        code.invitation_id
    ]
    held = services.sharing.accept_code(professional, code.code)
    assert (held.dog_id, held.dog_name, held.owner_name, held.scope) == (
        dog.id,
        dog.name,
        owner_name,
        dogcare.ShareScope.READ_COMMENT,
    )
    with pytest.raises(dogcare.NotFound):
        services.sharing.accept_code(professional, code.code)  # single use
    assert services.sharing.held(professional) == [held]
    [share] = services.sharing.list_for_dog(owner, dog.id).shares
    assert share.id == held.id and share.profile is None

    # Reads of the shared dog, with the owner's names.
    assert services.dogs.get(professional, dog.id).name == dog.name
    assert services.observations.get(professional, observation.id).comment == "vélo au parc"
    page = services.observations.search(professional, dogcare.SearchQuery(dog_id=dog.id))
    assert [o.triggers[0].name for o in page.items] == ["vélo"]
    today = dt.date.today()
    month = services.calendar.month(professional, dog_id=dog.id, year=today.year, month=today.month)
    assert [d.band for d in month.days] == [dogcare.SeverityBand.RED]
    report = services.analytics.report(professional, dogcare.AnalyticsQuery(dog_id=dog.id))
    assert report.observations == 1
    csv = "".join(
        services.observations.export_csv_chunks(professional, dogcare.SearchQuery(dog_id=dog.id))
    )
    assert "vélo au parc" in csv
    assert services.observations.search(professional, dogcare.SearchQuery()).items == []

    # Writes stay the owner's.
    with pytest.raises(dogcare.NotFound):
        services.observations.update(professional, observation.id, severity=1)
    with pytest.raises(dogcare.NotFound):
        services.dogs.remove(professional, dog.id)
    with pytest.raises(dogcare.NotFound):
        services.sharing.create_code(professional, dog.id, scope=READ)

    services.sharing.revoke(owner, held.id)
    with pytest.raises(dogcare.NotFound):
        services.dogs.get(professional, dog.id)
    assert services.sharing.held(professional) == []


def test_invitation_answers_alike_and_is_accepted_by_its_addressee(services: Services) -> None:
    _, owner = services.new_user()
    username, professional = services.new_user(email="pro@example.org")
    dog = services.dogs.list(owner)[0]
    known = services.sharing.invite(owner, dog.id, professional=username, scope=READ)
    unknown = services.sharing.invite(owner, dog.id, professional="nobody_at_all", scope=READ)
    assert type(known) is type(unknown) and known.invitee == username
    assert unknown.invitee == "nobody_at_all"
    assert abs(known.expires_at - unknown.expires_at) < dt.timedelta(seconds=5)
    [offered] = services.sharing.invitations(professional)
    assert offered.id == known.id and offered.expires_at is not None
    held = services.sharing.accept(professional, offered.id)
    assert services.sharing.held(professional) == [held]
    services.sharing.cancel_invitation(owner, unknown.id)
    assert services.sharing.list_for_dog(owner, dog.id).invitations == []
    services.sharing.leave(professional, held.id)
    with pytest.raises(dogcare.NotFound):
        services.dogs.get(professional, dog.id)


def test_sharing_rules_name_the_field(services: Services) -> None:
    owner_name, owner = services.new_user()
    _, stranger = services.new_user()
    dog = services.dogs.list(owner)[0]
    with pytest.raises(dogcare.ValidationError) as caught:
        services.sharing.invite(owner, dog.id, professional=owner_name, scope=READ)
    assert caught.value.field == "professional"
    code = services.sharing.create_code(owner, dog.id, scope=READ)
    with pytest.raises(dogcare.ValidationError) as caught:
        services.sharing.accept_code(owner, code.code)
    assert caught.value.field == "code"
    for call in (
        lambda: services.sharing.list_for_dog(stranger, dog.id),
        lambda: services.sharing.create_code(stranger, dog.id, scope=READ),
        lambda: services.sharing.cancel_invitation(stranger, code.invitation_id),
    ):
        with pytest.raises(dogcare.NotFound):
            call()


def test_the_twenty_first_professional_is_refused(services: Services) -> None:
    _, owner = services.new_user()
    dog = services.dogs.list(owner)[0]
    codes = [services.sharing.create_code(owner, dog.id, scope=READ) for _ in range(21)]
    for code in codes[:20]:
        services.sharing.accept_code(services.new_user()[1], code.code)
    with pytest.raises(dogcare.Conflict) as caught:
        services.sharing.accept_code(services.new_user()[1], codes[20].code)
    assert caught.value.field == "dog_id"
    assert len(services.sharing.list_for_dog(owner, dog.id).shares) == 20


def test_the_client_board_lists_the_shared_dogs_who_needs_attention_first(
    services: Services,
) -> None:
    _, professional = services.new_user()
    assert services.client_board.report(professional).clients == []
    today = dogcare.today(professional)
    owners = {}
    for name in ("Calme", "Vif"):
        _, owner = services.new_user()
        dog = services.dogs.create(owner, name=name)
        code = services.sharing.create_code(owner, dog.id, scope=READ)
        owners[name] = (owner, dog, services.sharing.accept_code(professional, code.code))
    owner, vif, _ = owners["Vif"]
    for days_ago in (0, 1, 2):
        services.observations.create(
            owner, dog_id=vif.id, date=today - dt.timedelta(days=days_ago), severity=5
        )
    board = services.client_board.report(professional)
    assert board.today == today
    assert [c.dog_name for c in board.clients] == ["Vif", "Calme"]
    first, second = board.clients
    assert first.strong_days == 3 and first.alerts.strong_days and first.last_entry == today
    assert first.days_since_last_entry == 0 and first.scope == READ
    assert second.last_entry is None and second.alerts.no_recent_entry
    assert second.owner_name == services.accounts.me(owners["Calme"][0]).username
    services.sharing.leave(professional, owners["Vif"][2].id)
    assert [c.dog_name for c in services.client_board.report(professional).clients] == ["Calme"]

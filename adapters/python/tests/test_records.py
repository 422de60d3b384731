"""Records bound from the library's descriptions; patches; violations."""

from __future__ import annotations

import datetime as dt

import pytest

import dogcare
from tests.conftest import Services


def test_unset_is_a_documented_singleton() -> None:
    assert repr(dogcare.UNSET) == "UNSET" and not dogcare.UNSET
    assert isinstance(dogcare.UNSET, dogcare.UnsetType)
    assert "leave the field as it is" in (dogcare.UnsetType.__doc__ or "")
    with pytest.raises(TypeError):
        dogcare.UnsetType()
    patch = dogcare.DogPatch()
    assert patch.name is dogcare.UNSET and patch.breed is dogcare.UNSET


def test_a_record_is_a_keyword_only_value_object() -> None:
    made = dogcare.DogInput(name="Rex", breed="Berger")
    assert made == dogcare.DogInput(name="Rex", breed="Berger", birth_date=None, notes=None)
    assert made != dogcare.DogInput(name="Rex")
    assert repr(made) == "DogInput(name='Rex', breed='Berger', birth_date=None, notes=None)"
    assert dogcare.DogInput.__fields__ == ("name", "breed", "birth_date", "notes")
    assert dogcare.DogInput.name.__doc__ == "The dog's name."
    with pytest.raises(TypeError):
        dogcare.DogInput("Rex")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        dogcare.DogInput()  # type: ignore[call-arg]  # name is required
    # Defaults are the library's (a default-constructed SearchQuery), not restated here.
    query = dogcare.SearchQuery()
    assert query.limit == dogcare.DEFAULT_PAGE_SIZE and query.total is False
    assert query.trigger == [] and query.from_ is None
    query.cursor = "abc"
    assert query.to_dict()["cursor"] == "abc"


def test_secrets_stay_out_of_reprs() -> None:
    registration = dogcare.Registration(username="alice", password="correct horse")
    assert "correct horse" not in repr(registration) and "<hidden>" in repr(registration)
    assert registration.password == "correct horse"


def test_enums_follow_their_descriptions() -> None:
    assert [k.name for k in dogcare.CatalogKind] == ["TRIGGER", "REACTION"]
    assert [p.name for p in dogcare.Period] == [
        "ALL",
        "THIS_YEAR",
        "THIS_MONTH",
        "THIS_WEEK",
        "CUSTOM",
    ]


def test_fields_give_every_limit() -> None:
    fields = {f.name: f for f in dogcare.fields(dogcare.ObservationInput)}
    assert list(fields) == [
        "dog_id",
        "date",
        "severity",
        "comment",
        "triggers",
        "reactions",
        "distance_m",
        "recovery_min",
        "handler_action",
    ]
    severity = fields["severity"]
    assert severity.required and (severity.min, severity.max) == (1, 5)
    assert severity.doc.startswith("How strong the reaction was")
    assert fields["distance_m"].max == 100000 and fields["recovery_min"].max == 1440
    assert fields["date"].earliest == dt.date(1990, 1, 1)
    assert fields["date"].latest_after_today == 0  # the owner's today, in their time zone
    assert fields["triggers"].max_items == 50 and fields["triggers"].max_length == 100
    assert fields["comment"].max_length == 2000 and fields["comment"].multiline
    assert fields["comment"].min_length is None and fields["comment"].min is None
    assert not fields["dog_id"].required and fields["dog_id"].format == "uuid"
    username = dogcare.fields(dogcare.Registration)[0]
    assert (username.min_length, username.max_length) == (3, 50)
    assert username.characters == "A-Za-z0-9._-"
    assert dogcare.fields(dogcare.Registration)[1].write_only
    # The Python attribute of a field named like a Python keyword.
    (from_,) = [f for f in dogcare.fields(dogcare.SearchQuery) if f.name == "from"]
    assert from_.attribute == "from_"
    with pytest.raises(TypeError):
        dogcare.fields(dogcare.Dogs)


def test_dog_patch_keeps_clears_and_sets(services: Services) -> None:
    _, principal = services.new_user()
    dog = services.dogs.create(
        principal, name="Luna", breed="Border collie", birth_date=dt.date(2020, 5, 1)
    )
    kept = services.dogs.update(principal, dog.id, notes="joueuse")
    assert (kept.name, kept.breed, kept.birth_date) == (
        "Luna",
        "Border collie",
        dt.date(2020, 5, 1),
    )
    assert kept.notes == "joueuse"
    cleared = services.dogs.update(principal, dog.id, breed=None, birth_date=None)
    assert cleared.breed is None and cleared.birth_date is None and cleared.notes == "joueuse"
    explicit = services.dogs.update(principal, dog.id, name=dogcare.UNSET, notes=dogcare.UNSET)
    assert explicit.name == "Luna" and explicit.notes == "joueuse"
    # A required field cannot be cleared.
    with pytest.raises(dogcare.ValidationError) as caught:
        services.dogs.update(principal, dog.id, name=None)
    assert caught.value.violations[0].field == "name"
    assert caught.value.violations[0].rule == "required"


def test_observation_patch_keeps_clears_and_sets(services: Services) -> None:
    _, principal = services.new_user()
    first = services.observations.create(
        principal,
        date=dt.date(2025, 3, 1),
        severity=2,
        comment="au parc",
        triggers=["vélo"],
        distance_m=30,
        recovery_min=5,
        handler_action="demi-tour",
    )
    kept = services.observations.update(principal, first.id, severity=4)
    assert kept.severity == 4 and kept.distance_m == 30 and kept.recovery_min == 5
    assert [t.name for t in kept.triggers] == ["vélo"] and kept.comment == "au parc"
    cleared = services.observations.update(
        principal, first.id, distance_m=None, triggers=None, handler_action=None
    )
    assert cleared.distance_m is None and cleared.triggers == []
    assert cleared.handler_action is None and cleared.recovery_min == 5
    assert cleared.comment == "au parc" and cleared.severity == 4
    set_again = services.observations.update(principal, first.id, distance_m=12, comment=None)
    assert set_again.distance_m == 12 and set_again.comment == ""


def test_profile_patch_keeps_clears_and_sets(services: Services) -> None:
    username, principal = services.new_user(email=None)
    with_email = services.accounts.update_profile(principal, email=f"{username}@example.org")
    assert with_email.email == f"{username}@example.org" and with_email.username == username
    kept = services.accounts.update_profile(principal)
    assert kept.email == f"{username}@example.org"
    assert services.accounts.update_profile(principal, email=None).email is None


def test_violations_list_every_bad_field(services: Services) -> None:
    _, principal = services.new_user()
    with pytest.raises(dogcare.ValidationError) as caught:
        services.observations.create(
            principal,
            date=dt.date(1980, 1, 1),
            severity=9,
            comment="x" * 2001,
            distance_m=-1,
        )
    error = caught.value
    by_field = {v.field: v for v in error.violations}
    assert set(by_field) == {"date", "severity", "comment", "distance_m"}
    assert error.field == error.violations[0].field
    assert by_field["severity"] == dogcare.Violation(
        field="severity",
        rule="out_of_range",
        min=1,
        max=5,
        message=by_field["severity"].message,
    )
    assert by_field["comment"].rule == "too_long" and by_field["comment"].max == 2000
    assert by_field["date"].rule == "too_early"
    assert by_field["date"].earliest == dt.date(1990, 1, 1)
    assert by_field["date"].latest is not None
    assert "severity" in by_field["severity"].message  # English, for logs

    with pytest.raises(dogcare.ValidationError) as caught:
        services.observations.create(
            principal, date=dt.date.today() + dt.timedelta(days=3), severity=3
        )
    (late,) = caught.value.violations
    assert late.rule == "too_late" and late.latest is not None
    assert late.latest > dt.date.today() - dt.timedelta(days=1)

    with pytest.raises(dogcare.ValidationError) as caught:
        services.accounts.register(username="a b", password="short")
    rules = {(v.field, v.rule) for v in caught.value.violations}
    assert rules == {("username", "invalid_format"), ("password", "too_short")}


def test_other_errors_have_no_violations(services: Services) -> None:
    _, principal = services.new_user()
    with pytest.raises(dogcare.NotFound) as caught:
        services.dogs.get(principal, "0190a0a0-0000-7000-8000-000000000000")
    assert caught.value.violations == []


def test_calendar_and_onboarding_take_their_records_fields(services: Services) -> None:
    _, principal = services.new_user()
    triggers = services.catalog.defaults(dogcare.CatalogKind.TRIGGER)
    services.catalog.onboard(principal, trigger_ids=[triggers[0].id], dog_name="Rex")
    assert [i.name for i in services.catalog.list(principal, dogcare.CatalogKind.TRIGGER)] == [
        triggers[0].name
    ]
    with pytest.raises(dogcare.ValidationError) as caught:
        services.calendar.month(principal, year=2025, month=13)
    assert caught.value.violations[0].rule == "out_of_range"

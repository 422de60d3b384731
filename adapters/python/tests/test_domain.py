from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest

import dogcare
from tests.conftest import Services

TRIGGER = dogcare.CatalogKind.TRIGGER
REACTION = dogcare.CatalogKind.REACTION


def onboarded(services: Services) -> dogcare.Principal:
    _, principal = services.new_user()
    triggers = services.catalog.defaults(TRIGGER)
    reactions = services.catalog.defaults(REACTION)
    services.catalog.onboard(
        principal,
        trigger_ids=[t.id for t in triggers[:3]],
        reaction_ids=[r.id for r in reactions[:2]],
        dog_name="Rex",
    )
    return principal


def test_dogs_crud(services: Services) -> None:
    _, principal = services.new_user()
    dog = services.dogs.create(
        principal, name="Luna", breed="Border collie", birth_date=dt.date(2020, 5, 1)
    )
    assert dog.birth_date == dt.date(2020, 5, 1) and "Luna" in repr(dog)
    assert services.dogs.get(principal, dog.id) == dog
    renamed = services.dogs.update(principal, dog.id, name="Lune", birth_date=None)
    assert renamed.name == "Lune" and renamed.birth_date is None
    assert [d.name for d in services.dogs.list(principal)] == ["Mon chien", "Lune"]
    services.dogs.remove(principal, dog.id)
    with pytest.raises(dogcare.NotFound):
        services.dogs.get(principal, dog.id)
    with pytest.raises(dogcare.ValidationError) as caught:
        services.dogs.create(principal, name="")
    assert caught.value.field == "name"


def test_catalog_onboarding_and_management(services: Services) -> None:
    principal = onboarded(services)
    assert services.accounts.me(principal).onboarded
    assert [d.name for d in services.dogs.list(principal)] == ["Rex"]
    defaults = services.catalog.defaults(TRIGGER)
    assert {"bruit", "vélo"} <= {d.name for d in defaults}
    triggers = services.catalog.list(principal, TRIGGER)
    assert len(triggers) == 3
    created = services.catalog.create(principal, TRIGGER, "Tondeuse")
    with pytest.raises(dogcare.Conflict):
        services.catalog.create(principal, TRIGGER, "tondeuse")
    renamed = services.catalog.rename(principal, TRIGGER, created.id, "Souffleur")
    assert services.catalog.get(principal, TRIGGER, created.id) == renamed
    services.catalog.remove(principal, TRIGGER, created.id)
    assert created.id not in {t.id for t in services.catalog.list(principal, TRIGGER)}


def test_observations_crud_search_and_export(services: Services) -> None:
    principal = onboarded(services)
    first = services.observations.create(
        principal,
        date=dt.date(2025, 3, 1),
        severity=2,
        comment="Vélo au loin",
        triggers=["vélo"],
        reactions=["Aboiement"],
        distance_m=30,
    )
    assert [t.name for t in first.triggers] == ["vélo"]
    assert first.distance_m == 30 and first.date == dt.date(2025, 3, 1)
    for day in range(2, 8):
        services.observations.create(
            principal, date=dt.date(2025, 3, day), severity=day % 5 + 1, triggers=["Skate"]
        )
    updated = services.observations.update(
        principal, first.id, severity=5, distance_m=None, handler_action="demi-tour"
    )
    assert updated.severity == 5 and updated.distance_m is None
    assert services.observations.get(principal, first.id) == updated

    page = services.observations.search(principal, dogcare.SearchQuery(limit=3, total=True))
    assert page.total == 7 and len(page.items) == 3 and page.next_cursor
    seen = [o.id for o in page.items]
    while page.next_cursor:
        page = services.observations.search(
            principal, dogcare.SearchQuery(limit=3, cursor=page.next_cursor)
        )
        seen += [o.id for o in page.items]
    assert len(set(seen)) == 7
    found = services.observations.search(principal, dogcare.SearchQuery(q="VELO"))
    assert [o.id for o in found.items] == [first.id]
    by_severity = services.observations.search(principal, dogcare.SearchQuery(severity=[5]))
    assert first.id in {o.id for o in by_severity.items}

    text = "".join(services.observations.export_csv_chunks(principal, dogcare.SearchQuery()))
    assert text.splitlines()[0].startswith("date,")
    assert len(text.strip().splitlines()) == 8
    sink = io.StringIO()
    services.observations.export_csv(principal, dogcare.SearchQuery(q="vélo"), sink)
    assert "demi-tour" in sink.getvalue()

    services.observations.remove(principal, first.id)
    with pytest.raises(dogcare.NotFound):
        services.observations.get(principal, first.id)
    with pytest.raises(dogcare.ValidationError) as caught:
        services.observations.create(principal, date=dt.date(2025, 3, 1), severity=6)
    assert caught.value.field == "severity"


def test_calendar_month(services: Services) -> None:
    principal = onboarded(services)
    for day, severity in [(3, 1), (3, 3), (10, 5), (20, 2)]:
        services.observations.create(principal, date=dt.date(2025, 4, day), severity=severity)
    month = services.calendar.month(principal, year=2025, month=4)
    bands = {d.date.day: (d.max_severity, d.band) for d in month.days}
    assert bands == {
        3: (3, dogcare.SeverityBand.ORANGE),
        10: (5, dogcare.SeverityBand.RED),
        20: (2, dogcare.SeverityBand.GREEN),
    }
    assert len(month.days[0].observations) == 2
    assert dogcare.band_for(4) == dogcare.SeverityBand.RED


def test_analytics_report_converts_to_pandas(services: Services) -> None:
    principal = onboarded(services)
    for day in range(1, 15):
        services.observations.create(
            principal,
            date=dt.date(2025, 5, day),
            severity=5 if day < 7 else 1,
            triggers=["vélo", "chien"] if day % 2 else ["chien"],
            reactions=["aboiement"],
        )
    services.observations.create(principal, date=dt.date(2025, 4, 2), severity=1)
    report = services.analytics.report(
        principal,
        dogcare.AnalyticsQuery(
            period=dogcare.Period.CUSTOM,
            from_=dt.date(2025, 5, 1),
            to=dt.date(2025, 5, 31),
            month=dt.date(2025, 5, 1),
        ),
    )
    assert report.observations == 14
    frame = pd.DataFrame([row.to_dict() for row in report.trigger_severity])
    assert set(frame.columns) >= {"trigger", "severity", "count"}
    assert int(frame["count"].sum()) == 14 + 7
    daily = pd.DataFrame([d.to_dict() for d in report.daily])
    assert len(daily) == 14 and daily["rolling_mean"].iloc[-1] == pytest.approx(1.0)
    (reaction,) = report.reactions
    assert reaction.count == 14 and reaction.triggers[0].trigger == "chien"
    assert report.high_intensity.month == dt.date(2025, 5, 1)
    assert report.high_intensity.high == 6 and report.high_intensity.previous_total == 1
    assert report.trend.direction == dogcare.TrendDirection.IMPROVING
    assert report.to_dict()["trend"]["days"] == 14


def test_another_user_sees_nothing(services: Services) -> None:
    owner = onboarded(services)
    other = onboarded(services)
    observation = services.observations.create(owner, date=dt.date(2025, 1, 1), severity=3)
    dog = services.dogs.list(owner)[0]
    with pytest.raises(dogcare.NotFound):
        services.observations.get(other, observation.id)
    with pytest.raises(dogcare.NotFound):
        services.observations.update(other, observation.id, severity=1)
    with pytest.raises(dogcare.NotFound):
        services.dogs.get(other, dog.id)
    assert services.observations.search(other, dogcare.SearchQuery()).items == []
    assert services.calendar.month(other, year=2025, month=1).days == []


def test_database_handle(services: Services) -> None:
    database = services.database
    assert database.schema_version() == dogcare.Database.latest_schema_version()
    assert database.ready()
    stats = database.pool_stats()
    assert stats.capacity == 16 and stats.in_use == 0
    assert database.dialect in (dogcare.Dialect.SQLITE, dogcare.Dialect.POSTGRESQL)


def test_unreachable_database_is_unavailable() -> None:
    with pytest.raises(dogcare.Unavailable):
        dogcare.Database(
            "Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=1;Database=x;Uid=x;Pwd=x;"
        )

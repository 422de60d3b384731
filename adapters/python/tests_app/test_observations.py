"""Register -> onboarding -> observations -> calendar, search, CSV, analytics; edit, delete."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import app_test

import dogcare
from tests_app.conftest import PASSWORD, Ui, fr

TODAY = dt.date.today()
FIRST = TODAY.replace(day=1)


@pytest.fixture
def media(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryMediaFileStorage]:
    """One media store kept across runs, so a download button's bytes can be read."""
    storage = MemoryMediaFileStorage("/mock/media")
    monkeypatch.setattr(app_test, "MemoryMediaFileStorage", lambda _endpoint: storage)
    yield storage


def download_bytes(ui: Ui, storage: MemoryMediaFileStorage) -> bytes:
    (button,) = ui.at.get("download_button")
    url = button.proto.url
    return storage.get_file(url.rsplit("/", 1)[-1]).content


def prepared_csv(ui: Ui, storage: MemoryMediaFileStorage) -> str:
    """The CSV is built only when asked: no download before the click, the file after."""
    assert not ui.at.get("download_button")
    ui.click(fr("prepare_csv"))
    return download_bytes(ui, storage).decode()


def library_csv(username: str, query: dogcare.SearchQuery) -> str:
    """The library's own export for `username`, on the test's database."""
    database = dogcare.Database(os.environ["DOGCARE_DATABASE"])
    try:
        keys = dogcare.load_signing_keys(os.environ["DOGCARE_JWT_KEYS_FILE"])
        who = dogcare.Accounts(database, keys).login(username, PASSWORD).principal
        return "".join(dogcare.Observations(database).export_csv_chunks(who, query))
    finally:
        database.close()


def charts(ui: Ui) -> list[dict[str, object]]:
    return [json.loads(chart.proto.spec) for chart in ui.at.get("plotly_chart")]


def recorded(ui: Ui) -> Ui:
    """celia, onboarded with some of the defaults, two observations of Rex."""
    ui.run().register("celia")
    assert ui.title == "👋 " + fr("first_login")
    triggers = ui.multiselect(fr("triggers"))
    assert "vélo" in triggers.options and triggers.value == triggers.options  # all offered
    assert ui.multiselect(fr("triggers")).placeholder == fr("choose_options")
    ui.onboard("Rex", triggers=["vélo", "chien"], reactions=["aboiement", "fuite"])
    assert ui.title == "📝 " + fr("new_observation")
    assert ui.selectbox(fr("current_dog")).value is not None
    # Only what was picked at onboarding was copied.
    assert ui.multiselect(fr("triggers")).options == ["chien", "vélo"]
    ui.observe(
        comment="Grosse réaction au parc",
        severity=4,
        triggers=["vélo"],
        new_triggers="tondeuse, camion poubelle",
        reactions=["aboiement"],
        distance=15,
    )
    assert ui.successes == [fr("saved")]
    ui.observe(comment="Calme au marché", severity=1, date=FIRST, triggers=["chien"])
    assert ui.successes == [fr("saved")]
    # The typed names joined the catalog.
    assert "tondeuse" in ui.multiselect(fr("triggers")).options
    return ui


def test_observations_appear_in_calendar_search_csv_and_analytics(
    ui: Ui, media: MemoryMediaFileStorage
) -> None:
    recorded(ui)

    ui.open(fr("calendar"))
    grid = "".join(str(h.proto.body) for h in ui.at.get("html"))
    assert "★★★★" in grid and "1 obs." in grid
    assert "#e53935" in grid  # the severity-4 day is red
    (table,) = ui.at.dataframe
    assert set(table.value[fr("comment")]) == {"Grosse réaction au parc", "Calme au marché"}

    ui.open(fr("search"))
    assert fr("results", n=2) in [m.value for m in ui.at.markdown]
    csv = prepared_csv(ui, media)
    assert csv == library_csv("celia", dogcare.SearchQuery())
    assert "Grosse réaction au parc" in csv and "Calme au marché" in csv
    assert len(csv.strip().splitlines()) == 3  # header + two rows
    ui.fill(fr("text"), "PARC")  # case-insensitive
    ui.click(fr("search"), index=0)
    assert fr("results", n=1) in [m.value for m in ui.at.markdown]
    assert not ui.at.get("download_button")  # a new search: the old file is gone
    (table,) = ui.at.dataframe
    assert list(table.value[fr("comment")]) == ["Grosse réaction au parc"]
    csv = prepared_csv(ui, media)
    assert csv == library_csv("celia", dogcare.SearchQuery(q="PARC"))
    assert "Grosse réaction au parc" in csv and "Calme au marché" not in csv
    ui.fill(fr("text"), "")
    ui.multiselect(fr("severities")).set_value([1])
    ui.click(fr("search"), index=0)
    (table,) = ui.at.dataframe
    assert list(table.value[fr("comment")]) == ["Calme au marché"]
    ui.multiselect(fr("severities")).set_value([2])
    ui.click(fr("search"), index=0)
    assert fr("results", n=0) in [m.value for m in ui.at.markdown]
    assert not ui.at.get("download_button")

    ui.open(fr("analytics"))
    specs = json.dumps(charts(ui), ensure_ascii=False)
    assert len(charts(ui)) == 4
    for name in ("vélo", "tondeuse", "chien", "aboiement"):
        assert name in specs
    bars = charts(ui)[0]["layout"]
    assert isinstance(bars, dict) and bars["yaxis"]["dtick"] == 1  # whole counts only
    # Both observations fall in this month, one of them at intensity 4.
    assert fr("high_caption", h=1, n=2, ph=0, pn=0) in [c.value for c in ui.at.caption]
    for period in ("all", "year", "month", "week", "cyear", "cmonth", "cweek"):
        ui.at.radio[0].set_value(period)
        ui.run()
        assert len(ui.at.get("plotly_chart")) == 4


def test_edit_and_delete_an_observation(ui: Ui, media: MemoryMediaFileStorage) -> None:
    recorded(ui)
    ui.open(fr("manage"))
    picker = ui.selectbox(fr("pick_observation"))
    assert len(picker.options) == 2
    strong = next(o for o in picker.options if "4/5" in o)
    picker.select_index(picker.options.index(strong))
    ui.run()
    assert ui.text(fr("comment")).value == "Grosse réaction au parc"
    ui.fill(fr("comment"), "Réaction au parc, moins forte")
    ui.at.slider[0].set_value(2)
    ui.multiselect(fr("triggers")).set_value(["tondeuse"])
    ui.click(fr("save"))
    assert ui.successes == [fr("updated")]

    ui.open(fr("search"))
    (table,) = ui.at.dataframe
    row = table.value[table.value[fr("comment")] == "Réaction au parc, moins forte"]
    assert list(row["★"]) == [2] and list(row[fr("triggers")]) == ["tondeuse"]

    ui.open(fr("manage"))
    assert ui.button(fr("delete")).disabled  # not before the confirmation
    ui.at.checkbox[0].check()
    ui.run()
    ui.click(fr("delete"))
    assert ui.successes == [fr("deleted")]
    assert len(ui.selectbox(fr("pick_observation")).options) == 1
    ui.at.checkbox[0].check()
    ui.run()
    ui.click(fr("delete"))
    assert fr("no_observations") in ui.infos

    ui.open(fr("search"))
    assert fr("results", n=0) in [m.value for m in ui.at.markdown]


def test_library_errors_are_messages(ui: Ui) -> None:
    ui.signed_up("celia")
    ui.observe(comment="x", new_triggers="t" * 300)
    (message,) = ui.errors
    assert message.startswith("À corriger — ")
    assert not ui.successes

"""Manage observations: every one of a long history is reachable, a keyset page at a time."""

from __future__ import annotations

import datetime as dt
import os

import dogcare
from tests_app.conftest import PASSWORD, Ui, fr

TODAY = dt.date.today()
HISTORY = 450  # more than the 200 the page once loaded and stopped at


def add_history(username: str) -> None:
    """One observation a day going back, the comment saying how far: "n0" (today) to "n449"."""
    database = dogcare.Database(os.environ["DOGCARE_DATABASE"])
    try:
        keys = dogcare.load_signing_keys(os.environ["DOGCARE_JWT_KEYS_FILE"])
        who = dogcare.Accounts(database, keys).login(username, PASSWORD).principal
        observations = dogcare.Observations(database)
        for back in range(HISTORY):
            observations.create(
                who, date=TODAY - dt.timedelta(days=back), severity=1 + back % 5, comment=f"n{back}"
            )
    finally:
        database.close()


def shown_range(ui: Ui) -> str:
    captions = [str(c.value) for c in ui.at.caption if str(c.value).startswith("Observations ")]
    assert len(captions) == 1, captions
    return captions[0]


def test_the_oldest_of_450_observations_is_reached_by_paging(ui: Ui) -> None:
    ui.signed_up("pat")
    add_history("pat")
    ui.open(fr("manage"))
    assert shown_range(ui) == fr("observation_range", first=1, last=50, total=HISTORY)
    assert ui.button(fr("newer")).disabled
    assert len(ui.selectbox(fr("pick_observation")).options) == 50
    assert ui.text(fr("comment")).value == "n0"  # newest first

    for page in range(2, 10):
        assert not ui.button(fr("older")).disabled
        ui.click(fr("older"))
        first = 1 + 50 * (page - 1)
        assert shown_range(ui) == fr(
            "observation_range", first=first, last=first + 49, total=HISTORY
        )
        assert ui.text(fr("comment")).value == f"n{first - 1}"
    assert ui.button(fr("older")).disabled  # rows 401 to 450: the last page

    picker = ui.selectbox(fr("pick_observation"))
    picker.select_index(len(picker.options) - 1)
    ui.run()
    assert ui.text(fr("comment")).value == f"n{HISTORY - 1}"  # the oldest one, editable
    ui.fill(fr("comment"), "la plus ancienne")
    ui.click(fr("save"))
    assert ui.successes == [fr("updated")]

    ui.click(fr("newer"))
    assert shown_range(ui) == fr("observation_range", first=351, last=400, total=HISTORY)
    assert ui.text(fr("comment")).value == "n350"

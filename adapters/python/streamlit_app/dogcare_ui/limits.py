"""The library's limits, read from the module: the UI restates none of them."""

from __future__ import annotations

import datetime as dt

import dogcare


def field(record: type, name: str) -> dogcare.Field:
    """The description of `record`'s field `name` (its Python attribute name)."""
    for described in dogcare.fields(record):
        if described.attribute == name:
            return described
    raise KeyError(f"{record.__name__} has no field {name}")


def bounds(record: type, name: str) -> tuple[int, int]:
    """An integer field's inclusive range."""
    described = field(record, name)
    assert described.min is not None and described.max is not None, described
    return described.min, described.max


def latest_date(record: type, name: str, today: dt.date) -> dt.date | None:
    """The last date a date field accepts: the user's today plus the library's allowance."""
    after = field(record, name).latest_after_today
    if after is None:
        return None
    return today + dt.timedelta(days=after)


def earliest_date(record: type, name: str) -> dt.date | None:
    return field(record, name).earliest

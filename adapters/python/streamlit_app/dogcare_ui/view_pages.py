"""Calendar, search and analytics: reading what was recorded."""

from __future__ import annotations

import calendar as cal
import datetime as dt
import html
import io
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

import dogcare
from dogcare_ui.i18n import choices_placeholder, date_format, language, t
from dogcare_ui.limits import bounds
from dogcare_ui.session import (
    journal_dog,
    require_principal,
    services,
    shared_dogs,
)

YEARS = bounds(dogcare.CalendarQuery, "year")
SEVERITIES = range(
    bounds(dogcare.ObservationInput, "severity")[0],
    bounds(dogcare.ObservationInput, "severity")[1] + 1,
)

BAND_COLOURS = {
    dogcare.SeverityBand.GREEN: "#4caf50",
    dogcare.SeverityBand.ORANGE: "#ff9800",
    dogcare.SeverityBand.RED: "#e53935",
}
SEVERITY_COLOURS = {1: "#81c784", 2: "#4caf50", 3: "#ff9800", 4: "#f4511e", 5: "#c62828"}
MONTHS = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": list(cal.month_name)[1:],
}
WEEKDAYS = {"fr": ["lun", "mar", "mer", "jeu", "ven", "sam", "dim"], "en": list(cal.day_abbr)}


def observation_rows(observations: list[dogcare.Observation], dogs: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                t("date"): o.date,
                t("dog"): dogs.get(o.dog_id, ""),
                "★": o.severity,
                t("triggers"): ", ".join(i.name for i in o.triggers),
                t("reactions"): ", ".join(i.name for i in o.reactions),
                t("comment"): o.comment,
            }
            for o in observations
        ]
    )


def show_rows(frame: pd.DataFrame) -> None:
    """A table of observations, dates written the way the UI's language writes them."""
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        column_config={t("date"): st.column_config.DateColumn(format=date_format())},
    )


BAND_SQUARES = {
    dogcare.SeverityBand.GREEN: "🟩",
    dogcare.SeverityBand.ORANGE: "🟧",
    dogcare.SeverityBand.RED: "🟥",
}


def band_legend() -> str:
    """The calendar legend (each colour and its severities), from the library's bands."""
    parts = []
    for band, square in BAND_SQUARES.items():
        levels = [s for s in SEVERITIES if dogcare.band_for(s) == band]
        if levels:
            span = str(levels[0]) if len(levels) == 1 else f"{levels[0]}–{levels[-1]}"
            parts.append(f"{square} {span}")
    return "   ".join(parts)


def month_grid(year: int, month: int, days: dict[int, dogcare.CalendarDay]) -> str:
    """A month as an HTML grid: no component, nothing fetched from the internet."""
    names = WEEKDAYS[language()]
    cells = [f'<div class="dc-head">{name}</div>' for name in names]
    for week in cal.Calendar(firstweekday=0).monthdayscalendar(year, month):
        for day in week:
            if day == 0:
                cells.append('<div class="dc-day dc-empty"></div>')
                continue
            entry = days.get(day)
            if entry is None:
                cells.append(f'<div class="dc-day"><span>{day}</span></div>')
                continue
            colour = BAND_COLOURS[entry.band]
            count = len(entry.observations)
            tip = html.escape("; ".join(o.comment for o in entry.observations if o.comment))
            cells.append(
                f'<div class="dc-day dc-marked" style="background:{colour}" title="{tip}">'
                f"<span>{day}</span><small>{'★' * entry.max_severity}</small>"
                f"<small>{count} obs.</small></div>"
            )
    style = (
        "<style>.dc-grid{display:grid;grid-template-columns:repeat(7,1fr);gap:6px}"
        ".dc-head{text-align:center;font-weight:600;color:#555;padding:4px}"
        ".dc-day{min-height:74px;border-radius:10px;background:#f3f4f6;padding:6px 8px;"
        "display:flex;flex-direction:column;font-family:sans-serif}"
        ".dc-day span{font-weight:600}.dc-empty{background:transparent}"
        ".dc-marked{color:white}.dc-marked small{line-height:1.3}</style>"
    )
    return style + '<div class="dc-grid">' + "".join(cells) + "</div>"


def _month_choice(column: DeltaGenerator, today: dt.date) -> int:
    """A month of the year by its name in the session's language; this month first."""
    return int(
        column.selectbox(
            t("month"),
            range(1, 13),
            index=today.month - 1,
            format_func=lambda m: MONTHS[language()][m - 1].capitalize(),
        )
    )


def calendar_page() -> None:
    who = require_principal()
    st.title(f"📅 {t('calendar')}")
    dog_id, dogs = journal_dog(who, "calendar_dog")
    today = dogcare.today(who)
    left, right = st.columns(2)
    year = int(left.number_input(t("year"), *YEARS, today.year))
    month = _month_choice(right, today)
    result = services().calendar.month(who, dog_id=dog_id, year=year, month=month)
    days = {day.date.day: day for day in result.days}
    st.subheader(f"{MONTHS[language()][month - 1].capitalize()} {year}")
    st.html(month_grid(year, month, days))
    st.caption(band_legend())
    st.subheader(t("month_observations"))
    observations = [o for day in result.days for o in day.observations]
    if not observations:
        st.info(t("no_observations"))
        return
    show_rows(observation_rows(observations, dogs))


def search_page() -> None:
    who = require_principal()
    st.title(f"🔎 {t('search')}")
    catalog = services().catalog
    triggers = {i.name: i.id for i in catalog.list(who, dogcare.CatalogKind.TRIGGER, True)}
    reactions = {i.name: i.id for i in catalog.list(who, dogcare.CatalogKind.REACTION, True)}
    # Dogs shared with me too: their journal, filtered by text, dates and intensity.
    dogs = {d.id: d.name for d in services().dogs.list(who)} | shared_dogs(who)
    with st.form("search"):
        text = st.text_input(t("text"))
        left, right = st.columns(2)
        date_from = left.date_input(t("from"), value=None, format=date_format())
        date_to = right.date_input(t("to"), value=None, format=date_format())
        dog_options: list[str] = ["", *dogs]
        dog_id = st.selectbox(
            t("dog"), dog_options, format_func=lambda i: dogs.get(i, t("all_dogs"))
        )
        chosen_triggers = st.multiselect(
            t("triggers"), list(triggers), placeholder=choices_placeholder(triggers)
        )
        chosen_reactions = st.multiselect(
            t("reactions"), list(reactions), placeholder=choices_placeholder(reactions)
        )
        severities = st.multiselect(
            t("severities"), list(SEVERITIES), placeholder=choices_placeholder(SEVERITIES)
        )
        st.form_submit_button(t("search"), type="primary")
    query = dogcare.SearchQuery(
        q=text or None,
        from_=date_from if isinstance(date_from, dt.date) else None,
        to=date_to if isinstance(date_to, dt.date) else None,
        dog_id=dog_id or None,
        trigger=[triggers[n] for n in chosen_triggers],
        reaction=[reactions[n] for n in chosen_reactions],
        severity=severities,
        limit=bounds(dogcare.SearchQuery, "limit")[1],
        total=True,
    )
    page = services().observations.search(who, query)
    st.write(t("results", n=page.total or 0))
    if page.items:
        show_rows(observation_rows(page.items, dogs))
        # Built only on the run that follows the click, through the library's
        # streamed export: a rerun of the page (a filter, the language) costs no CSV.
        if st.button(t("prepare_csv")):
            csv = io.StringIO()
            services().observations.export_csv(who, query, csv)
            st.download_button(
                t("download_csv"),
                csv.getvalue(),
                file_name="observations.csv",
                mime="text/csv",
                on_click="ignore",
            )


def _period(today: dt.date) -> tuple[dogcare.Period, dt.date | None, dt.date | None]:
    labels = {
        "all": t("p_all"),
        "year": t("p_year"),
        "month": t("p_month"),
        "week": t("p_week"),
        "cyear": t("p_cyear"),
        "cmonth": t("p_cmonth"),
        "cweek": t("p_cweek"),
    }
    choice = st.radio(t("period"), list(labels), format_func=labels.__getitem__, horizontal=True)
    fixed = {
        "all": dogcare.Period.ALL,
        "year": dogcare.Period.THIS_YEAR,
        "month": dogcare.Period.THIS_MONTH,
        "week": dogcare.Period.THIS_WEEK,
    }
    if choice in fixed:
        return fixed[choice], None, None
    if choice == "cweek":
        day = st.date_input(t("week_of"), value=today, format=date_format())
        picked = day if isinstance(day, dt.date) else today
        start = picked - dt.timedelta(days=picked.weekday())
        return dogcare.Period.CUSTOM, start, start + dt.timedelta(days=6)
    left, right = st.columns(2)
    year = int(left.number_input(t("year"), *YEARS, today.year))
    if choice == "cyear":
        return dogcare.Period.CUSTOM, dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = _month_choice(right, today)
    last = cal.monthrange(year, month)[1]
    return dogcare.Period.CUSTOM, dt.date(year, month, 1), dt.date(year, month, last)


def _layout(figure: go.Figure, title: str) -> go.Figure:
    figure.update_layout(title=title, margin={"l": 10, "r": 10, "t": 50, "b": 10}, height=380)
    return figure


def analytics_page() -> None:
    who = require_principal()
    st.title(f"📊 {t('analytics')}")
    today = dogcare.today(who)
    dog_id, _ = journal_dog(who, "analytics_dog")
    period, start, end = _period(today)
    report = services().analytics.report(
        who,
        dogcare.AnalyticsQuery(dog_id=dog_id, period=period, from_=start, to=end),
    )
    direction = report.trend.direction
    trend_text = {
        dogcare.TrendDirection.IMPROVING: ("trend_improving", st.success),
        dogcare.TrendDirection.STABLE: ("trend_stable", st.info),
        dogcare.TrendDirection.WORSENING: ("trend_worsening", st.warning),
        dogcare.TrendDirection.INSUFFICIENT_DATA: ("trend_insufficient", st.info),
    }
    key, show = trend_text[direction]
    show(t(key))
    if report.observations == 0:
        st.info(t("no_observations"))
    left, right = st.columns(2)
    with left:
        bars = go.Figure()
        frame = pd.DataFrame([row.to_dict() for row in report.trigger_severity])
        for severity in SEVERITIES:
            rows = frame[frame["severity"] == severity] if not frame.empty else frame
            if rows.empty:
                continue
            bars.add_bar(
                x=rows["trigger"],
                y=rows["count"],
                name=f"{severity}/{SEVERITIES[-1]}",
                marker_color=SEVERITY_COLOURS[severity],
            )
        bars.update_layout(barmode="stack", yaxis_title=t("count"), showlegend=True)
        highest = int(frame.groupby("trigger")["count"].sum().max()) if not frame.empty else 0
        # Whole numbers only: plotly would label 0.2 steps "0, 0, 0, 1, 1" for small counts.
        bars.update_yaxes(tickformat=",d", rangemode="tozero", dtick=1 if highest <= 10 else None)
        st.plotly_chart(_layout(bars, t("chart_triggers")), width="stretch")
    with right:
        daily = pd.DataFrame([row.to_dict() for row in report.daily])
        line = go.Figure()
        if not daily.empty:
            line.add_scatter(
                x=daily["date"],
                y=daily["mean"],
                mode="markers+lines",
                name=t("daily_mean"),
                line={"color": "#90a4ae"},
            )
            line.add_scatter(
                x=daily["date"],
                y=daily["rolling_mean"],
                mode="lines",
                name=t("rolling_mean"),
                line={"color": "#1e88e5", "width": 3},
            )
        line.update_yaxes(range=[SEVERITIES[0] - 0.5, SEVERITIES[-1] + 0.5])
        line.update_xaxes(type="date", tickformat="%d/%m/%Y")
        if not daily.empty:
            first, last = min(daily["date"]), max(daily["date"])
            if (last - first).days <= 14:
                # A few days: one tick a day, not hours labelled with the same date.
                line.update_xaxes(
                    dtick=24 * 3600 * 1000,
                    range=[first - dt.timedelta(days=1), last + dt.timedelta(days=1)],
                )
        st.plotly_chart(_layout(line, t("chart_daily")), width="stretch")
    left, right = st.columns(2)
    with left:
        hover: list[Any] = [
            "<br>".join(f"{c.trigger}: {c.count}" for c in share.triggers[:8]) or "—"
            for share in report.reactions
        ]
        pie = go.Figure(
            go.Pie(
                labels=[share.reaction for share in report.reactions],
                values=[share.count for share in report.reactions],
                customdata=hover,
                hovertemplate="<b>%{label}</b> (%{value})<br>%{customdata}<extra></extra>",
                hole=0.35,
            )
        )
        st.plotly_chart(_layout(pie, t("chart_reactions")), width="stretch")
    with right:
        high = report.high_intensity
        gauge = go.Figure(
            go.Indicator(
                mode="gauge+number+delta",
                value=round(high.share * 100, 1),
                number={"suffix": " %"},
                delta={
                    "reference": round(high.previous_share * 100, 1),
                    "increasing": {"color": "#e53935"},
                    "decreasing": {"color": "#43a047"},
                },
                gauge={
                    "axis": {"range": [0, 100]},
                    "bar": {"color": "#37474f"},
                    "steps": [
                        {"range": [0, 33], "color": "#c8e6c9"},
                        {"range": [33, 66], "color": "#ffe0b2"},
                        {"range": [66, 100], "color": "#ffcdd2"},
                    ],
                },
            )
        )
        # Room on both sides for the axis' end labels (0 and 100).
        _layout(gauge, t("chart_high")).update_layout(margin={"l": 40, "r": 40})
        st.plotly_chart(gauge, width="stretch")
        st.caption(
            t(
                "high_caption",
                h=high.high,
                n=high.total,
                ph=high.previous_high,
                pn=high.previous_total,
            )
        )

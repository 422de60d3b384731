#!/usr/bin/env python3
"""The analytics page for a user with 10,000 observations: the UI, in-process, over REST.

    .venv/bin/python bench/ui_bench.py [--observations 10000] [--runs 15]

Needs `make python` (the dogcare module in .venv) and `make build` (build/bin/dogcare-server).
On a throw-away SQLite file it creates one user with N observations through the library
(one dog, the default catalog, 1-2 triggers and 1-2 reactions each, spread over five years),
then times, median of --runs after one warm-up each (library and REST in turns, so that a
noisy machine slows both alike):

  page      the whole analytics page in Streamlit's AppTest: the script run, the login check,
            the library call, pandas and the four plotly figures (period "all", the default)
  library   dogcare.Analytics.report() in this process: what the page's data costs
  REST      GET /api/v1/analytics from build/bin/dogcare-server on loopback over the same
            file, on one kept-alive connection with a bearer token, JSON decoded: what the
            same data would cost the UI if it went through the API

and, for a call that carries more data, one search page of 500 observations (the search
page's query) in-process against GET /api/v1/observations?limit=500.

Not part of `make test`; the figures go to docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "adapters" / "python" / "streamlit_app" / "app.py"
SERVER = REPO / "build" / "bin" / "dogcare-server"
PASSWORD = "a long benchmark passphrase"
PAGE = 500  # dogcare.MAX_PAGE_SIZE: what the search page asks for

import dogcare  # noqa: E402


def timed(action: Callable[[], object], runs: int) -> list[float]:
    action()  # warm-up: caches, connections, imports
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def seed(database: dogcare.Database, keys: Path, count: int) -> dogcare.Principal:
    accounts = dogcare.Accounts(database, dogcare.load_signing_keys(str(keys)))
    accounts.register("bench", PASSWORD)
    who = accounts.login("bench", PASSWORD).principal
    catalog = dogcare.Catalog(database)
    triggers = catalog.defaults(dogcare.CatalogKind.TRIGGER)
    reactions = catalog.defaults(dogcare.CatalogKind.REACTION)
    catalog.onboard(
        who,
        trigger_ids=[item.id for item in triggers],
        reaction_ids=[item.id for item in reactions],
        dog_name="Rex",
    )
    trigger_names = [item.name for item in triggers]
    reaction_names = [item.name for item in reactions]
    observations = dogcare.Observations(database)
    pick = random.Random(42)
    today = dt.date.today()
    for n in range(count):
        observations.create(
            who,
            date=today - dt.timedelta(days=pick.randrange(5 * 365)),
            severity=pick.randint(1, 5),
            comment=f"observation {n}",
            triggers=pick.sample(trigger_names, pick.randint(1, 2)),
            reactions=pick.sample(reaction_names, pick.randint(1, 2)),
        )
    return who


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def rest_client(database: Path, keys: Path, work: Path) -> Iterator[Callable[[str], object]]:
    """dogcare-server on loopback over the same file; yields a kept-alive authenticated GET."""
    port = free_port()
    log = (work / "server.log").open("w")
    server = subprocess.Popen(
        [
            str(SERVER),
            "--listen", f"127.0.0.1:{port}",
            "--database", f"sqlite:{database}",
            "--jwt-keys-file", str(keys),
        ],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((work / "server.log").read_text()) from None
                time.sleep(0.2)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        body = json.dumps({"username": "bench", "password": PASSWORD})
        connection.request("POST", "/api/v1/auth/login", body, {"Content-Type": "application/json"})
        token = json.loads(connection.getresponse().read())["access_token"]
        headers = {"Authorization": f"Bearer {token}"}

        def fetch(path: str) -> object:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            data = response.read()
            if response.status != 200:
                raise RuntimeError(f"{response.status}: {data[:300]!r}")
            return json.loads(data)

        yield fetch
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def interleaved(
    first: Callable[[], object], second: Callable[[], object], runs: int
) -> tuple[list[float], list[float]]:
    """Both timed in turns, so that the machine's noise falls on both alike."""
    first()
    second()
    a: list[float] = []
    b: list[float] = []
    for n in range(runs):
        order = [(first, a), (second, b)] if n % 2 == 0 else [(second, b), (first, a)]
        for action, samples in order:
            start = time.perf_counter()
            action()
            samples.append(time.perf_counter() - start)
    return a, b


def page_samples(runs: int) -> list[float]:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=300)
    at.run()
    at.text_input(key="login_username").input("bench")
    at.text_input(key="login_password").input(PASSWORD)
    next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:login")).click()
    at.run()
    pages = {info["page_name"]: page for page, info in at._registered_pages.items()}
    at._page_hash = pages["Analyses"]  # pages are functions: no file to switch_page() to

    def render() -> object:
        at.run()
        if at.exception or len(at.get("plotly_chart")) != 4:
            raise RuntimeError(f"the page did not render: {at.exception}, {at.error}")
        return at

    return timed(render, runs)


def milliseconds(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:8.1f} ms  (min {min(samples) * 1000:.1f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--observations", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    if not SERVER.exists():
        sys.exit(f"{SERVER} is missing: run `make build` first")

    with tempfile.TemporaryDirectory(prefix="dogcare-ui-bench-") as temp:
        work = Path(temp)
        file = work / "dogcare.db"
        keys = work / "jwt-keys"
        keys.write_text("bench=" + "k" * 48 + "\n")
        os.environ.update(DOGCARE_DATABASE=str(file), DOGCARE_JWT_KEYS_FILE=str(keys))
        os.environ.pop("DOGCARE_DATABASE_FILE", None)
        os.environ.pop("DOGCARE_LANGUAGE", None)

        database = dogcare.Database(str(file))
        start = time.perf_counter()
        who = seed(database, keys, options.observations)
        print(f"seeded {options.observations} observations in {time.perf_counter() - start:.1f} s")
        analytics = dogcare.Analytics(database)
        query = dogcare.AnalyticsQuery(period=dogcare.Period.ALL)
        observations = dogcare.Observations(database)
        search_query = dogcare.SearchQuery(limit=PAGE)
        with rest_client(file, keys, work) as fetch:
            library, rest = interleaved(
                lambda: analytics.report(who, query),
                lambda: fetch("/api/v1/analytics"),
                options.runs,
            )
            library_search, rest_search = interleaved(
                lambda: observations.search(who, search_query),
                lambda: fetch(f"/api/v1/observations?limit={PAGE}"),
                options.runs,
            )
        page = page_samples(options.runs)
        database.close()

    print(f"median of {options.runs} runs, {options.observations} observations, period all")
    print(f"  analytics page (AppTest)    {milliseconds(page)}")
    print(f"  library, in-process         {milliseconds(library)}")
    print(f"  REST GET /api/v1/analytics  {milliseconds(rest)}")
    in_process = statistics.median(library)
    print(f"  REST / in-process           {statistics.median(rest) / in_process:8.2f}x")
    print(f"  page / in-process           {statistics.median(page) / in_process:8.2f}x")
    print(f"search, one page of {PAGE}")
    print(f"  library, in-process         {milliseconds(library_search)}")
    print(f"  REST GET /api/v1/observations {milliseconds(rest_search)}")
    ratio = statistics.median(rest_search) / statistics.median(library_search)
    print(f"  REST / in-process           {ratio:8.2f}x")


if __name__ == "__main__":
    main()

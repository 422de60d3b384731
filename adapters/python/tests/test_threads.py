"""The module from many threads: the GIL is released inside the library."""

from __future__ import annotations

import datetime as dt
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import dogcare
from tests.conftest import KEY, Services


def test_threads_progress_while_the_library_works(services: Services) -> None:
    # Costly hashing makes each login a long library call; a Python thread
    # ticking meanwhile would stall for a whole call if the GIL were held.
    accounts = dogcare.Accounts(
        services.database, [KEY], hashing_memory_kib=65536, hashing_iterations=4
    )
    username = services.new_user()[0] + "h"
    accounts.register(username=username, password="correct horse")
    start = time.perf_counter()
    accounts.login(username, "correct horse")
    one_call = time.perf_counter() - start

    done = threading.Event()
    gaps: list[float] = []

    def tick() -> None:
        last = time.perf_counter()
        while not done.is_set():
            time.sleep(0.001)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    ticker = threading.Thread(target=tick)
    ticker.start()
    for _ in range(3):
        accounts.login(username, "correct horse")
    done.set()
    ticker.join()
    assert len(gaps) > 10
    assert max(gaps) < one_call / 2, (max(gaps), one_call)


def test_concurrent_writes_and_reads(services: Services) -> None:
    _, principal = services.new_user()

    def work(i: int) -> int:
        services.observations.create(
            principal, date=dt.date(2025, 6, 1 + i % 28), severity=1 + i % 5, triggers=["bruit"]
        )
        return len(services.observations.search(principal, dogcare.SearchQuery(limit=5)).items)

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(40)))
    assert all(n >= 1 for n in results)
    page = services.observations.search(principal, dogcare.SearchQuery(total=True))
    assert page.total == 40
    catalog = services.catalog.list(principal, dogcare.CatalogKind.TRIGGER)
    assert [c.name for c in catalog] == ["bruit"]

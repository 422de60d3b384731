from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hclmodel import Module, load  # noqa: E402

INFRA = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def infra_dir() -> Path:
    return INFRA


@pytest.fixture(scope="session")
def module() -> Module:
    return load(INFRA)

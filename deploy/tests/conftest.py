"""Shared fixtures of deploy/tests. Generic on purpose: a test file that needs
something of its own defines it in that file (or adds it here, documented).

  repo_root         the checkout
  kustomize         path of the kustomize binary (built from the Go module proxy, cached)
  kustomize_build   function: directory -> list of the resources it builds
  built_overlays    {"dev": [...], "prod": [...]}: deploy/k3s/overlays/*, built once
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest

import k8s_tools


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return k8s_tools.ROOT


@pytest.fixture(scope="session")
def kustomize() -> Path:
    return k8s_tools.kustomize()


@pytest.fixture(scope="session")
def kustomize_build(kustomize: Path) -> Callable[[Path | str], list[dict[str, Any]]]:
    return k8s_tools.build


@pytest.fixture(scope="session")
def built_overlays(kustomize_build: Callable[[Path | str], list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    return {name: kustomize_build(k8s_tools.K3S / "overlays" / name) for name in k8s_tools.OVERLAYS}

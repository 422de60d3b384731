"""Builds the slowest Go tools of the deploy checks (Vault, promtool) ahead of
time: `make test` starts this in the background, at low priority, so a fresh
machine compiles them while the C++ and Python suites mostly wait on I/O.
The checks take the same per-tool locks, so they wait for a build in
progress instead of starting a second one; a failed build here is simply
done again (and reported) by the check that needs the tool."""

from __future__ import annotations

import sys
import traceback

import monitoring_local
import test_vault

if __name__ == "__main__":
    failed = False
    for build in (test_vault.vault_binary, monitoring_local.upstream_promtool):
        try:
            print(f"prefetch: {build.__name__} -> {build()}", flush=True)
        except Exception:  # noqa: BLE001 - reported; the check builds it again
            traceback.print_exc()
            failed = True
    sys.exit(1 if failed else 0)

"""Regenerates src/dogcare/_dogcare.pyi from the installed module.

pybind11-stubgen writes the stubs; a few generic spellings are then made
precise enough for `mypy --strict`. Run after changing cpp/module.cpp:
    .venv/bin/python adapters/python/tools/generate_stubs.py [--check]
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "src" / "dogcare" / "_dogcare.pyi"


def generate() -> str:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pybind11_stubgen",
                "dogcare._dogcare",
                "-o",
                out,
                "--enum-class-locations",
                "Period:dogcare._dogcare",
                "--exit-code",
            ],
            check=True,
            capture_output=True,
        )
        text = (Path(out) / "dogcare" / "_dogcare.pyi").read_text()
    text = text.replace("-> dict:", "-> dict[str, typing.Any]:")
    text = text.replace(
        "__hash__: typing.ClassVar[None] = None",
        "__hash__: typing.ClassVar[None]  # type: ignore[assignment]",
    )
    text = text.replace("typing.ClassVar[tuple]", "typing.ClassVar[tuple[str, ...]]")
    # A one-field tuple is printed without its comma.
    text = re.sub(r"= \('(\w+)'\)\n", r"= ('\1',)\n", text)
    # Enum members are written `NAME = ...` so type checkers see members.
    text = re.sub(r"^    ([A-Z_]+): typing\.ClassVar\[\w+\]$", r"    \1 = ...", text, flags=re.M)
    # Enum classes: the generated untyped __new__ adds nothing to enum.Enum's.
    text = re.sub(r"    @classmethod\n    def __new__\(cls, value\):\n        \.\.\.\n", "", text)
    return text


def main() -> int:
    text = generate()
    if "--check" in sys.argv:
        if TARGET.read_text() != text:
            print(f"{TARGET} is out of date: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

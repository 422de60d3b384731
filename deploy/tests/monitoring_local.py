"""The deploy's Prometheus configuration adapted to loopback, and a real
Prometheus (Debian's /usr/bin/prometheus) to run it.

Used by deploy/tests/test_monitoring.py and by scripts/stack:

    python deploy/tests/monitoring_local.py --api 127.0.0.1:8080 \\
        --prometheus 127.0.0.1:9090 --scrape-interval 5s > prometheus.yml

The jobs that exist outside a cluster keep their names and relabelling; only
their Kubernetes service discovery becomes a static target that carries the
labels discovery would have attached, so the relabelling rules decide, as in
the cluster, whether the target is kept and how it is labelled.
"""

from __future__ import annotations

import argparse
import copy
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests
import yaml

ROOT = Path(__file__).resolve().parents[2]
MONITORING = ROOT / "deploy/k3s/base/monitoring"
PROMETHEUS_YML = MONITORING / "prometheus.yml"
RULES_DIR = MONITORING / "rules"
DASHBOARDS_DIR = MONITORING / "dashboards"
PROMETHEUS = os.environ.get("PROMETHEUS", "/usr/bin/prometheus")

# What Kubernetes service discovery attaches to a running dogcare-api pod
# (role pod, one target per container port), for the local server.
API_POD_DISCOVERY_LABELS = {
    "__meta_kubernetes_namespace": "dogcare",
    "__meta_kubernetes_pod_name": "dogcare-api-local",
    "__meta_kubernetes_pod_label_app_kubernetes_io_name": "dogcare-api",
    "__meta_kubernetes_pod_container_name": "api",
    "__meta_kubernetes_pod_container_port_name": "http",
    "__meta_kubernetes_pod_phase": "Running",
    "__meta_kubernetes_pod_node_name": "localhost",
}

# Jobs of prometheus.yml that only a cluster has, and why. A new job must be
# added either here or to the local ones below (test_monitoring checks).
CLUSTER_ONLY_JOBS = {
    "traefik": "Traefik runs inside K3s (kube-system); nothing serves its metrics locally",
    "cert-manager": "cert-manager's controller runs only in the cluster",
    "kubelet-cadvisor": "cAdvisor is served by each node's kubelet through the API server",
}
LOCAL_JOBS = ("prometheus", "dogcare-api")


# The Prometheus of the cluster (image in prometheus.yaml). Debian's
# Prometheus is built without Kubernetes service discovery, so its promtool
# rejects kubernetes_sd_configs: the deploy's configuration is checked by
# this version's promtool, built from the Go module proxy (module versions
# are v0.X.Y for Prometheus 2.X.Y) and cached like kustomize.
PROMETHEUS_MODULE = ("github.com/prometheus/prometheus", "v0.53.4")


def upstream_promtool() -> Path:
    import k8s_tools  # the Go toolchain and cache shared with kustomize

    with k8s_tools.tool_lock("promtool"):
        return _build_upstream_promtool()


def _build_upstream_promtool() -> Path:
    import k8s_tools

    module, version = PROMETHEUS_MODULE
    binary = k8s_tools.CACHE / "bin" / f"promtool-{version}"
    if binary.exists():
        return binary
    binary.parent.mkdir(parents=True, exist_ok=True)
    # `go install module@version` refuses modules with replace directives:
    # build inside the downloaded module instead.
    source = k8s_tools.module_dir(module, version)
    result = subprocess.run(
        # Built for checking, not speed: no optimisation or inlining takes
        # about a quarter off a cold build (as for kustomize and OpenTofu).
        [k8s_tools.go_binary(), "build", "-gcflags=all=-N -l", "-ldflags=-s -w", "-o", str(binary) + ".tmp", "./cmd/promtool"],
        cwd=source,
        env=k8s_tools.go_env(),
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if result.returncode != 0:
        raise RuntimeError(f"building promtool {version}: {result.stderr[-3000:]}")
    Path(str(binary) + ".tmp").rename(binary)
    return binary


def deploy_config() -> dict:
    return yaml.safe_load(PROMETHEUS_YML.read_text())


def local_config(api: str, prometheus: str, scrape_interval: str = "1s", deploy: dict | None = None) -> dict:
    """The deploy's configuration with loopback targets: `api` is the
    dogcare-server's HOST:PORT, `prometheus` this Prometheus's own."""
    config = copy.deepcopy(deploy or deploy_config())
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    unknown = set(jobs) - set(LOCAL_JOBS) - set(CLUSTER_ONLY_JOBS)
    if unknown:
        raise ValueError(f"jobs neither local nor cluster-only: {sorted(unknown)}")
    config["global"]["scrape_interval"] = scrape_interval
    config["global"]["evaluation_interval"] = scrape_interval
    config["global"]["scrape_timeout"] = scrape_interval
    config["rule_files"] = [str(RULES_DIR / Path(pattern).name) for pattern in config["rule_files"]]
    config["scrape_configs"] = []
    for name in LOCAL_JOBS:
        job = jobs[name]
        job.pop("kubernetes_sd_configs", None)
        if name == "prometheus":
            job["static_configs"] = [{"targets": [prometheus]}]
        else:
            job["static_configs"] = [{"targets": [api], "labels": dict(API_POD_DISCOVERY_LABELS)}]
        config["scrape_configs"].append(job)
    return config


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Prometheus:
    """A real Prometheus on a free loopback port over a temporary TSDB."""

    def __init__(self, config: dict, workdir: Path, port: int):
        self.url = f"http://127.0.0.1:{port}"
        self.config_file = workdir / "prometheus.yml"
        self.config_file.write_text(yaml.safe_dump(config, sort_keys=False))
        self.log = (workdir / "prometheus.log").open("w")
        self.process = subprocess.Popen(
            [
                PROMETHEUS,
                f"--config.file={self.config_file}",
                f"--storage.tsdb.path={workdir / 'data'}",
                f"--web.listen-address=127.0.0.1:{port}",
                "--web.enable-lifecycle",
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 20
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"prometheus exited: {(workdir / 'prometheus.log').read_text()[-3000:]}")
            try:
                if requests.get(self.url + "/-/ready", timeout=1).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("prometheus did not become ready in 20 s")
            time.sleep(0.1)

    def query(self, expr: str) -> dict:
        """POST /api/v1/query: {"status": ..., "data": ..., "error": ...}."""
        return requests.post(self.url + "/api/v1/query", data={"query": expr}, timeout=10).json()

    def api(self, path: str, **params) -> dict:
        r = requests.get(self.url + "/api/v1/" + path, params=params, timeout=10)
        body = r.json()
        if body.get("status") != "success":
            raise RuntimeError(f"{path}: {body}")
        return body["data"]

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.terminate()
        try:
            return self.process.wait(timeout=15)
        finally:
            self.log.close()


def start_prometheus(api: str, workdir: Path, scrape_interval: str = "1s", config: dict | None = None) -> Prometheus:
    for _ in range(5):  # a port taken between choosing and binding: try another
        port = free_port()
        try:
            return Prometheus(config or local_config(api, f"127.0.0.1:{port}", scrape_interval), workdir, port)
        except RuntimeError as e:
            if "address already in use" not in str(e):
                raise
    raise RuntimeError("no free port for prometheus")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--api", required=True, help="dogcare-server HOST:PORT")
    parser.add_argument("--prometheus", required=True, help="this Prometheus's HOST:PORT")
    parser.add_argument("--scrape-interval", default="5s")
    args = parser.parse_args()
    yaml.safe_dump(local_config(args.api, args.prometheus, args.scrape_interval), sys.stdout, sort_keys=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())



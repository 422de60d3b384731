"""dogcare-server against nginx on the same bytes, driven by wrk on loopback.

Started by bench/http/run (which installs wrk and nginx and builds first).
Everything runs in one temporary directory: a SQLite file seeded through the
REST API with one user and 1,000 observations, the server, an nginx serving
copies of the server's own responses, and the wrk Lua scripts. The machine is
shared and noisy, so every figure that matters is a ratio measured in this run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
SERVER = Path(os.environ.get("DOGCARE_SERVER", ROOT / "build/bin/dogcare-server"))
OBSERVATIONS = 1_000
LIST_PATH = "/api/v1/observations?limit=50"

# wrk's done() callback: one JSON line with the figures, latencies in microseconds.
REPORT_LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\\nBENCH {"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p90_us": %d, ' ..
    '"p99_us": %d, "max_us": %d, "errors": {"connect": %d, "read": %d, "write": %d, ' ..
    '"status": %d, "timeout": %d}}\\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50),
    latency:percentile(90), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def lua_script(method: str = "GET", token: str | None = None, body: str | None = None) -> str:
    lines = [f'wrk.method = "{method}"']
    if token:
        lines.append(f'wrk.headers["Authorization"] = "Bearer {token}"')
    if body is not None:
        lines.append('wrk.headers["Content-Type"] = "application/json"')
        lines.append(f"wrk.body = {json.dumps(body)}")
    return "\n".join(lines) + "\n" + REPORT_LUA


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def resident_bytes(pid: int, field: str = "VmRSS") -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(rf"^{field}:\s+(\d+) kB$", status, re.MULTILINE).group(1)) * 1024


class Bench:
    def __init__(self, work: Path, duration: int, threads: int, connections: int, server_env: dict[str, str]):
        self.work = work
        self.server_env = server_env
        self.duration = duration
        self.threads = threads
        self.connections = connections
        self.server: subprocess.Popen | None = None
        self.nginx: subprocess.Popen | None = None
        self.url = ""
        self.nginx_url = ""

    # --- the two servers ---------------------------------------------------------------

    def start_server(self) -> None:
        keys = self.work / "jwt-keys"
        keys.write_text(f"bench={secrets.token_hex(32)}\n")
        env = {k: v for k, v in os.environ.items() if not k.startswith("DOGCARE_")}
        env.update(
            {
                "DOGCARE_LISTEN": "127.0.0.1:0",
                "DOGCARE_DATABASE": f"sqlite:{self.work / 'bench.db'}",
                "DOGCARE_JWT_KEYS_FILE": str(keys),
                # One client address drives every login: the per-address limit on
                # /auth/* would turn the login storm into a storm of 429s.
                "DOGCARE_AUTH_RATE_PER_MINUTE": "1000000",
                "DOGCARE_AUTH_BURST": "100000",
            }
        )
        env.update(self.server_env)
        # Defaults otherwise (I/O threads = cores, 8 workers, request log at
        # info), as `make run` and the deployment run it. The log goes to a
        # file, as nginx's access log does.
        self.server_log = (self.work / "server.log").open("w")
        self.server = subprocess.Popen([str(SERVER)], env=env, stdout=self.server_log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            for line in (self.work / "server.log").read_text().splitlines():
                if '"listening"' in line:
                    self.url = json.loads(line)["url"]
                    return
            if self.server.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError("dogcare-server did not start: " + (self.work / "server.log").read_text())

    def start_nginx(self, files: dict[str, bytes]) -> None:
        www = self.work / "www"
        www.mkdir()
        for name, content in files.items():
            (www / name).write_bytes(content)
        # nginx's workers drop to "nobody" when started as root.
        for path in (self.work, www, *www.iterdir()):
            path.chmod(0o755 if path.is_dir() else 0o644)
        port = free_port()
        conf = self.work / "nginx.conf"
        temp = self.work / "nginx-temp"
        temp.mkdir()
        conf.write_text(f"""
worker_processes auto;
pid {self.work}/nginx.pid;
error_log {self.work}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  types {{ application/json json; }}
  default_type application/octet-stream;
  access_log {self.work}/nginx-access.log;
  client_body_temp_path {temp}/body;
  proxy_temp_path {temp}/proxy;
  fastcgi_temp_path {temp}/fastcgi;
  uwsgi_temp_path {temp}/uwsgi;
  scgi_temp_path {temp}/scgi;
  keepalive_requests 1000000;
  server {{
    listen 127.0.0.1:{port};
    root {www};
    location / {{ }}
  }}
}}
""")
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.nginx = subprocess.Popen(
            [
                nginx,
                "-p",
                str(self.work),
                "-e",
                str(self.work / "nginx-error.log"),
                "-c",
                str(conf),
                "-g",
                "daemon off;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.nginx_url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                requests.get(self.nginx_url + "/", timeout=2)
                return
            except requests.ConnectionError:
                if self.nginx.poll() is not None:
                    break
                time.sleep(0.05)
        raise RuntimeError("nginx did not start: " + (self.work / "nginx-error.log").read_text())

    def stop(self) -> None:
        for process in (self.server, self.nginx):
            if process and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()

    # --- data ------------------------------------------------------------------------------

    def seed(self) -> tuple[str, str, str]:
        """One user with 1,000 observations over the last 1,000 days, through
        the REST API. Returns the username, password and a token."""
        username, password = "bench" + secrets.token_hex(4), "bench password " + secrets.token_hex(4)
        api = self.url + "/api/v1"
        r = requests.post(api + "/auth/register", json={"username": username, "password": password}, timeout=60)
        r.raise_for_status()
        token = self.login(username, password)
        session = requests.Session()
        session.headers["Authorization"] = "Bearer " + token
        triggers = ["vélo", "promeneur", "chien", "joggeur", "voiture", "chat", "skate", "moto", "enfant", "bruit"]
        reactions = ["aboiement", "grognement", "fuite", "tremblement", "regard fixe", "tirer en laisse"]
        today = date.today()
        for i in range(OBSERVATIONS):
            body = {
                "date": (today - timedelta(days=i)).isoformat(),
                "severity": 1 + i % 5,
                "comment": f"Walk {i}: {triggers[i % 10]} at the park, recovered after a few minutes",
                "triggers": [triggers[i % 10]] + ([triggers[(i + 3) % 10]] if i % 3 == 0 else []),
                "reactions": [reactions[i % 6]],
                "distance_m": 5 + i % 40,
                "recovery_min": i % 15,
            }
            r = session.post(api + "/observations", json=body, timeout=60)
            if r.status_code != 201:
                raise RuntimeError(f"seeding failed: {r.status_code} {r.text}")
        return username, password, token

    def login(self, username: str, password: str) -> str:
        r = requests.post(
            self.url + "/api/v1/auth/login", json={"username": username, "password": password}, timeout=60
        )
        r.raise_for_status()
        return r.json()["access_token"]

    # --- wrk -------------------------------------------------------------------------------

    def wrk_command(self, url: str, script: str, name: str, threads: int, connections: int, duration: int) -> list[str]:
        path = self.work / f"{name}.lua"
        path.write_text(script)
        return ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "5s", "-s", str(path), url]

    @staticmethod
    def parse(output: str, name: str) -> dict:
        match = re.search(r"^BENCH (\{.*\})$", output, re.MULTILINE)
        if not match:
            raise RuntimeError(f"wrk ({name}) printed no figures:\n{output}")
        figures = json.loads(match.group(1))
        seconds = figures["duration_us"] / 1e6
        errors = sum(figures["errors"].values())
        return {
            "requests": figures["requests"],
            "requests_per_second": round(figures["requests"] / seconds, 1),
            "p50_ms": figures["p50_us"] / 1000,
            "p90_ms": figures["p90_us"] / 1000,
            "p99_ms": figures["p99_us"] / 1000,
            "max_ms": figures["max_us"] / 1000,
            "transfer_bytes_per_second": round(figures["bytes"] / seconds),
            "errors": figures["errors"],
            "errors_total": errors,
        }

    def wrk(
        self,
        url: str,
        script: str,
        name: str,
        connections: int | None = None,
        threads: int | None = None,
        duration: int | None = None,
    ) -> dict:
        command = self.wrk_command(
            url, script, name, threads or self.threads, connections or self.connections, duration or self.duration
        )
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        result = self.parse(output, name)
        print(
            f"  {name:<28} {result['requests_per_second']:>10.0f} req/s  p50 {result['p50_ms']:6.2f} ms"
            f"  p99 {result['p99_ms']:7.2f} ms  errors {result['errors_total']}",
            flush=True,
        )
        return result

    def compare(self, rounds: int, **runs: tuple[str, str]) -> dict[str, dict]:
        """Runs the named (url, script) pairs in turn, `rounds` times, each for
        duration / rounds seconds: on a machine whose load drifts, alternating
        keeps either side from getting the quiet minute. Requests/s is the
        total over all rounds; p50 the median of the rounds', p99 the worst."""
        slice_seconds = max(1, round(self.duration / rounds))
        per_round: dict[str, list[dict]] = {name: [] for name in runs}
        for _ in range(rounds):
            for name, (url, script) in runs.items():
                per_round[name].append(self.wrk(url, script, name, duration=slice_seconds))
        combined = {}
        for name, results in per_round.items():
            seconds = sum(r["requests"] / r["requests_per_second"] for r in results)
            requests_total = sum(r["requests"] for r in results)
            combined[name] = {
                "requests": requests_total,
                "requests_per_second": round(requests_total / seconds, 1),
                "p50_ms": statistics.median(r["p50_ms"] for r in results),
                "p99_ms": max(r["p99_ms"] for r in results),
                "max_ms": max(r["max_ms"] for r in results),
                "errors_total": sum(r["errors_total"] for r in results),
                "rounds": results,
            }
        return combined


def run(
    duration: int,
    rounds: int,
    threads: int,
    connections: int,
    logins: int,
    server_env: dict[str, str],
    out: Path | None,
) -> dict:
    work = Path(tempfile.mkdtemp(prefix="dogcare-bench-http-"))
    bench = Bench(work, duration, threads, connections, server_env)
    load_before = os.getloadavg()
    try:
        bench.start_server()
        assert bench.server is not None
        print(f"dogcare-server {bench.url}; seeding one user with {OBSERVATIONS} observations ...", flush=True)
        started = time.monotonic()
        username, password, token = bench.seed()
        seeding_seconds = time.monotonic() - started
        auth = {"Authorization": "Bearer " + token}
        page = requests.get(bench.url + LIST_PATH, headers=auth, timeout=30)
        page.raise_for_status()
        assert len(page.json()["items"]) == 50
        health = requests.get(bench.url + "/healthz", timeout=30).content
        # nginx serves exactly these bytes (the health file under a name of
        # the same length as the route, so the request lines match too).
        bench.start_nginx({"observations.json": page.content, "healthz.json": health})
        for name, content in (("observations.json", page.content), ("healthz.json", health)):
            served = requests.get(f"{bench.nginx_url}/{name}", timeout=10).content
            assert served == content, f"nginx does not serve the same bytes for {name}"
        print(
            f"nginx {bench.nginx_url}: observations page {len(page.content)} bytes, healthz {len(health)} bytes",
            flush=True,
        )
        print(f"wrk -t{threads} -c{connections}, {duration} s per figure, on loopback:", flush=True)

        results: dict[str, dict] = {}
        results |= bench.compare(
            rounds,
            nginx_observations=(f"{bench.nginx_url}/observations.json", lua_script()),
            dogcare_observations=(bench.url + LIST_PATH, lua_script(token=token)),
        )
        results |= bench.compare(
            rounds,
            nginx_healthz=(f"{bench.nginx_url}/healthz.json", lua_script()),
            dogcare_healthz=(bench.url + "/healthz", lua_script()),
        )
        post_body = json.dumps(
            {
                "date": date.today().isoformat(),
                "severity": 3,
                "comment": "vélo au parc",
                "triggers": ["vélo"],
                "reactions": ["aboiement"],
                "distance_m": 12,
            }
        )
        results["dogcare_post_observation"] = bench.wrk(
            bench.url + "/api/v1/observations", lua_script("POST", token, post_body), "dogcare_post_observation"
        )

        # The login storm: `logins` connections logging in back to back (each
        # an Argon2id hash on a worker), while a second wrk probes /healthz
        # with a few connections and /proc samples the server's RSS.
        login_body = json.dumps({"username": username, "password": password})
        storm = subprocess.Popen(
            bench.wrk_command(
                bench.url + "/api/v1/auth/login",
                lua_script("POST", None, login_body),
                "logins",
                1,
                logins,
                duration + 4,
            ),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        rss_samples: list[int] = []
        sampling = threading.Event()

        def sample() -> None:
            while not sampling.is_set():
                try:
                    rss_samples.append(resident_bytes(bench.server.pid))
                except (OSError, AttributeError):
                    pass
                time.sleep(0.1)

        sampler = threading.Thread(target=sample)
        time.sleep(2)
        sampler.start()
        results["healthz_during_logins"] = bench.wrk(
            bench.url + "/healthz", lua_script(), "healthz_during_logins", connections=4, threads=1
        )
        storm_output, _ = storm.communicate()
        sampling.set()
        sampler.join()
        results["logins"] = Bench.parse(storm_output, "logins")
        print(
            f"  {'logins (50 concurrent)':<28} {results['logins']['requests_per_second']:>10.1f} req/s"
            f"  p99 {results['logins']['p99_ms']:7.2f} ms  errors {results['logins']['errors_total']}"
        )
        metrics = requests.get(bench.url + "/metrics", timeout=10).text
        rss_metric = float(re.search(r"^process_resident_memory_bytes (\S+)$", metrics, re.MULTILINE).group(1))
        memory = {
            "rss_max_during_logins_mib": round(max(rss_samples) / 2**20, 1),
            "rss_after_logins_mib_from_metrics": round(rss_metric / 2**20, 1),
            "rss_peak_whole_run_mib": round(resident_bytes(bench.server.pid, "VmHWM") / 2**20, 1),
        }
    finally:
        bench.stop()
        load_after = os.getloadavg()
        shutil.rmtree(work, ignore_errors=True)

    ratio = round(
        results["dogcare_observations"]["requests_per_second"] / results["nginx_observations"]["requests_per_second"], 3
    )
    health_ratio = round(
        results["dogcare_healthz"]["requests_per_second"] / results["nginx_healthz"]["requests_per_second"], 3
    )
    targets = {
        "observations_vs_nginx": {"value": ratio, "target": ">= 0.25", "met": ratio >= 0.25},
        "observations_p99_ms": {
            "value": results["dogcare_observations"]["p99_ms"],
            "target": "< 20",
            "met": results["dogcare_observations"]["p99_ms"] < 20,
        },
        "healthz_vs_nginx": {"value": health_ratio, "target": ">= 0.7", "met": health_ratio >= 0.7},
        "healthz_p99_during_logins_ms": {
            "value": results["healthz_during_logins"]["p99_ms"],
            "target": "< 10",
            "met": results["healthz_during_logins"]["p99_ms"] < 10,
        },
        "rss_under_login_load_mib": {
            "value": memory["rss_max_during_logins_mib"],
            "target": "< 64",
            "met": memory["rss_max_during_logins_mib"] < 64,
        },
    }
    report = {
        "benchmark": "bench/http",
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cores": os.cpu_count(), "load_average_before": load_before, "load_average_after": load_after},
        "settings": {
            "wrk_threads": threads,
            "wrk_connections": connections,
            "duration_s": duration,
            "rounds": rounds,
            "logins_connections": logins,
            "healthz_probe_connections": 4,
            "observations": OBSERVATIONS,
            "server": "defaults: io threads = cores, 8 workers, request log at info to a file",
            "nginx": "worker_processes auto, access log to a file",
            "server_env": server_env,
        },
        "seeding_seconds": round(seeding_seconds, 1),
        "response_bytes": {"observations_page": len(page.content), "healthz": len(health)},
        "results": results,
        "memory": memory,
        "targets": targets,
    }
    print("\nratios and targets:")
    for name, target in targets.items():
        print(f"  {name:<30} {target['value']:>8}  target {target['target']:<8} {'met' if target['met'] else 'MISSED'}")
    print(
        f"  POST /api/v1/observations: {results['dogcare_post_observation']['requests_per_second']:.0f} req/s, "
        f"p99 {results['dogcare_post_observation']['p99_ms']:.2f} ms"
    )
    print(f"  memory: {memory}")
    print(f"  load average before {load_before[0]:.1f}, after {load_after[0]:.1f}")
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        print(f"results: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per figure (default 10)")
    parser.add_argument(
        "--rounds", type=int, default=2, help="nginx and dogcare alternate this many times per comparison (default 2)"
    )
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--connections", type=int, default=64, help="wrk connections (default 64)")
    parser.add_argument("--logins", type=int, default=50, help="concurrent logins in the storm (default 50)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results" / f"http-{date.today().isoformat()}.json")
    parser.add_argument(
        "--server-env",
        action="append",
        default=[],
        metavar="DOGCARE_X=VALUE",
        help="a setting for dogcare-server, to compare configurations (repeatable)",
    )
    args = parser.parse_args()
    server_env = dict(item.split("=", 1) for item in args.server_env)
    run(args.duration, args.rounds, args.threads, args.connections, args.logins, server_env, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

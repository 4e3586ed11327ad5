#!/usr/bin/env python3
"""Gatehouse gateway benchmark: the gateway side by side with its baselines, in one interleaved run.

Started by tests/benchmarks/run-gateway-bench (which installs wrk, nginx and python3 when missing).
Everything runs on loopback: gatehouse-mock-llm as the upstream, the seed API (SmartChat, Model
Weighted Round Robin gpt-4o 50 / gpt-4o-mini 50) on gatehouse-gateway, and an nginx weighted reverse
proxy over the same mock. Figures are medians over the rounds; the baselines are measured in the same
run, interleaved with the gateway, so a busy machine slows all of them alike.
"""

import argparse
import asyncio
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

SEED_BODY = ('{"model":"o3-mini","messages":[{"role":"user","content":"Say this is a test!"}]}')
STREAM_BODY = ('{"model":"o3-mini","stream":true,'
               '"messages":[{"role":"user","content":"Say this is a test!"}]}')
GATEWAY_PATH = "/smartchat/1.0.0/chat/completions"
# The guardrail case: the same API with RegexGuardrail + WordCountGuardrail + ContentLengthGuardrail on
# the request flow (and a response RegexGuardrail for the streaming figure), fed a 4 KiB prompt.
GUARDED_PATH = "/guardedchat/1.0.0/chat/completions"
PROMPT_4K = " ".join(["Summarise the quarterly figures for the northern region please."] * 64)[:4096]
BODY_4K = '{"model":"o3-mini","messages":[{"role":"user","content":"' + PROMPT_4K + '"}]}'
GUARDRAILS = [
    ("request", "RegexGuardrail",
     "{'name':'Jailbreak','regex':'(?i)ignore all previous instructions','jsonPath':'$.messages[-1].content',"
     "'invert':true}"),
    ("request", "WordCountGuardrail", "{'name':'Words','min':1,'max':2000,'jsonPath':'$.messages[-1].content'}"),
    ("request", "ContentLengthGuardrail",
     "{'name':'Length','min':1,'max':8192,'jsonPath':'$.messages[-1].content'}"),
    ("response", "RegexGuardrail", "{'name':'No secrets','regex':'(?i)password','invert':true}"),
]
# The response cache case: the seed API again, with ResponseCache after the router; once warm, every
# request of the benchmark is a hit (one entry per model of the rotation).
CACHED_PATH = "/cachedchat/1.0.0/chat/completions"
CACHE_PARAMS = "{'ttl':3600,'maxEntries':1000}"
DIRECT_PATH = "/v1/chat/completions"
# The peer row: Portkey's open-source gateway from npm, pinned (and its web framework with it, as
# shared/reference/peers-and-performance.md ran it).
PORTKEY_VERSION = "1.15.2"
PORTKEY_PINS = ["hono@4.9.7", "@hono/node-server@1.13.5"]
WRR_PARAMS = ("{'production':[{'model':'gpt-4o','endpointId':'default_production_endpoint','weight':50},"
              "{'model':'gpt-4o-mini','endpointId':'default_production_endpoint','weight':50}],"
              "'sandbox':[],'suspendDuration':30}")

# The goals of the benchmark issue: (key, label, unit, limit, higher_is_better).
GOALS = [
    ("added_p50_us_c1", "added latency p50 at 1 connection", "us", 250, False),
    ("gateway_rps_c64", "requests/s at 64 connections", "req/s", 15000, True),
    ("gateway_vs_nginx_rps_c64", "requests/s vs nginx at 64 connections (same worker count)", "x", 0.9, True),
    ("added_p50_vs_nginx_c1", "added p50 at 1 connection vs nginx's added p50", "x", 2.0, False),
    ("cpu_vs_nginx_c64", "CPU per request at 64 connections vs nginx's", "x", 2.0, False),
    ("gateway_rss_mb_idle", "RSS idle", "MB", 30, False),
    ("gateway_rss_mb_load", "RSS under 64-connection load", "MB", 80, False),
    ("streams_1000_rss_mb", "RSS with 1000 open streams", "MB", 120, False),
    ("sse_added_ttfb_us", "streaming: added time to first event", "us", 1000, False),
    ("fanout_1000x1s_wall_s", "fan-out: 1000 x 1 s requests", "s", 1.5, False),
    ("app_cold_start_ms", "app: cold start to a painted main window", "ms", 500, False),
    ("app_open_1000_apis_ms", "app: open a workspace with 1000 APIs", "ms", 1000, False),
    ("guardrail_added_p50_us_c1", "guardrails: added p50 at 1 connection, 4 KiB prompt", "us", 30, False),
    ("guardrail_rps_ratio_c64", "guardrails: requests/s vs none at 64 connections", "x", 0.85, True),
    ("guardrail_added_ttfb_us", "guardrails: added time to first event (response regex)", "us", 1000, False),
    ("shared_added_p50_us_c1", "shared state (Redis): added p50 at 1 connection, plan checked", "us", 150, False),
    ("shared_rps_ratio_c64", "shared state (Redis): requests/s vs local at 64 connections", "x", 0.8, True),
    ("cache_hit_added_p50_us_c1", "cache hit: added p50 at 1 connection vs the direct mock", "us", 50, False),
    ("cache_hit_vs_nginx_rps_c64", "cache hit: requests/s vs nginx proxying at 64 connections", "x", 1.0, True),
]


def fail(message):
    print(f"run-gateway-bench: {message}", file=sys.stderr)
    sys.exit(1)


def log(message):
    print(f"-- {message}", file=sys.stderr, flush=True)


def rss_mb(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def cpu_seconds(pids):
    """User + system CPU time the processes have used so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def thread_context_switches(pid):
    """Voluntary and involuntary context switches of all of a process's threads so far."""
    voluntary = involuntary = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("voluntary_ctxt_switches:"):
                        voluntary += int(line.split()[1])
                    elif line.startswith("nonvoluntary_ctxt_switches:"):
                        involuntary += int(line.split()[1])
        except OSError:
            pass  # a thread that ended meanwhile
    return voluntary, involuntary


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as listing:
            return [int(child) for child in listing.read().split()]
    except OSError:
        return []


def fd_count(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


class RssSampler:
    """Samples a process's RSS every 50 ms in a thread; peak() is the largest sample."""

    def __init__(self, pid):
        self.pid = pid
        self.samples = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.wait(0.05):
            self.samples.append(rss_mb(self.pid))

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def peak(self):
        return max(self.samples) if self.samples else rss_mb(self.pid)


class Bench:
    def __init__(self, args):
        self.args = args
        self.build = os.path.abspath(args.build_dir)
        self.bin = {
            "mock": f"{self.build}/src/mock-llm/gatehouse-mock-llm",
            "gateway": f"{self.build}/src/gateway-cli/gatehouse-gateway",
            "ctl": f"{self.build}/src/ctl/gatehouse-ctl",
            "app": f"{self.build}/src/app/gatehouse",
            "micro": f"{self.build}/tests/benchmarks/gatehouse-micro-bench",
        }
        for name in ("mock", "gateway", "ctl"):
            if not os.access(self.bin[name], os.X_OK):
                fail(f"{self.bin[name]} is missing: build first (./dev build) or pass --build-dir")
        self.work = tempfile.mkdtemp(prefix="gatehouse-bench.")
        self.secrets = f"{self.work}/secrets.json"
        self.workspace = f"{self.work}/workspace"
        self.processes = []
        self.results = {"cases": {}, "micro": {}}

    # ----- processes -------------------------------------------------------------------------------

    def spawn(self, argv, name, env=None):
        out = open(f"{self.work}/{name}.out", "w+", encoding="utf-8")
        err = open(f"{self.work}/{name}.err", "w+", encoding="utf-8")
        process = subprocess.Popen(argv, stdout=out, stderr=err, env=env)
        self.processes.append(process)
        return process, out

    def first_line(self, process, out, name):
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            out.seek(0)
            line = out.readline()
            if line.endswith("\n"):
                return line.strip()
            if process.poll() is not None:
                break
            time.sleep(0.02)
        with open(f"{self.work}/{name}.err", encoding="utf-8") as err:
            fail(f"{name} did not start: {err.read().strip()}")

    def ctl(self, *argv):
        command = [self.bin["ctl"], "--workspace", self.workspace, "--secrets-file", self.secrets, *argv]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            fail(f"gatehouse-ctl {' '.join(argv[:2])}: {done.stderr.strip()}")
        return done.stdout.strip()

    def cleanup(self):
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
        if not self.args.keep:
            shutil.rmtree(self.work, ignore_errors=True)

    def start(self):
        mock, out = self.spawn([self.bin["mock"], "--listen", "127.0.0.1:0", "--print-port"], "mock")
        self.mock_port = int(self.first_line(mock, out, "mock"))
        self.mock_url = f"http://127.0.0.1:{self.mock_port}"
        self.ctl("api", "create", "--name", "SmartChat", "--context", "smartchat", "--version", "1.0.0",
                 "--provider", "openai", "--production-url", f"{self.mock_url}/v1",
                 "--production-key", "sk-bench")
        self.ctl("policy", "attach", "--api", "SmartChat", "--operation", "POST /chat/completions",
                 "--flow", "request", "--policy", "modelWeightedRoundRobin", "--params", WRR_PARAMS)
        self.ctl("deploy", "--api", "SmartChat")
        self.ctl("api", "create", "--name", "GuardedChat", "--context", "guardedchat", "--version", "1.0.0",
                 "--provider", "openai", "--production-url", f"{self.mock_url}/v1",
                 "--production-key", "sk-bench")
        self.ctl("policy", "attach", "--api", "GuardedChat", "--operation", "POST /chat/completions",
                 "--flow", "request", "--policy", "modelWeightedRoundRobin", "--params", WRR_PARAMS)
        for flow, policy, params in GUARDRAILS:
            self.ctl("policy", "attach", "--api", "GuardedChat", "--operation", "POST /chat/completions",
                     "--flow", flow, "--policy", policy, "--params", params)
        self.ctl("deploy", "--api", "GuardedChat")
        self.ctl("api", "create", "--name", "CachedChat", "--context", "cachedchat", "--version", "1.0.0",
                 "--provider", "openai", "--production-url", f"{self.mock_url}/v1",
                 "--production-key", "sk-bench")
        for policy, params in (("modelWeightedRoundRobin", WRR_PARAMS), ("ResponseCache", CACHE_PARAMS)):
            self.ctl("policy", "attach", "--api", "CachedChat", "--operation", "POST /chat/completions",
                     "--flow", "request", "--policy", policy, "--params", params)
        self.ctl("deploy", "--api", "CachedChat")
        # The TLS case: the seed route to nginx terminating TLS in front of the mock, one port offering
        # HTTP/2 by ALPN and one HTTP/1.1 only.
        self.tls_ports = {"h2": free_port(), "h1": free_port()}
        for protocol, port in self.tls_ports.items():
            name = f"Tls{protocol.upper()}Chat"
            self.ctl("api", "create", "--name", name, "--context", name.lower(), "--version", "1.0.0",
                     "--provider", "openai", "--production-url", f"https://localhost:{port}/v1",
                     "--production-key", "sk-bench")
            self.ctl("policy", "attach", "--api", name, "--operation", "POST /chat/completions",
                     "--flow", "request", "--policy", "modelWeightedRoundRobin", "--params", WRR_PARAMS)
            self.ctl("deploy", "--api", name)
        self.ctl("app", "create", "--name", "BenchApp")
        self.ctl("subscribe", "--app", "BenchApp", "--api", "SmartChat", "--plan", "Unlimited")
        self.ctl("subscribe", "--app", "BenchApp", "--api", "GuardedChat", "--plan", "Unlimited")
        self.ctl("subscribe", "--app", "BenchApp", "--api", "CachedChat", "--plan", "Unlimited")
        for protocol in self.tls_ports:
            self.ctl("subscribe", "--app", "BenchApp", "--api", f"Tls{protocol.upper()}Chat", "--plan", "Unlimited")
        self.ctl("keys", "generate", "--app", "BenchApp", "--type", "production")
        # The shared-state case: a plan checked (and counted) on every request, never reached.
        self.ctl("plan", "create", "--name", "BenchQuota", "--requests", "1000000000/min")
        self.ctl("app", "create", "--name", "QuotaApp")
        self.ctl("subscribe", "--app", "QuotaApp", "--api", "SmartChat", "--plan", "BenchQuota")
        self.ctl("keys", "generate", "--app", "QuotaApp", "--type", "production")
        # The gateway's worker threads and nginx's worker processes: the same count, one per core.
        self.workers = os.cpu_count() or 1
        log(f"gateway worker threads: {self.workers}, nginx worker processes: {self.workers}")
        gateway, out = self.spawn([self.bin["gateway"], "--workspace", self.workspace, "--secrets-file",
                                   self.secrets, "--listen", "127.0.0.1:0", "--admin", "0",
                                   "--threads", str(self.workers), "--print-port"], "gateway")
        self.gateway = gateway
        self.gateway_port = int(self.first_line(gateway, out, "gateway"))
        self.token = self.ctl("token", "--app", "BenchApp", "--type", "production", "--gateway",
                              f"http://127.0.0.1:{self.gateway_port}")
        self.start_nginx()
        self.targets = {
            "direct": f"{self.mock_url}{DIRECT_PATH}",
            "gateway": f"http://127.0.0.1:{self.gateway_port}{GATEWAY_PATH}",
            "nginx": f"http://127.0.0.1:{self.nginx_port}{GATEWAY_PATH}",
        }
        for name, url in self.targets.items():
            status, body = self.post(url, SEED_BODY)
            if status != 200 or b'"model"' not in body:
                fail(f"{name} does not answer the seed request: {status} {body[:200]!r}")

    def start_nginx(self):
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.nginx_port = free_port()
        conf = f"{self.work}/nginx.conf"
        user = f"user {os.environ.get('USER', 'root')};" if os.geteuid() == 0 else ""
        # The same job as the gateway's seed route, minus the JSON work: a weighted (50/50) upstream
        # with pooled keep-alive connections, as many workers as the gateway has threads, an access log
        # like the gateway's.
        with open(conf, "w", encoding="utf-8") as f:
            f.write(f"""
{user}
worker_processes {self.workers};
daemon off;
pid {self.work}/nginx.pid;
error_log {self.work}/nginx-error.log warn;
worker_rlimit_nofile 65536;
events {{ worker_connections 16384; }}
http {{
    access_log {self.work}/nginx-access.log;
    client_body_temp_path {self.work}/nginx-body;
    proxy_temp_path {self.work}/nginx-proxy;
    upstream smartchat {{
        server 127.0.0.1:{self.mock_port} weight=50;
        server localhost:{self.mock_port} weight=50;
        keepalive 256;
    }}
    server {{
        listen 127.0.0.1:{self.nginx_port};
        location /smartchat/1.0.0/ {{
            proxy_pass http://smartchat/v1/;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_buffering off;
        }}
    }}
}}
""")
        process, _ = self.spawn([nginx, "-p", self.work, "-c", conf, "-e", f"{self.work}/nginx-error.log"],
                                "nginx")
        self.nginx = process
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if process.poll() is not None:
                with open(f"{self.work}/nginx-error.log", encoding="utf-8") as err:
                    fail(f"nginx did not start: {err.read().strip()}")
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.nginx_port}/", timeout=1)
            except urllib.error.HTTPError:
                return  # 404 for "/": nginx is up
            except OSError:
                time.sleep(0.05)
                continue
            return
        fail("nginx did not start listening")

    def post(self, url, body):
        request = urllib.request.Request(url, data=body.encode(), method="POST", headers={
            "Content-Type": "application/json", "Authorization": f"Bearer {self.token}"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def post_headers(self, url, body):
        """Like post(), with the answer's headers (names in lower case) instead of its body."""
        request = urllib.request.Request(url, data=body.encode(), method="POST", headers={
            "Content-Type": "application/json", "Authorization": f"Bearer {self.token}"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                response.read()
                return response.status, {k.lower(): v for k, v in response.headers.items()}
        except urllib.error.HTTPError as error:
            return error.code, {k.lower(): v for k, v in error.headers.items()}

    def mock_fault(self, fault):
        request = urllib.request.Request(f"{self.mock_url}/_mock/faults", method="POST" if fault else "DELETE",
                                         data=json.dumps(fault).encode() if fault else None,
                                         headers={"Content-Type": "application/json"})
        urllib.request.urlopen(request, timeout=5).read()

    # ----- wrk ---------------------------------------------------------------------------------------

    def serving_pids(self, name):
        """The processes whose CPU a case costs: the gateway, nginx's master and workers, or the mock."""
        if name == "gateway":
            return [self.gateway.pid]
        if name == "nginx":
            return [self.nginx.pid] + children(self.nginx.pid)
        return [self.processes[0].pid]

    def wrk(self, url, connections, seconds, body=SEED_BODY, script_name="seed", token=None, extra_headers=None):
        token = token or self.token
        script = f"{self.work}/{script_name}.lua"
        if not os.path.exists(script):
            extra = "".join(f'wrk.headers["{name}"] = {lua_string(value)}\n'
                            for name, value in (extra_headers or {}).items())
            with open(script, "w", encoding="utf-8") as f:
                f.write(f"""
wrk.method = "POST"
wrk.body = '{body}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer {token}"
{extra}
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRKJSON {{"p50_us":%d,"p99_us":%d,"requests":%d,"duration_us":%d,' ..
    '"socket_errors":%d,"non2xx":%d}}\\n', latency:percentile(50), latency:percentile(99),
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status))
end
""")
        threads = 1 if connections == 1 else 2
        done = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s",
                               "--timeout", "10s", "-s", script, url], capture_output=True, text=True)
        for line in done.stdout.splitlines():
            if line.startswith("WRKJSON "):
                figures = json.loads(line[8:])
                figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
                return figures
        fail(f"wrk failed on {url}: {done.stderr.strip() or done.stdout.strip()}")

    def run_throughput(self):
        rounds = 1 if self.args.quick else 3
        seconds = 3 if self.args.quick else 10
        runs = {name: {"c1": [], "c64": []} for name in self.targets}
        self.gateway_rss_idle = rss_mb(self.gateway.pid)
        load_peaks = []
        for round_index in range(rounds):
            for connections, key in ((1, "c1"), (64, "c64")):
                for name, url in self.targets.items():
                    log(f"round {round_index + 1}/{rounds}: {name} at {connections} connection(s), {seconds} s")
                    # CPU time per request is steadier than latency on a shared machine: it is what
                    # the proxy itself spends, whatever else runs. The mock's share is in every case.
                    pids = self.serving_pids(name)
                    mock = [self.processes[0].pid]
                    before, mock_before = cpu_seconds(pids), cpu_seconds(mock)
                    if name == "gateway" and key == "c64":
                        with RssSampler(self.gateway.pid) as sampler:
                            figures = self.wrk(url, connections, seconds)
                        load_peaks.append(sampler.peak())
                    else:
                        figures = self.wrk(url, connections, seconds)
                    requests = max(1, figures["requests"])
                    figures["cpu_us"] = (cpu_seconds(pids) - before) * 1e6 / requests
                    figures["mock_cpu_us"] = (cpu_seconds(mock) - mock_before) * 1e6 / requests
                    runs[name][key].append(figures)
        for name, keys in runs.items():
            self.results["cases"][name] = {}
            for key, samples in keys.items():
                self.results["cases"][name][key] = {
                    "p50_us": statistics.median(s["p50_us"] for s in samples),
                    "p99_us": statistics.median(s["p99_us"] for s in samples),
                    "rps": round(statistics.median(s["rps"] for s in samples), 1),
                    "cpu_us_per_request": round(statistics.median(s["cpu_us"] for s in samples), 1),
                    "errors": sum(s["socket_errors"] + s["non2xx"] for s in samples),
                }
        self.results["gateway_rss_mb_idle"] = round(self.gateway_rss_idle, 1)
        self.results["gateway_rss_mb_load"] = round(max(load_peaks), 1)

    def run_guardrails(self):
        """The same gateway, API and 4 KiB prompt with and without three request guardrails, rounds
        interleaved so that both see the same machine; and time to first event with and without a
        response regex guardrail."""
        for name, path in (("plain", GATEWAY_PATH), ("guarded", GUARDED_PATH)):
            status, body = self.post(f"http://127.0.0.1:{self.gateway_port}{path}", BODY_4K)
            if status != 200:
                fail(f"the {name} 4 KiB request fails: {status} {body[:200]!r}")
        rounds = 1 if self.args.quick else 3
        seconds = 3 if self.args.quick else 10
        runs = {"plain": {"c1": [], "c64": []}, "guarded": {"c1": [], "c64": []}}
        for round_index in range(rounds):
            for connections, key in ((1, "c1"), (64, "c64")):
                for name, path in (("plain", GATEWAY_PATH), ("guarded", GUARDED_PATH)):
                    log(f"guardrails round {round_index + 1}/{rounds}: {name} at {connections} connection(s)")
                    figures = self.wrk(f"http://127.0.0.1:{self.gateway_port}{path}", connections, seconds,
                                       BODY_4K, "prompt4k")
                    runs[name][key].append(figures)
        summary = {name: {key: {"p50_us": statistics.median(s["p50_us"] for s in samples),
                                "rps": round(statistics.median(s["rps"] for s in samples), 1),
                                "errors": sum(s["socket_errors"] + s["non2xx"] for s in samples)}
                          for key, samples in keys.items()} for name, keys in runs.items()}
        self.results["guardrails"] = summary
        self.results["guardrail_added_p50_us_c1"] = summary["guarded"]["c1"]["p50_us"] - summary["plain"]["c1"]["p50_us"]
        self.results["guardrail_rps_ratio_c64"] = round(summary["guarded"]["c64"]["rps"] / summary["plain"]["c64"]["rps"], 3)
        samples = 30 if self.args.quick else 200
        plain, guarded = asyncio.run(ttfb_pairs_paths(self.gateway_port, GATEWAY_PATH, GUARDED_PATH, self.token, samples))
        self.results["guardrail_ttfb_us"] = {"plain_p50": round(statistics.median(plain)),
                                             "guarded_p50": round(statistics.median(guarded))}
        self.results["guardrail_added_ttfb_us"] = round(statistics.median(guarded) - statistics.median(plain))

    def run_shared_state(self):
        """A business plan checked and counted on every request, its counters in the gateway's memory
        ("local", the gateway above) or in Redis ("redis": a second gateway on the same workspace
        with --redis, every request one Lua script away), rounds interleaved."""
        redis = shutil.which("redis-server") or "/usr/bin/redis-server"
        if not os.access(redis, os.X_OK):
            log("redis-server is missing: the shared-state case is skipped")
            return
        port = free_port()
        self.spawn([redis, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                    "--dir", self.work], "redis")
        gateway, out = self.spawn([self.bin["gateway"], "--workspace", self.workspace, "--secrets-file",
                                   self.secrets, "--listen", "127.0.0.1:0", "--admin", "0", "--print-port",
                                   "--redis", f"redis://127.0.0.1:{port}/0"], "gateway-redis")
        redis_gateway_port = int(self.first_line(gateway, out, "gateway-redis"))
        token = self.ctl("token", "--app", "QuotaApp", "--type", "production", "--gateway",
                         f"http://127.0.0.1:{self.gateway_port}")
        urls = {"local": f"http://127.0.0.1:{self.gateway_port}{GATEWAY_PATH}",
                "redis": f"http://127.0.0.1:{redis_gateway_port}{GATEWAY_PATH}"}
        saved, self.token = self.token, token
        try:
            deadline = time.monotonic() + 10
            while True:  # until the workers have their Redis connections (counted alone before)
                status, body = self.post(urls["redis"], SEED_BODY)
                if status == 200 or time.monotonic() > deadline:
                    break
                time.sleep(0.1)
            if status != 200:
                fail(f"the gateway with Redis does not answer: {status} {body[:200]!r}")
            time.sleep(1)
        finally:
            self.token = saved
        rounds = 1 if self.args.quick else 3
        seconds = 3 if self.args.quick else 10
        runs = {"local": {"c1": [], "c64": []}, "redis": {"c1": [], "c64": []}}
        for round_index in range(rounds):
            for connections, key in ((1, "c1"), (64, "c64")):
                for name, url in urls.items():
                    log(f"shared state round {round_index + 1}/{rounds}: {name} at {connections} connection(s)")
                    runs[name][key].append(self.wrk(url, connections, seconds, SEED_BODY, "quota", token))
        summary = {name: {key: {"p50_us": statistics.median(s["p50_us"] for s in samples),
                                "rps": round(statistics.median(s["rps"] for s in samples), 1),
                                "errors": sum(s["socket_errors"] + s["non2xx"] for s in samples)}
                          for key, samples in keys.items()} for name, keys in runs.items()}
        self.results["shared_state"] = summary
        self.results["shared_added_p50_us_c1"] = summary["redis"]["c1"]["p50_us"] - summary["local"]["c1"]["p50_us"]
        self.results["shared_rps_ratio_c64"] = round(summary["redis"]["c64"]["rps"] / summary["local"]["c64"]["rps"], 3)
        gateway.send_signal(signal.SIGTERM)

    def run_cache(self):
        """Cache hits of the response cache next to the direct mock and nginx proxying to it, rounds
        interleaved: a hit is answered by the gateway alone, so it should cost about what the mock's
        own answer does, and go faster than any proxy that has to ask the mock."""
        url = f"http://127.0.0.1:{self.gateway_port}{CACHED_PATH}"
        for _ in range(4):  # fills the entries of both models of the rotation
            status, body = self.post(url, SEED_BODY)
            if status != 200:
                fail(f"the cached API does not answer: {status} {body[:200]!r}")
        status, headers = self.post_headers(url, SEED_BODY)
        if status != 200 or headers.get("x-cache-status") != "Hit":
            fail(f"the cached API does not answer from its cache: {status} {headers}")
        urls = {"direct": self.targets["direct"], "cache hit": url, "nginx": self.targets["nginx"]}
        rounds = 1 if self.args.quick else 3
        seconds = 3 if self.args.quick else 10
        runs = {name: {"c1": [], "c64": []} for name in urls}
        for round_index in range(rounds):
            for connections, key in ((1, "c1"), (64, "c64")):
                for name, target in urls.items():
                    log(f"cache round {round_index + 1}/{rounds}: {name} at {connections} connection(s)")
                    runs[name][key].append(self.wrk(target, connections, seconds))
        summary = {name: {key: {"p50_us": statistics.median(s["p50_us"] for s in samples),
                                "rps": round(statistics.median(s["rps"] for s in samples), 1),
                                "errors": sum(s["socket_errors"] + s["non2xx"] for s in samples)}
                          for key, samples in keys.items()} for name, keys in runs.items()}
        self.results["cache"] = summary
        self.results["cache_hit_added_p50_us_c1"] = summary["cache hit"]["c1"]["p50_us"] - summary["direct"]["c1"]["p50_us"]
        self.results["cache_hit_vs_nginx_rps_c64"] = round(summary["cache hit"]["c64"]["rps"] / summary["nginx"]["c64"]["rps"], 3)

    # ----- streaming, fan-out ---------------------------------------------------------------------

    def run_streaming(self):
        samples = 30 if self.args.quick else 200
        log(f"streaming: time to first event, {samples} requests each, interleaved")
        direct, gateway = asyncio.run(ttfb_pairs(self.mock_port, self.gateway_port, self.token, samples))
        self.results["sse_ttfb_us"] = {"direct_p50": round(statistics.median(direct)),
                                       "gateway_p50": round(statistics.median(gateway))}
        self.results["sse_added_ttfb_us"] = round(statistics.median(gateway) - statistics.median(direct))

        count = 1000
        log(f"streaming: {count} concurrent open streams")
        self.mock_fault({"model": "*", "chunkDelayMs": 1000})
        try:
            opened, rss = asyncio.run(hold_streams(self.gateway_port, self.token, count, self.gateway.pid))
        finally:
            self.mock_fault(None)
        self.results["streams_open"] = opened
        self.results["streams_1000_rss_mb"] = round(rss, 1)

    def run_fanout(self):
        count = 1000
        log(f"fan-out: {count} concurrent requests to an upstream answering after 1 s")
        self.mock_fault({"model": "*", "latencyMs": 1000})
        try:
            direct_wall, direct_ok = asyncio.run(fanout(self.mock_port, DIRECT_PATH, self.token, count))
            gateway_wall, gateway_ok = asyncio.run(fanout(self.gateway_port, GATEWAY_PATH, self.token, count))
        finally:
            self.mock_fault(None)
        self.results["fanout_1000x1s_wall_s"] = round(gateway_wall, 3)
        self.results["fanout_detail"] = {"direct_wall_s": round(direct_wall, 3), "direct_ok": direct_ok,
                                         "gateway_ok": gateway_ok}
        self.results["gateway_fds_after"] = fd_count(self.gateway.pid)

    # ----- micro, app ------------------------------------------------------------------------------

    def run_micro(self):
        if not os.access(self.bin["micro"], os.X_OK):
            log("micro: gatehouse-micro-bench was not built (libbenchmark-dev missing?): skipped")
            return
        log("micro: routing core with Google Benchmark")
        done = subprocess.run([self.bin["micro"], "--benchmark_format=json",
                               f"--benchmark_min_time={0.05 if self.args.quick else 0.5}"],
                              capture_output=True, text=True)
        if done.returncode != 0:
            fail(f"gatehouse-micro-bench failed: {done.stderr.strip()}")
        for entry in json.loads(done.stdout)["benchmarks"]:
            scale = {"ns": 1, "us": 1e3, "ms": 1e6}[entry.get("time_unit", "ns")]
            self.results["micro"][entry["name"]] = {"ns": round(entry["real_time"] * scale, 1)}

    def run_profile(self, folder):
        """Where a request's time goes, at 1 and at 64 connections, for the gateway and nginx: context
        switches and syscalls per request (from /proc and strace -c), and a perf cpu-clock profile of
        the gateway (perf counters are not available on every VM; cpu-clock sampling is)."""
        os.makedirs(folder, exist_ok=True)
        seconds = 3 if self.args.quick else 8
        summary = {}
        for name in ("gateway", "nginx"):
            for connections, key in ((1, "c1"), (64, "c64")):
                url = self.targets[name]
                pids = self.serving_pids(name)
                # 1. Context switches per request, without any tracer attached.
                before = [thread_context_switches(pid) for pid in pids]
                figures = self.wrk(url, connections, seconds)
                after = [thread_context_switches(pid) for pid in pids]
                requests = max(1, figures["requests"])
                voluntary = sum(a[0] - b[0] for a, b in zip(after, before)) / requests
                involuntary = sum(a[1] - b[1] for a, b in zip(after, before)) / requests
                # 2. Syscalls per request (strace slows the process down; the counts are what matter).
                trace = f"{folder}/strace-{name}-{key}.txt"
                strace = subprocess.Popen(["strace", "-c", "-f", "-o", trace] +
                                          [arg for pid in pids for arg in ("-p", str(pid))],
                                          stderr=subprocess.DEVNULL)
                time.sleep(0.5)
                traced = self.wrk(url, connections, seconds)
                strace.send_signal(signal.SIGINT)
                strace.wait(timeout=30)
                syscalls = strace_total(trace) / max(1, traced["requests"])
                entry = {"rps": round(figures["rps"]), "p50_us": figures["p50_us"],
                         "voluntary_switches_per_request": round(voluntary, 2),
                         "involuntary_switches_per_request": round(involuntary, 2),
                         "syscalls_per_request": round(syscalls, 1)}
                # 3. A cpu-clock profile of the gateway.
                if name == "gateway" and shutil.which("perf"):
                    data = f"{folder}/perf-{key}.data"
                    perf = subprocess.Popen(["perf", "record", "-e", "cpu-clock", "-F", "4999", "-g", "-o", data,
                                             "-p", str(self.gateway.pid)],
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    time.sleep(0.5)
                    self.wrk(url, connections, seconds)
                    perf.send_signal(signal.SIGINT)
                    perf.wait(timeout=60)
                    with open(f"{folder}/perf-{key}-self.txt", "w", encoding="utf-8") as out:
                        subprocess.run(["perf", "report", "-i", data, "--no-children", "--stdio",
                                        "--sort", "dso,symbol", "-g", "none", "--percent-limit", "0.3"],
                                       stdout=out, stderr=subprocess.DEVNULL)
                    with open(f"{folder}/perf-{key}-dso.txt", "w", encoding="utf-8") as out:
                        subprocess.run(["perf", "report", "-i", data, "--no-children", "--stdio",
                                        "--sort", "dso", "-g", "none"], stdout=out, stderr=subprocess.DEVNULL)
                summary.setdefault(name, {})[key] = entry
                log(f"profile {name} {key}: {entry}")
        # 4. A few requests of the gateway in full (every syscall with its file descriptor), to tell the
        # client's, the upstream's, the access log's and the event loop's own calls apart.
        strace = subprocess.Popen(["strace", "-f", "-tt", "-o", f"{folder}/strace-gateway-c1-calls.txt",
                                   "-p", str(self.gateway.pid)], stderr=subprocess.DEVNULL)
        time.sleep(0.5)
        self.wrk(self.targets["gateway"], 1, 1)
        strace.send_signal(signal.SIGINT)
        strace.wait(timeout=30)
        with open(f"{folder}/summary.json", "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=2)
        print(json.dumps(summary, indent=2))

    def run_tls(self):
        """HTTPS upstreams: the seed route through the gateway to nginx terminating TLS (a self-signed
        certificate the gateway trusts with --upstream-ca) in front of the mock, once offering HTTP/2 by
        ALPN and once HTTP/1.1 only. Reports requests/s at 64 connections and the TLS handshakes the
        upstream saw per 1000 requests (its distinct connections, from its access log)."""
        openssl, nginx = shutil.which("openssl"), shutil.which("nginx") or "/usr/sbin/nginx"
        if not openssl:
            log("openssl is missing: the TLS case is skipped")
            return
        cert, key = f"{self.work}/upstream.crt", f"{self.work}/upstream.key"
        subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                        "-days", "2", "-subj", "/CN=localhost",
                        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                       check=True, capture_output=True)
        conf = f"{self.work}/nginx-tls.conf"
        user = f"user {os.environ.get('USER', 'root')};" if os.geteuid() == 0 else ""
        servers = "".join(f"""
    server {{
        listen 127.0.0.1:{port} ssl{' http2' if protocol == 'h2' else ''};
        ssl_certificate {cert};
        ssl_certificate_key {key};
        http2_max_requests 1000000;
        keepalive_requests 1000000;
        access_log {self.work}/tls-{protocol}.log tls;
        location /v1/ {{
            proxy_pass http://mock/v1/;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_buffering off;
        }}
    }}""" for protocol, port in self.tls_ports.items())
        with open(conf, "w", encoding="utf-8") as f:
            f.write(f"""
{user}
worker_processes {self.workers};
daemon off;
pid {self.work}/nginx-tls.pid;
error_log {self.work}/nginx-tls-error.log warn;
events {{ worker_connections 16384; }}
http {{
    log_format tls '$connection $server_protocol';
    client_body_temp_path {self.work}/nginx-tls-body;
    proxy_temp_path {self.work}/nginx-tls-proxy;
    upstream mock {{
        server 127.0.0.1:{self.mock_port};
        keepalive 256;
    }}
{servers}
}}
""")
        self.spawn([nginx, "-p", self.work, "-c", conf, "-e", f"{self.work}/nginx-tls-error.log"], "nginx-tls")
        gateway, out = self.spawn([self.bin["gateway"], "--workspace", self.workspace, "--secrets-file",
                                   self.secrets, "--listen", "127.0.0.1:0", "--admin", "0", "--threads",
                                   str(self.workers), "--upstream-ca", cert, "--print-port"], "gateway-tls")
        port = int(self.first_line(gateway, out, "gateway-tls"))
        seconds = 3 if self.args.quick else 10
        results = {}
        for protocol in self.tls_ports:
            url = f"http://127.0.0.1:{port}/tls{protocol}chat/1.0.0/chat/completions"
            deadline = time.monotonic() + 10
            while True:
                status, body = self.post(url, SEED_BODY)
                if status == 200:
                    break
                if time.monotonic() > deadline:
                    fail(f"the TLS upstream ({protocol}) does not answer through the gateway: {status} {body[:300]!r}")
                time.sleep(0.1)
            logfile = f"{self.work}/tls-{protocol}.log"
            open(logfile, "w").close()  # nginx appends; only the measured requests count
            log(f"TLS upstream over {protocol} at 64 connections, {seconds} s")
            figures = self.wrk(url, 64, seconds)
            with open(logfile, encoding="utf-8") as f:
                lines = [line.split() for line in f if line.strip()]
            connections = len({fields[0] for fields in lines})
            protocols = sorted({fields[1] for fields in lines})
            results[protocol] = {"rps": round(figures["rps"], 1), "p50_us": figures["p50_us"],
                                 "errors": figures["socket_errors"] + figures["non2xx"],
                                 "upstream_requests": len(lines), "upstream_connections": connections,
                                 "handshakes_per_1000": round(connections * 1000 / max(1, len(lines)), 2),
                                 "upstream_protocols": protocols}
            log(f"TLS {protocol}: {results[protocol]}")
        self.results["tls_upstream"] = results
        gateway.terminate()

    def run_portkey(self):
        """Portkey's open-source gateway (npm, pinned) as a peer: the same 50/50 load balance with the
        model overridden, over the same mock. Skipped, with a notice, when npm or the registry is not
        reachable."""
        peers = self.results.setdefault("peers", {})
        name = f"Portkey OSS {PORTKEY_VERSION}"
        npm, node = shutil.which("npm"), shutil.which("node")
        if not npm or not node:
            log("npm or node is missing: the Portkey peer row is skipped")
            peers[name] = {"skipped": "npm or node missing"}
            return
        folder = f"{self.work}/portkey"
        os.makedirs(folder, exist_ok=True)
        install = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--prefix", folder,
                                  f"@portkey-ai/gateway@{PORTKEY_VERSION}", *PORTKEY_PINS],
                                 capture_output=True, text=True, timeout=300)
        server = f"{folder}/node_modules/@portkey-ai/gateway/build/start-server.js"
        if install.returncode != 0 or not os.path.exists(server):
            log(f"npm could not install Portkey (no registry?): the peer row is skipped")
            peers[name] = {"skipped": "npm install failed"}
            return
        port = free_port()
        process, _ = self.spawn([node, server, f"--port={port}", "--headless"], "portkey")
        url = f"http://127.0.0.1:{port}/v1/chat/completions"
        config = json.dumps({"strategy": {"mode": "loadbalance"}, "targets": [
            {"provider": "openai", "custom_host": f"{self.mock_url}/v1", "api_key": "sk-bench", "weight": 0.5,
             "override_params": {"model": model}} for model in ("gpt-4o", "gpt-4o-mini")]})
        headers = {"Content-Type": "application/json", "x-portkey-config": config}
        deadline = time.monotonic() + 30
        while True:
            try:
                request = urllib.request.Request(url, data=SEED_BODY.encode(), method="POST", headers=headers)
                with urllib.request.urlopen(request, timeout=5) as response:
                    if response.status == 200:
                        break
            except (OSError, urllib.error.HTTPError):
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                log("Portkey did not answer: the peer row is skipped")
                peers[name] = {"skipped": "did not start"}
                return
            time.sleep(0.2)
        seconds = 3 if self.args.quick else 10
        figures = {}
        with RssSampler(process.pid) as sampler:
            for connections, key in ((1, "c1"), (64, "c64")):
                log(f"peer {name} at {connections} connection(s), {seconds} s")
                figures[key] = self.wrk(url, connections, seconds, script_name="portkey",
                                        extra_headers={"x-portkey-config": config})
        peers[name] = {"c1": figures["c1"], "c64": figures["c64"], "rss_mb": round(sampler.peak(), 1),
                       "errors": sum(f["socket_errors"] + f["non2xx"] for f in figures.values())}
        process.terminate()

    def run_app(self):
        if not os.access(self.bin["app"], os.X_OK):
            return
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=f"{self.work}/home",
                   XDG_CONFIG_HOME=f"{self.work}/home/.config")
        os.makedirs(f"{self.work}/home", exist_ok=True)
        demo = f"{self.work}/app-demo"
        big = f"{self.work}/app-1000"
        make_workspace_with_apis(self.workspace, big, 1000)
        shutil.copytree(self.workspace, demo)
        runs = 3 if self.args.quick else 7
        cold, large = [], []
        for _ in range(runs):
            cold.append(app_startup_ms(self.bin["app"], demo, self.secrets, env))
            large.append(app_startup_ms(self.bin["app"], big, self.secrets, env))
        self.results["app_cold_start_ms"] = round(statistics.median(cold))
        self.results["app_open_1000_apis_ms"] = round(statistics.median(large))

    # ----- report ----------------------------------------------------------------------------------

    def machine(self):
        cpu = ""
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo", encoding="ascii") as info:
            memory_gib = int(info.readline().split()[1]) / 1024 / 1024
        nginx = subprocess.run([shutil.which("nginx") or "/usr/sbin/nginx", "-v"], capture_output=True,
                               text=True).stderr.strip()
        wrk = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.splitlines()[0]
        return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(memory_gib, 1),
                "kernel": platform.release(), "os": os_name(), "nginx": nginx, "wrk": wrk,
                "mode": "quick" if self.args.quick else "full",
                "date": time.strftime("%Y-%m-%d %H:%M:%S %Z")}

    def derived(self):
        cases = self.results["cases"]
        r = self.results
        r["added_p50_us_c1"] = cases["gateway"]["c1"]["p50_us"] - cases["direct"]["c1"]["p50_us"]
        r["gateway_rps_c64"] = cases["gateway"]["c64"]["rps"]
        r["gateway_vs_nginx_rps_c64"] = round(cases["gateway"]["c64"]["rps"] / cases["nginx"]["c64"]["rps"], 3)
        r["workers"] = {"gateway_threads": self.workers, "nginx_worker_processes": self.workers}
        # What each proxy adds to the direct call at one connection, and the gateway's share against
        # nginx's (not defined when nginx's added time is within noise of nothing).
        nginx_added = cases["nginx"]["c1"]["p50_us"] - cases["direct"]["c1"]["p50_us"]
        r["nginx_added_p50_us_c1"] = nginx_added
        r["added_p50_vs_nginx_c1"] = round(r["added_p50_us_c1"] / nginx_added, 2) if nginx_added >= 5 else None
        nginx_cpu = cases["nginx"]["c64"]["cpu_us_per_request"]
        r["cpu_vs_nginx_c64"] = round(cases["gateway"]["c64"]["cpu_us_per_request"] / nginx_cpu, 2) if nginx_cpu else None
        r["ratios"] = {
            key: {
                "gateway/direct p50": round(cases["gateway"][key]["p50_us"] / cases["direct"][key]["p50_us"], 2),
                "gateway/nginx p50": round(cases["gateway"][key]["p50_us"] / cases["nginx"][key]["p50_us"], 2),
                "gateway/direct rps": round(cases["gateway"][key]["rps"] / cases["direct"][key]["rps"], 3),
                "gateway/nginx rps": round(cases["gateway"][key]["rps"] / cases["nginx"][key]["rps"], 3),
            } for key in ("c1", "c64")
        }

    def report(self):
        cases = self.results["cases"]
        lines = ["", "| case | c1 p50 us | c1 p99 us | c1 req/s | c64 p50 us | c64 p99 us | c64 req/s | "
                 "CPU us/req (c64) | errors |",
                 "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for name in ("direct", "gateway", "nginx"):
            c1, c64 = cases[name]["c1"], cases[name]["c64"]
            lines.append(f"| {name} | {c1['p50_us']:.0f} | {c1['p99_us']:.0f} | {c1['rps']:.0f} | "
                         f"{c64['p50_us']:.0f} | {c64['p99_us']:.0f} | {c64['rps']:.0f} | "
                         f"{c64['cpu_us_per_request']:.0f} | {c1['errors'] + c64['errors']} |")
        for key in ("c1", "c64"):
            ratios = self.results["ratios"][key]
            lines.append(f"| ratio {key} | " + ", ".join(f"{k} {v}" for k, v in ratios.items()) + " | | | | | | | |")
        workers = self.results["workers"]
        lines.append(f"\ngateway worker threads: {workers['gateway_threads']}, "
                     f"nginx worker processes: {workers['nginx_worker_processes']}")
        peers = self.results.get("peers", {})
        if peers:
            lines += ["", "| peer | c1 p50 us | c1 req/s | c64 p50 us | c64 req/s | RSS MB | errors |",
                      "|---|---:|---:|---:|---:|---:|---:|"]
            for name, figures in peers.items():
                if "skipped" in figures:
                    lines.append(f"| {name} | skipped: {figures['skipped']} | | | | | |")
                    continue
                c1, c64 = figures["c1"], figures["c64"]
                lines.append(f"| {name} | {c1['p50_us']:.0f} | {c1['rps']:.0f} | {c64['p50_us']:.0f} | "
                             f"{c64['rps']:.0f} | {figures['rss_mb']:.0f} | {figures['errors']} |")
        tls = self.results.get("tls_upstream")
        if tls:
            lines += ["", "| HTTPS upstream (nginx, TLS) | req/s c64 | p50 c64 us | TLS handshakes per 1000 requests | "
                      "upstream protocol | errors |", "|---|---:|---:|---:|---|---:|"]
            for protocol, figures in tls.items():
                lines.append(f"| {'HTTP/2 (ALPN)' if protocol == 'h2' else 'HTTP/1.1'} | {figures['rps']:.0f} | "
                             f"{figures['p50_us']} | {figures['handshakes_per_1000']} | "
                             f"{', '.join(figures['upstream_protocols'])} | {figures['errors']} |")
        lines += ["", "| goal | measured | target | verdict |", "|---|---:|---:|---|"]
        for key, label, unit, limit, higher in GOALS:
            value = self.results.get(key)
            if value is None:
                lines.append(f"| {label} | not measured | {limit} {unit} | - |")
                continue
            ok = value >= limit if higher else value <= limit
            sign = ">=" if higher else "<="
            lines.append(f"| {label} | {value} {unit} | {sign} {limit} {unit} | {'pass' if ok else 'short'} |")
        if self.results["micro"]:
            lines += ["", "| micro-benchmark | ns per operation |", "|---|---:|"]
            for name, figures in self.results["micro"].items():
                lines.append(f"| {name} | {figures['ns']} |")
        print("\n".join(lines))


def lua_string(text):
    """A Lua long-bracket string literal holding `text` as it is."""
    level = 0
    while f"]{'=' * level}]" in text:
        level += 1
    return f"[{'=' * level}[{text}]{'=' * level}]"


def strace_total(path):
    """The number of syscalls on strace -c's "total" line."""
    try:
        with open(path, encoding="utf-8") as report:
            for line in report:
                fields = line.split()
                if fields and fields[-1] == "total":
                    return int(fields[3])
    except OSError:
        pass
    return 0


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def os_name():
    try:
        with open("/etc/os-release", encoding="utf-8") as release:
            for line in release:
                if line.startswith("PRETTY_NAME="):
                    return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return platform.system()


def request_bytes(path, body, token, close):
    payload = body.encode()
    return (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Authorization: Bearer {token}\r\nContent-Length: {len(payload)}\r\n"
            f"{'Connection: close' if close else 'Connection: keep-alive'}\r\n\r\n").encode() + payload


async def read_status(reader):
    line = await reader.readline()
    parts = line.split()
    return int(parts[1]) if len(parts) > 1 else 0


async def fanout(port, path, token, count):
    """Fires `count` requests at once, each on its own connection; returns (wall seconds, 200s)."""
    async def one():
        reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=1 << 20)
        writer.write(request_bytes(path, SEED_BODY, token, close=True))
        await writer.drain()
        status = await read_status(reader)
        await reader.read()
        writer.close()
        return status
    started = time.perf_counter()
    statuses = await asyncio.gather(*(one() for _ in range(count)), return_exceptions=True)
    wall = time.perf_counter() - started
    return wall, sum(1 for s in statuses if s == 200)


async def first_event_us(port, path, token):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    request = request_bytes(path, STREAM_BODY, token, close=True)
    started = time.perf_counter()
    writer.write(request)
    await writer.drain()
    buffered = b""
    while b"data:" not in buffered:
        chunk = await reader.read(65536)
        if not chunk:
            raise RuntimeError(f"stream ended before its first event: {buffered[:200]!r}")
        buffered += chunk
    elapsed = (time.perf_counter() - started) * 1e6
    writer.close()
    return elapsed


async def ttfb_pairs(mock_port, gateway_port, token, samples):
    direct, gateway = [], []
    for _ in range(samples):
        direct.append(await first_event_us(mock_port, DIRECT_PATH, token))
        gateway.append(await first_event_us(gateway_port, GATEWAY_PATH, token))
    return direct, gateway


async def ttfb_pairs_paths(port, first_path, second_path, token, samples):
    first, second = [], []
    for _ in range(samples):
        first.append(await first_event_us(port, first_path, token))
        second.append(await first_event_us(port, second_path, token))
    return first, second


async def hold_streams(port, token, count, pid):
    """Opens `count` streams through the gateway, waits until each has its first event, samples the
    gateway's RSS while all are open, then closes them. Returns (streams opened, RSS in MB)."""
    release = asyncio.Event()
    opened = 0
    all_open = asyncio.Event()

    async def one():
        nonlocal opened
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(request_bytes(GATEWAY_PATH, STREAM_BODY, token, close=True))
        await writer.drain()
        buffered = b""
        while b"data:" not in buffered:
            chunk = await reader.read(65536)
            if not chunk:
                raise RuntimeError("stream ended early")
            buffered += chunk
        opened += 1
        if opened == count:
            all_open.set()
        await release.wait()
        writer.close()

    tasks = [asyncio.ensure_future(one()) for _ in range(count)]
    try:
        await asyncio.wait_for(all_open.wait(), timeout=30)
    except asyncio.TimeoutError:
        pass
    rss = rss_mb(pid)
    release.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    return opened, rss


def make_workspace_with_apis(source, target, count):
    """A copy of the bench workspace with `count` more APIs (copies of SmartChat, distinct contexts)."""
    shutil.copytree(source, target)
    with open(f"{source}/apis/smartchat-1.0.0/api.json", encoding="utf-8") as f:
        api = json.load(f)
    for index in range(count - 1):
        api_id = f"bench{index:04d}-1.0.0"
        api.update(id=api_id, name=f"Bench {index:04d}", context=f"bench{index:04d}")
        os.makedirs(f"{target}/apis/{api_id}")
        with open(f"{target}/apis/{api_id}/api.json", "w", encoding="utf-8") as f:
            json.dump(api, f, indent=2)


def app_startup_ms(app, workspace, secrets, env):
    """Milliseconds from starting the app to its first painted main window. With --report-startup
    the app prints the monotonic clock (CLOCK_MONOTONIC, the clock of time.monotonic_ns()) at its
    first paint and quits, so the figure counts loading the libraries and excludes shutting down."""
    started = time.monotonic_ns()
    done = subprocess.run([app, "--workspace", workspace, "--secrets-file", secrets, "--listen",
                           "127.0.0.1:0", "--report-startup"], capture_output=True, text=True, env=env,
                          timeout=60)
    for line in done.stdout.splitlines():
        if line.startswith("painted-at-ns "):
            return (int(line.split()[1]) - started) / 1e6
    fail(f"the app did not report a painted window: {done.stderr.strip()[:300]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", default=os.environ.get("GATEHOUSE_BUILD_DIR", "build"),
                        help="the build folder (default: $GATEHOUSE_BUILD_DIR or ./build)")
    parser.add_argument("--quick", action="store_true", help="about a minute: one short round")
    parser.add_argument("--json", metavar="FILE", help="write the figures to FILE as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, workspace)")
    parser.add_argument("--profile", metavar="DIR",
                        help="instead of the benchmark: profile the gateway and nginx (perf, strace, "
                             "context switches) at 1 and 64 connections into DIR")
    args = parser.parse_args()

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # 1000 streams need ~2000 fds per process
    bench = Bench(args)
    started = time.monotonic()
    try:
        bench.start()
        if args.profile:
            bench.run_profile(os.path.abspath(args.profile))
            return
        bench.run_throughput()
        bench.run_streaming()
        bench.run_guardrails()
        bench.run_shared_state()
        bench.run_cache()
        bench.run_fanout()
        bench.run_micro()
        bench.run_tls()
        bench.run_portkey()
        bench.run_app()
        bench.results["machine"] = bench.machine()
        bench.results["wall_s"] = round(time.monotonic() - started, 1)
        bench.derived()
        bench.report()
        if args.json:
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump(bench.results, f, indent=2)
                f.write("\n")
            log(f"figures written to {args.json}")
    finally:
        bench.cleanup()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Gatehouse soak: a steady mixed load on the gateway for a long time, then its memory and descriptors.

Started by tests/soak/run. Reuses the benchmark's set-up (the mock, the seed API on gatehouse-gateway,
a production token): wrk keeps 16 connections busy with the seed's request, a second client keeps
streams going (8 at a time, two of them leaving after the first event), and every 20 s the mock fails gpt-4o for 5 s (HTTP 500, then reset
connections mid-stream), so suspension, retry and truncated-stream paths run all along. RSS and open
descriptors are sampled after a warm-up and at the end; the growth must stay under 5%.
"""

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "benchmarks"))
import gateway_bench  # noqa: E402  (the benchmark's processes, token and helpers)


def sample(pid):
    return gateway_bench.rss_mb(pid), gateway_bench.fd_count(pid)


async def whole_stream(port, token):
    """Reads one streamed completion to its end; True when it ended with [DONE]."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(gateway_bench.request_bytes(gateway_bench.GATEWAY_PATH, gateway_bench.STREAM_BODY, token,
                                             close=True))
    await writer.drain()
    received = await reader.read()
    writer.close()
    return b"[DONE]" in received


async def stream_forever(port, token, stop, counts):
    async def one(index):
        while not stop.is_set():
            try:
                # Most streams are read to the end; every fourth client leaves after the first event.
                if index % 4 == 3:
                    await gateway_bench.first_event_us(port, gateway_bench.GATEWAY_PATH, token)
                    counts["streams_left_early"] += 1
                elif await whole_stream(port, token):
                    counts["streams"] += 1
                else:
                    counts["stream_errors"] += 1
            except Exception:  # a fault cut the stream: that is part of the load
                counts["stream_errors"] += 1
                await asyncio.sleep(0.05)
    await asyncio.gather(*(one(index) for index in range(8)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", default=os.environ.get("GATEHOUSE_BUILD_DIR", "build"))
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args()
    bench_args = argparse.Namespace(build_dir=args.build_dir, quick=True, json=None, keep=False)
    bench = gateway_bench.Bench(bench_args)
    try:
        bench.start()
        pid = bench.gateway.pid
        url = bench.targets["gateway"]
        stop = threading.Event()
        counts = {"streams": 0, "streams_left_early": 0, "stream_errors": 0, "faults": 0}
        streaming = threading.Thread(
            target=lambda: asyncio.run(stream_forever(bench.gateway_port, bench.token, stop, counts)), daemon=True)

        def faults():
            while not stop.wait(15):
                fault = {"model": "gpt-4o", "status": 500} if counts["faults"] % 2 == 0 else \
                    {"model": "gpt-4o", "resetAfterBytes": 200}
                bench.mock_fault(fault)
                counts["faults"] += 1
                if stop.wait(5):
                    break
                bench.mock_fault(None)
        faulting = threading.Thread(target=faults, daemon=True)
        streaming.start()
        faulting.start()

        total = args.minutes * 60
        warmup = min(60.0, total / 5)
        samples = []
        wrk_runs = []
        started = time.monotonic()
        start_sample = None
        while time.monotonic() - started < total:
            chunk = min(30, max(1, int(total - (time.monotonic() - started))))
            wrk_runs.append(bench.wrk(url, 16, chunk))
            elapsed = time.monotonic() - started
            rss, fds = sample(pid)
            samples.append({"t_s": round(elapsed), "rss_mb": round(rss, 1), "fds": fds})
            if start_sample is None and elapsed >= warmup:
                start_sample = samples[-1]
            print(f"-- {elapsed:5.0f} s: RSS {rss:.1f} MB, {fds} fds, {wrk_runs[-1]['rps']:.0f} req/s", file=sys.stderr,
                  flush=True)
        stop.set()
        bench.mock_fault(None)
        streaming.join(timeout=10)
        time.sleep(2)  # let the last calls end
        end_rss, end_fds = sample(pid)
        start_sample = start_sample or samples[0]
        rss_growth = (end_rss - start_sample["rss_mb"]) / start_sample["rss_mb"] * 100
        fd_growth = (end_fds - start_sample["fds"]) / start_sample["fds"] * 100
        requests = sum(run["requests"] for run in wrk_runs)
        result = {
            "minutes": args.minutes, "requests": requests, "streams": counts["streams"],
            "streams_left_early": counts["streams_left_early"], "stream_errors": counts["stream_errors"],
            "fault_windows": counts["faults"],
            "non2xx_or_socket_errors": sum(run["non2xx"] + run["socket_errors"] for run in wrk_runs),
            "rss_mb_start": start_sample["rss_mb"], "rss_mb_end": round(end_rss, 1),
            "rss_growth_pct": round(rss_growth, 2), "fds_start": start_sample["fds"], "fds_end": end_fds,
            "fd_growth_pct": round(fd_growth, 2), "median_rps": round(statistics.median(r["rps"] for r in wrk_runs)),
            "samples": samples, "machine": bench.machine(),
        }
        ok = rss_growth < 5 and fd_growth < 5 and bench.gateway.poll() is None
        print(f"soak: {requests} requests and {counts['streams']} streams in {args.minutes:g} min "
              f"({counts['faults']} fault windows): RSS {start_sample['rss_mb']} -> {end_rss:.1f} MB "
              f"({rss_growth:+.1f}%), fds {start_sample['fds']} -> {end_fds} ({fd_growth:+.1f}%): "
              f"{'PASS' if ok else 'FAIL'}")
        if args.json:
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump(result, f, indent=2)
                f.write("\n")
        sys.exit(0 if ok else 1)
    finally:
        bench.cleanup()


if __name__ == "__main__":
    main()

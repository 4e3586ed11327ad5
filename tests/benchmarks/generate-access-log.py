#!/usr/bin/env python3
"""Writes a day of realistic gateway traffic as an access log, for the usage benchmark and for looking
at the usage view with something in it.

    tests/benchmarks/generate-access-log.py --logs W/logs [--records 1000000] [--day 2026-12-07]
        [--apps ID,ID,...] [--seed 18] [--summary FILE]

It writes <logs>/access-YYYYMMDD.jsonl in the gateway's own line format (gateway/AccessRecord.cpp
toJsonLine: the same members in the same order, costs with ten decimals): four APIs on OpenAI,
Mistral, Anthropic and the free Demo provider with their models, a dozen applications of very
different sizes, more traffic in working hours than at night, 60 % streamed, prompt caching and
reasoning tokens where the models have them, 429s, upstream failures, guardrail refusals, streams cut
short, answers whose usage the gateway had to estimate, a model without a price, and a few calls that
never got past authentication. Each cost is computed from the tokens and list prices per million
tokens, cached prompt tokens at the cache-read price. Lines are written in the order the calls end
(a record is logged when its call ends), so long streams come after calls that started later.

--summary writes what the lines add up to (requests, errors, tokens by kind, cost in units of 1e-10
USD, per application and model too), computed here independently of Gatehouse, so that a run of
gatehouse-ctl usage can be checked against it.
"""

import argparse
import datetime
import json
import math
import os
import random
import sys

# USD per 1M tokens: input, cached input, output (list prices; the Demo provider's models are free).
PRICES = {
    "gpt-4o": (2.50, 1.25, 10.00),
    "gpt-4o-mini": (0.15, 0.075, 0.60),
    "o3-mini": (1.10, 0.55, 4.40),
    "mistral-large-latest": (2.00, 2.00, 6.00),
    "mistral-small-latest": (0.20, 0.20, 0.60),
    "claude-3-5-sonnet-20241022": (3.00, 0.30, 15.00),
    "claude-3-5-haiku-20241022": (0.80, 0.08, 4.00),
    "demo-fast": (0.0, 0.0, 0.0),
    "demo-smart": (0.0, 0.0, 0.0),
}
REASONING = {"o3-mini"}
UNPRICED = "acme-finetune-7b"  # a model the catalogue has no price for: cost not calculated

# (api id, name, weight, [(model, weight)])
APIS = [
    ("smartchat-1.0.0", "SmartChat", 55, [("gpt-4o", 45), ("gpt-4o-mini", 45), ("o3-mini", 10)]),
    ("translate-2.1.0", "Translate", 20, [("mistral-large-latest", 30), ("mistral-small-latest", 69.5),
                                          (UNPRICED, 0.5)]),
    ("assist-1.0.0", "Assist", 20, [("claude-3-5-sonnet-20241022", 40), ("claude-3-5-haiku-20241022", 60)]),
    ("demo-1.0.0", "Demo", 5, [("demo-fast", 70), ("demo-smart", 30)]),
]
DEFAULT_APPS = ["smartchatapp", "support-bot", "docs-search", "mobile-app", "web-frontend", "batch-summaries",
                "sales-assistant", "code-review", "hr-helpdesk", "analytics", "qa-tests", "intern-sandbox"]

# The hour of the day weighs the traffic: quiet at night, busy in working hours (UTC).
HOURLY = [2, 1.5, 1.2, 1, 1, 1.5, 3, 5, 8, 10, 10, 9, 8, 9, 10, 10, 9, 8, 6, 5, 4, 3.5, 3, 2.5]


def cost_units(model, prompt, completion, cached):
    """Cost in units of 1e-10 USD, as the log's ten decimals hold it, and its text."""
    input_price, cached_price, output_price = PRICES[model]
    usd = ((prompt - cached) * input_price + cached * cached_price + completion * output_price) / 1e6
    text = "%.10f" % usd
    whole, fraction = text.split(".")
    return int(whole) * 10_000_000_000 + int(fraction), text


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--logs", required=True, help="the workspace's logs folder (created when missing)")
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--day", default=datetime.datetime.now(datetime.timezone.utc).date().isoformat(),
                        help="UTC day, YYYY-MM-DD (default: today)")
    parser.add_argument("--apps", default=",".join(DEFAULT_APPS), help="application ids, comma-separated")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--summary", help="write the expected sums here as JSON")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    day = datetime.date.fromisoformat(args.day)
    day_start = datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc)
    day_ms = int(day_start.timestamp() * 1000)
    apps = [a for a in args.apps.split(",") if a]
    # Zipf-like sizes: the first application makes far more calls than the last.
    app_weights = [1.0 / (rank + 1) ** 1.1 for rank in range(len(apps))]
    tokens = {app: ["%016x" % rng.getrandbits(64) for _ in range(40)] for app in apps}
    models = {api[0]: ([m for m, _ in api[3]], [w for _, w in api[3]]) for api in APIS}

    n = args.records
    hours = rng.choices(range(24), weights=HOURLY, k=n)
    api_picks = rng.choices(APIS, weights=[a[2] for a in APIS], k=n)
    app_picks = rng.choices(apps, weights=app_weights, k=n)
    calls = []
    for i in range(n):
        arrival = day_ms + hours[i] * 3_600_000 + rng.randrange(3_600_000)
        streamed = rng.random() < 0.6
        latency = rng.lognormvariate(math.log(1800 if streamed else 900), 0.6)
        # Ends after the day's file closes: the record would be in tomorrow's file. Keep the day whole.
        if arrival + latency >= day_ms + 86_400_000:
            arrival = day_ms + 86_400_000 - int(latency) - 1
        calls.append((arrival + latency, arrival, latency, streamed, api_picks[i], app_picks[i]))
    calls.sort(key=lambda call: call[0])

    os.makedirs(args.logs, exist_ok=True)
    path = os.path.join(args.logs, "access-%s.jsonl" % day.strftime("%Y%m%d"))
    summary = {"records": 0, "requests": 0, "errors": 0, "promptTokens": 0, "completionTokens": 0,
               "totalTokens": 0, "cachedTokens": 0, "reasoningTokens": 0, "costE10": 0,
               "estimatedCosts": 0, "notCalculatedCosts": 0, "interventions": 0, "groups": {}}
    out = []
    with open(path, "w", encoding="utf-8") as log:
        for _, arrival, latency, streamed, api, app in calls:
            api_id, api_name, _, _ = api
            names, weights = models[api_id]
            model = rng.choices(names, weights=weights)[0]
            roll = rng.random()
            status, error_code, guardrail = 200, None, None
            usage, cost_text, cost_status, cost_reason = "reported", None, None, None
            prompt = completion = total = cached = reasoning = None
            application, key_type = app, "PRODUCTION"
            if roll < 0.005:  # no valid token: refused before an application is known
                status, error_code, application, key_type = 401, "900901", "", ""
            elif roll < 0.02:
                status, error_code = 429, "900800"
            elif roll < 0.03:
                status, error_code = rng.choice([(502, "101503"), (503, "101504"), (504, "101504")])
            elif roll < 0.035:
                status, error_code, guardrail = 446, "900514", "Jailbreak"
            if status == 200:
                prompt = max(1, int(rng.lognormvariate(math.log(700), 0.9)))
                completion = max(1, int(rng.lognormvariate(math.log(250), 0.8)))
                if model in REASONING:
                    reasoning = int(completion * rng.uniform(0.3, 0.8))
                    completion += reasoning
                else:
                    reasoning = 0
                cached = (prompt // 128) * 128 // 2 if prompt >= 1024 and rng.random() < 0.4 else 0
                if roll > 0.997:  # a stream cut short: what was counted until then, and an error
                    error_code = "101505"
                    completion = max(1, completion // 3)
                total = prompt + completion
                if rng.random() < 0.05:  # no usage from the upstream: the gateway estimated it
                    usage = "estimated"
                if model == UNPRICED:
                    cost_status, cost_reason = "not_calculated", "no price for model %s" % model
                else:
                    units, cost_text = cost_units(model, prompt, completion, cached)
                    cost_status = "estimated" if usage == "estimated" else "calculated"
                    summary["costE10"] += units
            else:
                usage = None

            def number(value):
                return "null" if value is None else str(value)

            def text(value):
                return "null" if value is None else '"%s"' % value

            upstream = 0 if status in (401, 429, 446) else latency * rng.uniform(0.85, 0.97)
            line = ('{"time":"%s","api":"%s","apiId":"%s","operation":"POST /chat/completions",'
                    '"application":"%s","keyType":"%s","tokenId":"%s","model":"%s",'
                    '"endpoint":"default_production_endpoint","status":%d,"latencyMs":%s,"upstreamLatencyMs":%s,'
                    '"promptTokens":%s,"completionTokens":%s,"totalTokens":%s,"cachedTokens":%s,'
                    '"reasoningTokens":%s,"usage":%s,"costUsd":%s,"costStatus":%s' % (
                        datetime.datetime.fromtimestamp(arrival / 1000, datetime.timezone.utc)
                        .strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (int(arrival) % 1000),
                        api_name, api_id, application, key_type,
                        rng.choice(tokens[app]) if application else "", model, status,
                        ("%.3f" % latency).rstrip("0").rstrip("."), ("%.3f" % upstream).rstrip("0").rstrip("."),
                        number(prompt), number(completion), number(total), number(cached), number(reasoning),
                        text(usage), cost_text or "null", text(cost_status)))
            if cost_reason:
                line += ',"costReason":"%s"' % cost_reason
            line += ',"retried":%s,"streamed":%s,"errorCode":%s' % (
                "true" if rng.random() < 0.01 else "false", "true" if streamed else "false", text(error_code))
            if guardrail:
                line += ',"guardrail":"%s","guardrailKind":"RegexGuardrail","guardrailDirection":"REQUEST"' % guardrail
            line += ',"client":"10.0.%d.%d"}\n' % (rng.randrange(4), rng.randrange(1, 255))
            out.append(line)
            if len(out) >= 10000:
                log.write("".join(out))
                out.clear()

            summary["records"] += 1
            summary["requests"] += 1
            summary["errors"] += 1 if status >= 400 or error_code else 0
            for key, value in (("promptTokens", prompt), ("completionTokens", completion),
                               ("totalTokens", total), ("cachedTokens", cached), ("reasoningTokens", reasoning)):
                summary[key] += value or 0
            summary["estimatedCosts"] += 1 if cost_status == "estimated" else 0
            summary["notCalculatedCosts"] += 1 if cost_status == "not_calculated" else 0
            summary["interventions"] += 1 if guardrail else 0
            group = summary["groups"].setdefault("%s|%s" % (application, model), {"requests": 0, "costE10": 0,
                                                                                 "totalTokens": 0})
            group["requests"] += 1
            group["totalTokens"] += total or 0
            if cost_text:
                group["costE10"] += cost_units(model, prompt, completion, cached)[0]
        log.write("".join(out))

    if args.summary:
        with open(args.summary, "w", encoding="utf-8") as handle:
            json.dump(summary, handle, indent=1)
    size = os.path.getsize(path)
    print("generate-access-log: %d records, %.1f MB in %s" % (n, size / 1e6, path), file=sys.stderr)


if __name__ == "__main__":
    main()

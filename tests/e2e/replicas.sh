#!/usr/bin/env bash
# Many replicas, one deployment: three gatehouse-gateway processes serve the same workspace behind an
# nginx round-robin proxy on loopback (the recipe in README "Running several gateways"). Passes when
# a token from the token endpoint (through nginx) works on every replica, the proxied calls reach all
# three and split over the seed's two models, and a new deployment reaches every replica without a
# restart. Without shared state, suspensions and quotas are per replica, as in WSO2 without a traffic
# manager; cluster.sh runs the same picture sharing them through Redis.
set -euo pipefail
bin=${1:?usage: replicas.sh BUILD_DIR}/src
script=replicas
# shellcheck source=replicas-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/replicas-lib.sh"

start_mock
seed_workspace Unlimited
start_replicas 3
start_nginx

# A token from whichever replica nginx picks is valid on every replica: they share the signing key.
TOKEN=$(ctl token --app SmartChatApp --type production --gateway "http://127.0.0.1:$NGINX")
[ -n "$TOKEN" ] || fail "no token through nginx"
body='{"model":"o3-mini","messages":[{"role":"user","content":"Say this is a test!"}]}'
for replica in 0 1 2; do
    status=$(curl -s -o "$work/direct.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -d "$body" \
        "http://127.0.0.1:${ports[$replica]}/smartchat/1.0.0/chat/completions")
    [ "$status" = 200 ] || fail "replica $((replica + 1)) refuses the token: HTTP $status $(cat "$work/direct.json")"
done

declare -A served=()
for _ in $(seq 1 30); do
    model=$(curl -sS -D "$work/headers" -o /dev/null -H "Authorization: Bearer $TOKEN" -d "$body" \
        "http://127.0.0.1:$NGINX/smartchat/1.0.0/chat/completions" -w '%{http_code}')
    [ "$model" = 200 ] || fail "a call through nginx answered HTTP $model"
    model=$(grep -i '^x-gatehouse-model:' "$work/headers" | tr -d '\r' | cut -d' ' -f2)
    served[$model]=$(( ${served[$model]:-0} + 1 ))
done
counts=()
for replica in 0 1 2; do
    requests=$(curl -s "http://127.0.0.1:${admins[$replica]}/status" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["counters"]["requests"])')
    counts+=("$requests")
    # One direct call each, the rest through nginx: every replica must have had some of the 30.
    [ "$requests" -gt 1 ] || fail "replica $((replica + 1)) served no proxied call (requests=$requests)"
done
four=${served[gpt-4o]:-0}
mini=${served[gpt-4o-mini]:-0}
[ $((four + mini)) -eq 30 ] || fail "models other than the seed's served calls: ${!served[*]}"
# Each replica alternates 50/50 on its own; together they can be off by one per replica at most.
[ $((four > mini ? four - mini : mini - four)) -le 3 ] || fail "split gpt-4o=$four gpt-4o-mini=$mini"

# A new deployment reaches every replica without a restart: a response header added at API level.
ctl policy attach --api SmartChat --api-level --flow response --policy addHeader \
    --params '{"headerName":"X-Revision","headerValue":"two"}' >/dev/null
ctl deploy --api SmartChat >/dev/null
for replica in 0 1 2; do
    seen=""
    for _ in $(seq 1 100); do
        seen=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $TOKEN" -d "$body" \
            "http://127.0.0.1:${ports[$replica]}/smartchat/1.0.0/chat/completions" |
            grep -i '^x-revision:' | tr -d '\r' | cut -d' ' -f2 || true)
        [ "$seen" = two ] && break
        sleep 0.1
    done
    [ "$seen" = two ] || fail "replica $((replica + 1)) does not serve the new deployment after 10 s"
done
echo "replicas: 3 replicas behind nginx served ${counts[*]} requests; gpt-4o=$four gpt-4o-mini=$mini; the new deployment reached all three"

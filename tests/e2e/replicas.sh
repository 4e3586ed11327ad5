#!/usr/bin/env bash
# Many replicas, one deployment: three gatehouse-gateway processes serve the same workspace behind an
# nginx round-robin proxy on loopback (the recipe in README "Running several gateways"). Passes when
# a token from the token endpoint (through nginx) works on every replica, the proxied calls reach all
# three and split over the seed's two models, and a new deployment reaches every replica without a
# restart. Suspension and quotas are per replica, as in WSO2 without a traffic manager.
set -euo pipefail
bin=${1:?usage: replicas.sh BUILD_DIR}/src
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || { echo "replicas: nginx is missing (apt-get install nginx-light; ./dev test does)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-replicas.XXXXXX")
W=$work/workspace
S=$work/secrets.json
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "replicas: FAIL: $*" >&2; exit 1; }

first_line() { # waits for a background program's first line of output (its port)
    for _ in $(seq 1 200); do
        [ -s "$1" ] && { head -n 1 "$1"; return 0; }
        sleep 0.05
    done
    fail "no port printed in $1: $(cat "$1" "$1.err" 2>/dev/null)"
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ctl() { "$bin/ctl/gatehouse-ctl" --workspace "$W" --secrets-file "$S" "$@"; }

"$bin/mock-llm/gatehouse-mock-llm" --listen 127.0.0.1:0 --print-port >"$work/mock.out" 2>"$work/mock.out.err" &
pids+=($!)
MOCK=$(first_line "$work/mock.out")

# The seed, made once in the shared workspace.
ctl api create --name SmartChat --context smartchat --version 1.0.0 \
    --provider openai --production-url "http://127.0.0.1:$MOCK/v1" --production-key sk-replica-test >/dev/null
ctl policy attach --api SmartChat --operation "POST /chat/completions" \
    --flow request --policy modelWeightedRoundRobin \
    --params "{'production':[{'model':'gpt-4o','endpointId':'default_production_endpoint','weight':50},{'model':'gpt-4o-mini','endpointId':'default_production_endpoint','weight':50}],'sandbox':[],'suspendDuration':30}" >/dev/null
ctl deploy --api SmartChat >/dev/null
ctl app create --name SmartChatApp >/dev/null
ctl subscribe --app SmartChatApp --api SmartChat --plan Unlimited >/dev/null
ctl keys generate --app SmartChatApp --type production >/dev/null

# Three replicas on the same workspace and secrets file, each with its own port and admin port.
ports=()
admins=()
for replica in 1 2 3; do
    admin=$(free_port)
    "$bin/gateway-cli/gatehouse-gateway" --workspace "$W" --secrets-file "$S" --listen 127.0.0.1:0 \
        --admin "$admin" --print-port >"$work/gw$replica.out" 2>"$work/gw$replica.out.err" &
    pids+=($!)
    ports+=("$(first_line "$work/gw$replica.out")")
    admins+=("$admin")
done

# nginx in front: round robin over the replicas with keep-alive upstream connections, no buffering
# (streams pass through as they come).
NGINX=$(free_port)
mkdir -p "$work/nginx"
user=""
[ "$(id -u)" -eq 0 ] && user="user root;"
cat >"$work/nginx/nginx.conf" <<CONF
$user
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    upstream gatehouse {
        server 127.0.0.1:${ports[0]};
        server 127.0.0.1:${ports[1]};
        server 127.0.0.1:${ports[2]};
        keepalive 16;
    }
    server {
        listen 127.0.0.1:$NGINX;
        location / {
            proxy_pass http://gatehouse;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_buffering off;
        }
    }
}
CONF
"$nginx" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
pids+=($!)
for _ in $(seq 1 100); do
    curl -s -o /dev/null "http://127.0.0.1:$NGINX/" && break
    sleep 0.05
done

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

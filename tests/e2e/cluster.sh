#!/usr/bin/env bash
# A cluster you can start (README "Running several gateways"): redis-server, the mock LLM, three
# gatehouse-gateway replicas sharing state through that Redis on one workspace, and nginx in front,
# all on loopback. The workspace holds the founding seed (SmartChat, Model Weighted Round Robin over
# gpt-4o and gpt-4o-mini) with an application on a 10-requests-per-minute plan.
#
#   cluster.sh BUILD_DIR            start it, print where to point the app and the shell, wait for Ctrl+C
#   cluster.sh BUILD_DIR --check    start it, check what the cluster promises, stop (the "cluster" test):
#                                   through nginx, exactly 10 of 30 calls pass the plan; every replica
#                                   sees three live replicas; with Redis killed, calls keep passing
#                                   (failure mode open) and /status says Redis is away.
set -euo pipefail
bin=${1:?usage: cluster.sh BUILD_DIR [--check]}/src
mode=${2:-run}
script=cluster
# shellcheck source=replicas-lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/replicas-lib.sh"
redis=$(command -v redis-server || echo /usr/bin/redis-server)
[ -x "$redis" ] || fail "redis-server is missing (apt-get install redis-server; ./dev deps does)"
status_of() { curl -s "http://127.0.0.1:$1/status"; }

# Redis for the cluster alone: its own port, nothing written to disk.
REDIS=$(free_port)
mkdir -p "$work/redis"
"$redis" --port "$REDIS" --bind 127.0.0.1 --save '' --appendonly no --dir "$work/redis" \
    --logfile "$work/redis/redis.log" &
pids+=($!)
redis_pid=$!
for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$REDIS") 2>/dev/null && break
    sleep 0.05
done

start_mock
ctl plan create --name TenPerMinute --requests 10/min >/dev/null
seed_workspace TenPerMinute
ctl gateway shared-state --backend redis --url "redis://127.0.0.1:$REDIS/0" >/dev/null
start_replicas 3
start_nginx

live_replicas() { status_of "$1" | python3 -c 'import json,sys; s=json.load(sys.stdin)["sharedState"]; print(s["liveReplicas"] if s.get("connected") else 0)'; }
for admin in "${admins[@]}"; do
    for _ in $(seq 1 100); do
        [ "$(live_replicas "$admin")" = 3 ] && break
        sleep 0.1
    done
    [ "$(live_replicas "$admin")" = 3 ] || fail "replica on admin port $admin does not see three live replicas: $(status_of "$admin")"
done

if [ "$mode" != --check ]; then
    cat <<INFO
Gatehouse cluster on loopback (Ctrl+C stops it and removes everything):
  gateway (nginx)   http://127.0.0.1:$NGINX   -> replicas on ${ports[*]}
  admin (status)    http://127.0.0.1:${admins[0]}/status  http://127.0.0.1:${admins[1]}/status  http://127.0.0.1:${admins[2]}/status
  redis             redis://127.0.0.1:$REDIS/0   (keys under gatehouse:)
  mock LLM          http://127.0.0.1:$MOCK/v1
  workspace         $W   (secrets in $S)
Point the app at it:  gatehouse --workspace $W --secrets-file $S --listen 127.0.0.1:0
                      (its in-app gateway joins as a fourth replica)
From the shell:       gatehouse-ctl --workspace $W --secrets-file $S invoke --gateway http://127.0.0.1:$NGINX --app SmartChatApp --type production --api SmartChat --operation "POST /chat/completions" --repeat 12
SmartChatApp is on TenPerMinute: the three replicas together admit 10 calls a minute.
INFO
    wait "$redis_pid"
    exit 0
fi

# Minute windows: start early in one, so the 30 calls fall in the same window.
second=$(date +%S)
[ "${second#0}" -gt 45 ] && sleep $((61 - ${second#0}))
TOKEN=$(ctl token --app SmartChatApp --type production --gateway "http://127.0.0.1:$NGINX")
[ -n "$TOKEN" ] || fail "no token through nginx"
body='{"model":"o3-mini","messages":[{"role":"user","content":"Say this is a test!"}]}'
call() { curl -s -o "$work/answer.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -d "$body" \
    "http://127.0.0.1:$NGINX/smartchat/1.0.0/chat/completions"; }
passed=0
refused=0
for _ in $(seq 1 30); do
    case $(call) in
        200) passed=$((passed + 1)) ;;
        429) refused=$((refused + 1)) ;;
        *) fail "a call through nginx answered: $(cat "$work/answer.json")" ;;
    esac
done
[ "$passed" -eq 10 ] && [ "$refused" -eq 20 ] || fail "the plan admitted $passed and refused $refused of 30 (want 10 and 20)"
for admin in "${admins[@]}"; do
    requests=$(status_of "$admin" | python3 -c 'import json,sys; print(json.load(sys.stdin)["counters"]["requests"])')
    [ "$requests" -gt 1 ] || fail "replica on admin port $admin served no proxied call"
done

# Redis gone (failure mode open): calls keep being answered, each replica counting alone; /status says so.
kill -9 "$redis_pid"
wait "$redis_pid" 2>/dev/null || true
sleep 0.2
for _ in $(seq 1 6); do
    status=$(call)
    [ "$status" = 200 ] || [ "$status" = 429 ] || fail "with Redis gone a call answered $status: $(cat "$work/answer.json")"
done
connected=$(status_of "${admins[0]}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["sharedState"]["connected"])')
[ "$connected" = False ] || fail "/status does not say that Redis is away"
echo "cluster: OK (10 of 30 admitted across three replicas; Redis gone, calls still answered)"

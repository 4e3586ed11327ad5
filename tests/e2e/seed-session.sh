#!/usr/bin/env bash
# The founding scenario from the shell, exactly as the gateway issue writes it: create SmartChat,
# attach Model Weighted Round Robin (gpt-4o 50 / gpt-4o-mini 50), deploy, create SmartChatApp,
# subscribe, generate production keys, start the gateway, get a token and call the API 20 times.
# Passes when the calls split exactly 10/10, each answer names the model that served it, and the
# backend key appears in no workspace file. Needs a Secret Service (./dev test provides one).
set -euo pipefail
bin=${1:?usage: seed-session.sh BUILD_DIR}/src
work=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-seed.XXXXXX")
W=$work/workspace
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "seed-session: FAIL: $*" >&2; exit 1; }

first_line() { # waits for a background program's first line of output (its port)
    for _ in $(seq 1 100); do
        [ -s "$1" ] && { head -n 1 "$1"; return 0; }
        sleep 0.05
    done
    fail "no port printed in $1: $(cat "$1" "$1.err" 2>/dev/null)"
}

"$bin/mock-llm/gatehouse-mock-llm" --listen 127.0.0.1:0 --print-port >"$work/mock.out" 2>"$work/mock.out.err" &
pids+=($!)
MOCK=$(first_line "$work/mock.out")
ctl() { "$bin/ctl/gatehouse-ctl" --workspace "$W" "$@"; }

ctl api create --name SmartChat --context smartchat --version 1.0.0 \
    --provider openai --production-url "http://127.0.0.1:$MOCK/v1" --production-key sk-test >/dev/null
ctl policy attach --api SmartChat --operation "POST /chat/completions" \
    --flow request --policy modelWeightedRoundRobin \
    --params "{'production':[{'model':'gpt-4o','endpointId':'default_production_endpoint','weight':50},{'model':'gpt-4o-mini','endpointId':'default_production_endpoint','weight':50}],'sandbox':[],'suspendDuration':30}" >/dev/null
ctl deploy --api SmartChat >/dev/null
ctl app create --name SmartChatApp >/dev/null
ctl subscribe --app SmartChatApp --api SmartChat --plan Unlimited >/dev/null
ctl keys generate --app SmartChatApp --type production >/dev/null
"$bin/gateway-cli/gatehouse-gateway" --workspace "$W" --listen 127.0.0.1:0 --admin 0 --print-port \
    >"$work/gw.out" 2>"$work/gw.out.err" &
pids+=($!)
GW=$(first_line "$work/gw.out")
TOKEN=$(ctl token --app SmartChatApp --type production --gateway "http://127.0.0.1:$GW")
[ -n "$TOKEN" ] || fail "no token"

declare -A served=()
for i in $(seq 1 20); do
    response=$(curl -sS -D "$work/headers" -H "Authorization: Bearer $TOKEN" \
        -d '{"model":"o3-mini","messages":[{"role":"user","content":"Say this is a test!"}]}' \
        "http://127.0.0.1:$GW/smartchat/1.0.0/chat/completions")
    model=$(printf '%s' "$response" | grep -o '"model":"[^"]*"' | head -n 1 | cut -d'"' -f4)
    header=$(grep -i '^x-gatehouse-model:' "$work/headers" | tr -d '\r' | cut -d' ' -f2)
    [ -n "$model" ] || fail "request $i: no model in $response"
    [ "$model" = "$header" ] || fail "request $i: body says $model, X-Gatehouse-Model says $header"
    served[$model]=$(( ${served[$model]:-0} + 1 ))
done
echo "seed-session: gpt-4o=${served[gpt-4o]:-0} gpt-4o-mini=${served[gpt-4o-mini]:-0}"
[ "${served[gpt-4o]:-0}" = 10 ] && [ "${served[gpt-4o-mini]:-0}" = 10 ] || fail "the split is not 10/10"
[ ${#served[@]} = 2 ] || fail "models other than gpt-4o and gpt-4o-mini served: ${!served[*]}"
if grep -rl 'sk-test' "$W" >/dev/null; then fail "the backend key is in a workspace file: $(grep -rl sk-test "$W")"; fi
if grep -rlF "$TOKEN" "$W" >/dev/null; then fail "the access token is in a workspace file"; fi
echo "seed-session: PASS"

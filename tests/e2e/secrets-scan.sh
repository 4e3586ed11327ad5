#!/usr/bin/env bash
# Secrets never leak: runs the founding scenario from the shell (create, attach the router, deploy,
# application, subscription, keys, gateway, token, calls, a stream, every read-only command), then
# searches the workspace (revisions, deployments, applications, access log, run files) and everything
# every process printed for each secret value: the backend key, the consumer secret, the token signing
# key and the access token. Only the outputs whose job is to show a secret once are exempt (keys
# generate, and token). The access log must name the token by its jti. The GUI's half (the run
# exported as JSON and CSV, the cURL command, the app's log messages) is checked in tst_devportal.
set -euo pipefail
bin=${1:?usage: secrets-scan.sh BUILD_DIR}/src
work=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-secrets.XXXXXX")
W=$work/workspace
S=$work/secrets.json
out=$work/out
mkdir -p "$out" "$work/reveals"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "secrets-scan: FAIL: $*" >&2; exit 1; }
step=0
ctl() { # every output is kept for the search
    step=$((step + 1))
    "$bin/ctl/gatehouse-ctl" --workspace "$W" --secrets-file "$S" "$@" >"$out/ctl-$step.out" 2>"$out/ctl-$step.err"
}
first_line() {
    for _ in $(seq 1 100); do
        [ -s "$1" ] && { head -n 1 "$1"; return 0; }
        sleep 0.05
    done
    fail "no port printed in $1"
}

backend_key="sk-backend-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
"$bin/mock-llm/gatehouse-mock-llm" --listen 127.0.0.1:0 --print-port >"$out/mock.out" 2>"$out/mock.err" &
pids+=($!)
MOCK=$(first_line "$out/mock.out")
ctl api create --name SmartChat --context smartchat --version 1.0.0 --provider openai \
    --production-url "http://127.0.0.1:$MOCK/v1" --production-key "$backend_key" || fail "api create"
ctl policy attach --api SmartChat --operation "POST /chat/completions" --flow request --policy modelWeightedRoundRobin \
    --params "{'production':[{'model':'gpt-4o','endpointId':'default_production_endpoint','weight':50},{'model':'gpt-4o-mini','endpointId':'default_production_endpoint','weight':50}],'sandbox':[],'suspendDuration':30}" ||
    fail "policy attach"
ctl deploy --api SmartChat || fail "deploy"
ctl app create --name SmartChatApp || fail "app create"
ctl subscribe --app SmartChatApp --api SmartChat --plan Unlimited || fail "subscribe"
# Shows the consumer secret once, on purpose: exempt from the search.
"$bin/ctl/gatehouse-ctl" --workspace "$W" --secrets-file "$S" keys generate --app SmartChatApp --type production \
    >"$work/reveals/keys-generate.out" 2>"$out/keys-generate.err" || fail "keys generate"
"$bin/gateway-cli/gatehouse-gateway" --workspace "$W" --secrets-file "$S" --listen 127.0.0.1:0 --admin 0 \
    --print-port >"$out/gateway.out" 2>"$out/gateway.err" &
pids+=($!)
GW=$(first_line "$out/gateway.out")
"$bin/ctl/gatehouse-ctl" --workspace "$W" --secrets-file "$S" token --app SmartChatApp --type production \
    --gateway "http://127.0.0.1:$GW" >"$work/reveals/token.out" 2>"$out/token.err" || fail "token"
token=$(head -n 1 "$work/reveals/token.out")
ctl invoke --gateway "http://127.0.0.1:$GW" --app SmartChatApp --type production --api SmartChat \
    --operation "POST /chat/completions" --body '{"model":"o3-mini","messages":[{"role":"user","content":"Say this is a test!"}]}' ||
    fail "invoke"
ctl --json invoke --gateway "http://127.0.0.1:$GW" --app SmartChatApp --type production --api SmartChat \
    --operation "POST /chat/completions" --body '{"model":"o3-mini","messages":[]}' --repeat 20 --concurrency 4 ||
    fail "invoke --repeat"
ctl invoke --gateway "http://127.0.0.1:$GW" --app SmartChatApp --type production --api SmartChat \
    --operation "POST /chat/completions" --body '{"model":"o3-mini","messages":[]}' --stream || fail "invoke --stream"
curl -sS -H "Authorization: Bearer $token" -d '{"model":"o3-mini","messages":[]}' \
    "http://127.0.0.1:$GW/smartchat/1.0.0/chat/completions" >"$out/curl.out" 2>&1 || fail "curl"
curl -sS -H "Authorization: Bearer ${token}x" -d '{}' "http://127.0.0.1:$GW/smartchat/1.0.0/chat/completions" \
    >"$out/curl-bad-token.out" 2>&1 || true
for command in "api list" "api show --api SmartChat" "endpoint list --api SmartChat" "policy list --api SmartChat" \
    "revisions --api SmartChat" "app list" "subscriptions --app SmartChatApp" \
    "keys show --app SmartChatApp --type production" "gateway status"; do
    # shellcheck disable=SC2086
    ctl $command || true
    # shellcheck disable=SC2086
    ctl --json $command || true
done
sleep 1.5 # the access log is written in batches

jti=$(printf '%s' "$token" | cut -d. -f2 | tr '_-' '/+' | { read -r p; while [ $((${#p} % 4)) -ne 0 ]; do p="$p="; done; printf '%s' "$p"; } |
    base64 -d 2>/dev/null | sed -n 's/.*"jti":"\([^"]*\)".*/\1/p')
[ -n "$jti" ] || fail "cannot read the token's jti"
grep -rqF "$jti" "$W/logs" || fail "the access log does not name the token by its jti"

consumer_secret=$(sed -n 's/.*consumer-secret": "\([^"]*\)".*/\1/p' "$S" | head -n 1)
signing_key=$(sed -n 's/.*token-signing-key": "\([^"]*\)".*/\1/p' "$S" | head -n 1)
grep -qF "$backend_key" "$S" || fail "the backend key is not in the secret store: the search would prove nothing"
[ -n "$consumer_secret" ] && [ -n "$signing_key" ] || fail "secrets missing from the secret store"
grep -qF "$consumer_secret" "$work/reveals/keys-generate.out" || fail "keys generate did not show the secret it made"
for name in backend_key consumer_secret signing_key token; do
    value=${!name}
    hits=$(grep -rlF -- "$value" "$W" "$out" || true)
    [ -z "$hits" ] || fail "$name found in: $hits"
done
echo "secrets-scan: searched $(find "$W" "$out" -type f | wc -l) files for 4 secrets: none found"
echo "secrets-scan: PASS"

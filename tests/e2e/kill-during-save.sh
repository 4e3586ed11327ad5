#!/usr/bin/env bash
# Data safety: kills gatehouse-ctl with SIGKILL at random moments while it saves the workspace, 500
# times, and after each kill loads the workspace again. Passes when every time the workspace opens
# without a complaint, every JSON file in it parses, the API holds exactly the state from before the
# command or the state after it (never a mixture), and the deployment names a revision that exists.
# The command alternates between attaching a policy, detaching one (a rewrite of api.json) and, every
# 25th time, a deploy (a new revision file plus deployments.json).
set -euo pipefail
bin=${1:?usage: kill-during-save.sh BUILD_DIR [ITERATIONS]}/src
iterations=${2:-500}
work=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-kill.XXXXXX")
trap 'rm -rf "$work"' EXIT
W=$work/workspace
fail() { echo "kill-during-save: FAIL (iteration ${i:-0}): $*" >&2; exit 1; }
ctl_cmd=("$bin/ctl/gatehouse-ctl" --workspace "$W" --secrets-file "$work/secrets.json")
ctl() { "${ctl_cmd[@]}" "$@"; }

ctl api create --name Safe --context safe --version 1.0.0 --provider openai-compatible \
    --production-url http://127.0.0.1:9/v1 >/dev/null 2>&1 || fail "cannot create the API"
ctl deploy --api Safe >/dev/null 2>&1 || fail "cannot deploy"

# The request flow's header values, one per line: the state a command changes.
values() { ctl policy list --api Safe 2>"$work/list.err" | sed -n 's/^ *headerValue: //p'; }
check_loads() {
    ctl api list >/dev/null 2>"$work/load.err" || fail "the workspace does not load: $(cat "$work/load.err")"
    if grep -E '\.json:[0-9]+:[0-9]+|cannot|refus' "$work/load.err" "$work/list.err" >/dev/null; then
        fail "the workspace loads with a complaint: $(cat "$work/load.err" "$work/list.err")"
    fi
    while IFS= read -r -d '' file; do
        [ -s "$file" ] || fail "empty file $file"
        # Every workspace file is one JSON object: a cut one has no closing brace at its end.
        [ "$(tail -c 2 "$file" | tr -d '[:space:]')" = "}" ] || fail "cut file $file"
    done < <(find "$W" -name '*.json' -print0)
    local deployed
    deployed=$(sed -n 's/.*"revision": \([0-9]*\).*/\1/p' "$W/deployments.json" | head -n 1)
    [ -n "$deployed" ] || fail "deployments.json names no revision"
    [ -f "$W/apis/safe-1.0.0/revisions/$deployed.json" ] || fail "the deployed revision $deployed does not exist"
}

# How long a command takes (the shortest of five), so that the kills land anywhere in it, saving
# included: the save is the last thing it does.
span_us=
for warm in 1 2 3 4 5; do
    start=$(date +%s%N)
    ctl policy attach --api Safe --api-level --flow request --policy addHeader \
        --params "{\"headerName\":\"X-Iter\",\"headerValue\":\"warm-$warm\"}" >/dev/null 2>&1
    took=$(( ($(date +%s%N) - start) / 1000 ))
    [ -z "$span_us" ] || [ "$took" -lt "$span_us" ] && span_us=$took
done

# The calls killed below run as "${ctl_cmd[@]}" ... &, never through the function: then $! is
# gatehouse-ctl itself, not a subshell that would die while the program it started saves on.
killed_running=0
for i in $(seq 1 "$iterations"); do
    before=$(values)
    count=$(printf '%s' "$before" | grep -c . || true)
    if [ $((i % 25)) -eq 0 ]; then
        "${ctl_cmd[@]}" deploy --api Safe >/dev/null 2>&1 &
        after=$before
    elif [ "$count" -gt 0 ] && [ $((i % 2)) -eq 0 ]; then
        "${ctl_cmd[@]}" policy detach --api Safe --api-level --flow request --index 0 >/dev/null 2>&1 &
        after=$(printf '%s\n' "$before" | tail -n +2)
    else
        "${ctl_cmd[@]}" policy attach --api Safe --api-level --flow request --policy addHeader \
            --params "{\"headerName\":\"X-Iter\",\"headerValue\":\"v$i\"}" >/dev/null 2>&1 &
        after=$(printf '%s\n%s' "$before" "v$i" | sed '/^$/d')
    fi
    pid=$!
    delay_us=$(( (RANDOM * 32768 + RANDOM) % span_us ))
    sleep "$(printf '0.%06d' "$delay_us")"
    if kill -KILL "$pid" 2>/dev/null; then killed_running=$((killed_running + 1)); fi
    wait "$pid" 2>/dev/null || true
    check_loads
    now=$(values)
    [ "$now" = "$before" ] || [ "$now" = "$after" ] ||
        fail "neither the old nor the new state: before [$before] expected [$after] found [$now]"
done
echo "kill-during-save: $iterations kills, $killed_running while the command was still running"
# The kills must have hit the commands, not only their exit: most land while one still runs.
[ "$killed_running" -ge $((iterations / 4)) ] || fail "only $killed_running kills landed in a running command"
echo "kill-during-save: PASS"

#!/usr/bin/env bash
# No lost update: two gatehouse-ctl processes edit the same API file at the same time, 40 edits
# each (attach a policy to one flow: read api.json, change it, write it back). Passes when all 80
# policies are there at the end, each exactly once: the workspace lock serialises read-modify-write.
# (The GUI keeps an API in memory while it is edited; its side, a save refused when the file changed
# underneath and nothing of the edit lost, is covered by tst_workspace's conflict cases and the GUI's
# tst_publisherconflict.)
set -euo pipefail
bin=${1:?usage: concurrent-edits.sh BUILD_DIR}/src
work=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-edits.XXXXXX")
trap 'rm -rf "$work"' EXIT
W=$work/workspace
fail() { echo "concurrent-edits: FAIL: $*" >&2; exit 1; }
ctl() { "$bin/ctl/gatehouse-ctl" --workspace "$W" --secrets-file "$work/secrets.json" "$@"; }

ctl api create --name Shared --context shared --version 1.0.0 --provider openai-compatible \
    --production-url http://127.0.0.1:9/v1 >/dev/null 2>&1 || fail "cannot create the API"
writer() {
    for n in $(seq 1 40); do
        ctl policy attach --api Shared --api-level --flow request --policy addHeader \
            --params "{\"headerName\":\"X-Writer\",\"headerValue\":\"$1-$n\"}" >/dev/null 2>"$work/$1.err" ||
            { echo "writer $1, edit $n: $(cat "$work/$1.err")" >"$work/$1.failed"; return 1; }
    done
}
writer a & a=$!
writer b & b=$!
wait $a || true
wait $b || true
for w in a b; do [ ! -f "$work/$w.failed" ] || fail "$(cat "$work/$w.failed")"; done
values=$(ctl policy list --api Shared | sed -n 's/^ *headerValue: //p' | sort)
expected=$( (seq 1 40 | sed 's/^/a-/'; seq 1 40 | sed 's/^/b-/') | sort)
[ "$values" = "$expected" ] || fail "edits lost or doubled: $(comm -3 <(echo "$expected") <(echo "$values") | tr '\n' ' ')"
echo "concurrent-edits: 80 of 80 edits kept"
echo "concurrent-edits: PASS"

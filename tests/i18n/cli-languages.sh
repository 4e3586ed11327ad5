#!/usr/bin/env bash
# The command-line tools speak the locale's language: German help and errors under LANGUAGE=de,
# English under a language Gatehouse does not ship, and never a translated --json document.
#   cli-languages.sh BUILD_DIR
set -euo pipefail
bin=$1/src
fail() { echo "cli-languages: FAIL: $*" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-cli-lang.XXXXXX")
trap 'rm -rf "$work"' EXIT

german=$(LANGUAGE=de "$bin/ctl/gatehouse-ctl" --help)
grep -q '^Aufruf: gatehouse-ctl' <<<"$german" || fail "gatehouse-ctl --help is not German: $(head -1 <<<"$german")"
grep -q 'Globale Optionen' <<<"$german" || fail "gatehouse-ctl's option titles are not German"
french=$(LANGUAGE=fr LANG=fr_FR.UTF-8 "$bin/ctl/gatehouse-ctl" --help)
grep -q '^Usage: gatehouse-ctl' <<<"$french" || fail "an unshipped language does not fall back to English"

# One-line errors, in German, with the same exit code.
mkdir -p "$work/w"
status=0
error=$(LANGUAGE=de "$bin/ctl/gatehouse-ctl" --workspace "$work/w" api show --api nothing 2>&1) || status=$?
[ $status -eq 1 ] || fail "exit code $status for a missing API"
grep -q '^gatehouse-ctl: .*nothing' <<<"$error" || fail "unexpected error line: $error"
[ "$(wc -l <<<"$error")" -eq 1 ] || fail "the error is not one line: $error"
english=$(LANGUAGE=en "$bin/ctl/gatehouse-ctl" --workspace "$work/w" api show --api nothing 2>&1 || true)
[ "$error" != "$english" ] || fail "the German error equals the English one: $error"

# --json is for programs: the same bytes in every language.
LANGUAGE=de "$bin/ctl/gatehouse-ctl" --workspace "$work/w" --json policy catalogue >"$work/de.json"
LANGUAGE=en "$bin/ctl/gatehouse-ctl" --workspace "$work/w" --json policy catalogue >"$work/en.json"
cmp -s "$work/de.json" "$work/en.json" || fail "--json output depends on the language: $(diff "$work/en.json" "$work/de.json" | head -4)"

for program in gateway-cli/gatehouse-gateway mock-llm/gatehouse-mock-llm; do
    help=$(LANGUAGE=de "$bin/$program" --help)
    grep -qi 'Optionen' <<<"$help" || fail "$program --help is not German"
done
echo "cli-languages: ok"

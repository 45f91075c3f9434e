#!/usr/bin/env bash
# Schema-based fuzzing of doyak-server's HTTP API with schemathesis (PyPI):
# it reads /openapi.json, sends generated valid and invalid requests to every
# route, and checks that no answer is a 5xx, that every answer matches the
# document, and that malformed input is refused. Run from the repository
# root: `bash scripts/fuzz-server.sh [max-examples-per-route]`. A run prints
# its seed; `DOYAK_FUZZ_SEED=<seed>` runs the same cases again.
set -euo pipefail
cd "$(dirname "$0")/.."
EXAMPLES="${1:-200}"
VENV="${DOYAK_FUZZ_VENV:-$HOME/.cache/doyak/schemathesis}"
if [ ! -x "$VENV/bin/st" ]; then
  echo "== installing schemathesis into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "schemathesis>=4,<5"
fi
cargo build -q -p doyak-server
# Where cargo put it: a CARGO_TARGET_DIR set by the caller counts.
BIN="${CARGO_TARGET_DIR:-target}/debug/doyak-server"
WORK="$(mktemp -d)"
SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT
DB="$WORK/server.db"
CENTER=0199c9a4-8e00-7000-8000-00000000c001
"$BIN" --data "$DB" center --id "$CENTER" --name "퍼징센터" >/dev/null
CODE="$("$BIN" --data "$DB" code --center "$CENTER" 2>/dev/null)"
# Enrollment is limited per address (12 a minute by default); the fuzzer
# comes from one address, and at the default nearly every enrollment it sent
# was answered 429, leaving the route's own checks unfuzzed. Failed token
# checks likewise (10, then 1 a minute): the fuzzer sends requests with no
# or a broken token on purpose, and its valid ones would then be refused.
"$BIN" --data "$DB" serve --listen 127.0.0.1:0 --enroll-per-minute 100000 \
  --auth-failures-per-minute 100000 \
  > "$WORK/out" 2> "$WORK/log" &
SERVER=$!
# Wait for the condition (the server says where it listens), not for a
# time: on a loaded machine a debug server can take many seconds to start.
# It stops waiting only if the server has exited.
until grep -q listening "$WORK/out"; do
  if ! kill -0 "$SERVER" 2>/dev/null; then
    echo "doyak-server exited before listening:" >&2; cat "$WORK/log" >&2
    exit 1
  fi
  sleep 0.1
done
URL="$(awk '/listening/ {print $2; exit}' "$WORK/out")"
DEVICE=0199c9a4-8e00-7000-8000-0000000000d1
TOKEN="$(curl -sf -X POST "$URL/sync/enroll" -H 'Content-Type: application/json' \
  -d "{\"protocol\":1,\"code\":\"$CODE\",\"device_id\":\"$DEVICE\",\"device_name\":\"fuzz\",\"app_version\":\"fuzz\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
echo "== fuzzing $URL ($EXAMPLES examples per route)"
# One worker: with two, hypothesis describing its filters in both threads at
# once hit CPython 3.11's "AST constructor recursion depth mismatch" (a
# SystemError in ast.parse, not a finding about the server) on two routes.
status=0
"$VENV/bin/st" --config-file scripts/schemathesis.toml run "$URL/openapi.json" \
  --header "Authorization: Bearer $TOKEN" \
  --checks all \
  --max-examples "$EXAMPLES" \
  --workers 1 \
  --suppress-health-check all \
  ${DOYAK_FUZZ_SEED:+--seed "$DOYAK_FUZZ_SEED"} || status=$?

if grep -q '"status":5\|status=5' "$WORK/log"; then
  echo "the server logged a 5xx:"; grep 'status=5' "$WORK/log" | head
  exit 1
fi
exit $status

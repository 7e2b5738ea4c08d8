#!/usr/bin/env bash
# Checks the reference central against docs/openapi.yaml (contract v1.1 item 10):
#   1. the document is valid OpenAPI 3.1 (openapi-spec-validator);
#   2. schemathesis drives a demo server as the national admin and as a liaison, at most
#      $EXAMPLES cases per operation: no 5xx, every status, header, content type and body as
#      the document says.
# Usage: scripts/contract-check.sh [path/to/lapor]   (default: .build/debug/lapor, which
# `swift test` builds). Needs python3 with schemathesis and openapi-spec-validator (.ci/run
# installs them from PyPI).
set -euo pipefail
cd "$(dirname "$0")/.."
LAPOR=${1:-.build/debug/lapor}
EXAMPLES=${EXAMPLES:-30}
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

python3 -m openapi_spec_validator docs/openapi.yaml

# The shapes are checked here, not the pace: schemathesis asks far faster than an officer, and
# with the default buckets most answers would be 429 (AccountLimiterTests checks the limits).
"$LAPOR" central --demo --port 0 --db "$work/central.sqlite" --seed-reports 300 --seed 1 \
  --rate-actions 1000000/100000 --rate-reads 1000000/100000 2>"$work/central.log" &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/api/v1' "$work/central.log" | head -1 || true)
  [ -n "$url" ] && [ -s "$work/tokens.json" ] && break
  sleep 0.2
done
if [ -z "$url" ]; then
  echo "contract-check: the demo central did not start:" >&2
  cat "$work/central.log" >&2
  exit 1
fi

token() {
  python3 -c 'import json,sys; print(next(t["token"] for t in json.load(open(sys.argv[1])) if t["user_id"] == sys.argv[2]))' \
    "$work/tokens.json" "$1"
}

status=0
for user in u-admin u-liaison-dki-dpu; do
  echo "== schemathesis as $user against $url"
  timeout 240 schemathesis run docs/openapi.yaml --url "$url" \
    -H "Authorization: Bearer $(token "$user")" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance \
    --max-examples "$EXAMPLES" --seed 1 --no-color --workers 2 || status=1
done
if grep -q "internal error" "$work/central.log"; then
  echo "contract-check: the server logged an internal error:" >&2
  grep "internal error" "$work/central.log" >&2
  status=1
fi
kill -0 "$server_pid" 2>/dev/null || { echo "contract-check: the server died" >&2; status=1; }
exit $status

#!/bin/sh
# The packaged server, run as an operator would run it: no JDK on the path, production mode (a real SECRET_KEY,
# no DEBUG), an H2 database in a fresh data folder, an ephemeral port. It must answer health, take the original
# system's register/login examples, score an ingested event, explain it (the embedding model's native library has
# to load from the jlinked runtime) and stop cleanly on SIGTERM with the pipeline drained.
#
#   server-smoke.sh <launcher> <scratch folder>
#
# Also the AOT cache's training run (the build sets JAVA_TOOL_OPTIONS=-XX:AOTCacheOutput=... for it).
set -eu
launcher=$1
scratch=$2
rm -rf "$scratch"
mkdir -p "$scratch/data"
log=$scratch/server.log
admin_password=smoke-admin-password-1
# a fresh random secret: the server refuses short or sample ones outside debug mode
secret=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')

fail() {
  echo "server smoke test FAILED: $*" >&2
  echo "---- server output ($log) ----" >&2
  cat "$log" >&2 || true
  [ -z "${pid-}" ] || kill -9 "$pid" 2>/dev/null || true
  exit 1
}

(cd "$scratch" && exec env -u JAVA_HOME SECRET_KEY="$secret" DEBUG=false ADMIN_PASSWORD="$admin_password" \
    RISKPULSE_DATA_DIR="$scratch/data" BCRYPT_COST=4 LOG_LEVEL=INFO "$launcher" --port 0) >"$log" 2>&1 &
pid=$!

port=
for _ in $(seq 1 240); do
  port=$(sed -n 's|^RiskPulse server listening on http://localhost:\([0-9]*\)/api/v1.*|\1|p' "$log" | head -n 1)
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || fail "the server exited before listening"
  sleep 0.25
done
[ -n "$port" ] || fail "no 'listening' line within 60 s"
api=http://127.0.0.1:$port/api/v1

call() { # method path [json] [token] -> body; fails on a non-2xx status
  method=$1 path=$2 body=${3-} token=${4-}
  set -- -sS -X "$method" -o "$scratch/body" -w '%{http_code}' -H 'Content-Type: application/json'
  [ -z "$token" ] || set -- "$@" -H "Authorization: Bearer $token"
  [ -z "$body" ] || set -- "$@" -d "$body"
  status=$(curl "$@" "$api$path") || fail "$method $path: no answer"
  case $status in 2??) cat "$scratch/body" ;; *) fail "$method $path answered $status: $(cat "$scratch/body")" ;; esac
}
field() { # name -> the first value of "name": in the last body (numbers or strings)
  sed -n "s/.*\"$1\" *: *\"\{0,1\}\([^\",}]*\).*/\1/p" "$scratch/body" | head -n 1
}

call GET /health >/dev/null
version=$(field version)
[ -n "$version" ] && [ "$version" != null ] || fail "health reports no version: $(cat "$scratch/body")"
call POST /auth/register '{"email": "analyst@example.com", "username": "analyst", "password": "securepass123", "role": "analyst"}' >/dev/null
call POST /auth/login '{"username": "analyst", "password": "securepass123"}' >/dev/null
analyst=$(field access_token)
[ -n "$analyst" ] || fail "login gave no access_token: $(cat "$scratch/body")"
call POST /auth/login "{\"username\": \"admin\", \"password\": \"$admin_password\"}" >/dev/null
admin=$(field access_token)

now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
call POST /events "{\"event_id\": \"smoke-1\", \"entity_id\": \"acct-smoke\", \"timestamp\": \"$now\", \"type\": \"PAYMENT\", \"amount\": 129.90, \"currency\": \"EUR\", \"channel\": \"CARD_NOT_PRESENT\", \"country\": \"DE\"}" "$admin" >/dev/null
risk_id=
for _ in $(seq 1 40); do
  call GET '/risk/history?entity_id=acct-smoke' '' "$analyst" >/dev/null
  risk_id=$(field risk_id)
  [ -n "$risk_id" ] && break
  sleep 0.25
done
[ -n "$risk_id" ] || fail "the ingested event was not scored and stored within 10 s: $(cat "$scratch/body")"
call GET /risk/live '' "$analyst" >/dev/null
call POST /explain/risk "{\"risk_id\": $risk_id}" "$analyst" >/dev/null
grep -q '"summary"' "$scratch/body" || fail "no explanation for risk $risk_id: $(cat "$scratch/body")"

kill -TERM "$pid"
for _ in $(seq 1 120); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.25
done
kill -0 "$pid" 2>/dev/null && fail "still running 30 s after SIGTERM"
grep -q 'engine stopped' "$log" || fail "stopped without closing the engine"
grep -q 'stored=1,' "$log" || fail "the pipeline did not report the event stored on the way down"
echo "server smoke test passed: $launcher $version on port $port (health, register, login, ingest, history, live, explain, SIGTERM)"

#!/usr/bin/env bash
# The HTTP API of the master daemon, with curl as its users' scripts use it: a configuration that would expose it
# without TLS stops the start; GET /status answers without a token, the rest needs bin/amoc api-token's; the README's
# upload (curl -T) and start run users the shell sees too; the audit log names the token by its fingerprint only.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
amoc="$root/bin/amoc"
work=$(mktemp -d /tmp/amoc-http.XXXXXX)
export AMOC_VAR_DIR="$work/var"
cleanup() {
  "$amoc" stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL http_api.sh: $*" >&2
  [ -f "$AMOC_VAR_DIR/log/amoc.log" ] && tail -n 20 "$AMOC_VAR_DIR/log/amoc.log" >&2
  exit 1
}
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export AMOC_API_PORT=$port
api="http://127.0.0.1:$port"

# Beyond loopback without TLS: refused at start, with the fix.
set +e
refusal=$(AMOC_API_BIND=0.0.0.0 "$amoc" start --foreground 2>&1 </dev/null)
status=$?
set -e
[ "$status" -eq 2 ] || fail "a public bind without TLS started (exit $status): $refusal"
case "$refusal" in *"set api_tls = on"*) ;; *) fail "the refusal does not say how to fix it: $refusal" ;; esac

mkdir -p "$work/scenarios"
cat > "$work/Hello.java" <<'JAVA'
import io.amoc.scenario.Scenario;

/** Each user says hello once a second until it is removed. */
public class Hello implements Scenario<Void> {
    @Override
    public void start(long userId, Void state) throws InterruptedException {
        Thread.sleep(1000);
    }
}
JAVA

"$amoc" start >/dev/null || fail "bin/amoc start failed"
status=$(curl -s "$api/status")
[ "$status" = '{"amoc_status":"up","node_status":"up"}' ] || fail "GET /status without a token: $status"
code=$(curl -s -o /dev/null -w '%{http_code}' "$api/scenarios")
[ "$code" = 401 ] || fail "GET /scenarios without a token answered $code"

TOKEN=$("$amoc" api-token)
auth="Authorization: Bearer $TOKEN"
uploaded=$(curl -s -H "$auth" -T "$work/Hello.java" "$api/scenarios/upload")
case "$uploaded" in *'"compile":"ok"'*'"scenario":"Hello"'*) ;; *) fail "upload: $uploaded" ;; esac
started=$(curl -s -H "$auth" -X PATCH -H 'Content-Type: application/json' \
  -d '{"scenario": "Hello", "users": 5, "settings": {"interarrival": 0}}' "$api/execution/start")
case "$started" in *'"target":"local"'*'"ok":true'*) ;; *) fail "start: $started" ;; esac

deadline=$((SECONDS + 30))
until curl -s -H "$auth" "$api/status" | grep -q '"users":5}'; do
  [ $SECONDS -lt $deadline ] || fail "GET /status never showed 5 users: $(curl -s -H "$auth" "$api/status")"
  sleep 0.2
done
"$amoc" eval 'status' | grep -q '^local  running  Hello@' || fail "the shell does not see the run: $("$amoc" eval status)"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $("$amoc" api-token --read)" \
  -X PATCH -H 'Content-Type: application/json' -d '{}' "$api/execution/stop")
[ "$code" = 403 ] || fail "a read token stopped the run ($code)"
stopped=$(curl -s -H "$auth" -X PATCH "$api/execution/stop")
case "$stopped" in *'"summary":{'*) ;; *) fail "stop: $stopped" ;; esac

log="$AMOC_VAR_DIR/log/amoc.log"
grep -q "who=full:$(printf '%s' "$TOKEN" | sha256sum | cut -c1-12) .*what=\"PUT /scenarios/upload\".*source_sha256=$(sha256sum < "$work/Hello.java" | cut -c1-64).*result=200" "$log" \
  || fail "no audit line for the upload in $log"
grep -q 'what="PATCH /execution/start".*result=200' "$log" || fail "no audit line for the start"
! grep -q "$TOKEN" "$log" || fail "the token is in the log"
"$amoc" stop >/dev/null || fail "bin/amoc stop failed"
code=$(curl -s -o /dev/null -w '%{http_code}' "$api/status" || true)
[ "$code" = 000 ] || fail "the API still answers after stop ($code)"
echo "http_api.sh: ok (refused in the clear beyond loopback; token; curl -T upload; start; status; read token; audit)"

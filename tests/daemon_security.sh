#!/usr/bin/env bash
# Only the OS user who started the daemon can attach: another user cannot read the token (so eval/attach are refused
# with a clear message), and a daemon of another user refuses even root, by the peer's credentials on the socket.
# Acting as another user needs root (runuser); without it this test says so and passes nothing off as checked.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
amoc="$root/bin/amoc"
if [ "$(id -u)" -ne 0 ] || ! command -v runuser >/dev/null || ! id nobody >/dev/null 2>&1; then
  echo "daemon_security.sh: skipped (needs root, runuser and the user nobody to act as another user)"
  exit 0
fi
work=$(mktemp -d /tmp/amoc-security.XXXXXX)
chmod 755 "$work"
mkdir -p "$work/nobody" && chown nobody "$work/nobody"
cleanup() {
  local pidfile pid
  for pidfile in "$work"/root/amoc.pid "$work"/nobody/var/amoc.pid; do
    pid=$(cat "$pidfile" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL daemon_security.sh: $*" >&2; exit 1; }
as_nobody() { runuser -u nobody -- env HOME="$work/nobody" AMOC_VAR_DIR="$1" "${@:2}"; }

# A root daemon: nobody cannot read its token.
AMOC_VAR_DIR="$work/root" "$amoc" start >/dev/null || fail "the root daemon did not start"
set +e
out=$(as_nobody "$work/root" "$amoc" eval status 2>&1); status=$?
set -e
[ $status -ne 0 ] || fail "another user's eval succeeded: $out"
echo "$out" | grep -q "permission denied" || fail "another user's eval did not say why: $out"
AMOC_VAR_DIR="$work/root" "$amoc" stop >/dev/null || fail "the root daemon did not stop"

# A daemon of nobody: root can read the token, but the daemon refuses a peer of another user.
as_nobody "$work/nobody/var" "$amoc" start >/dev/null || fail "nobody's daemon did not start"
set +e
out=$(AMOC_VAR_DIR="$work/nobody/var" "$amoc" eval status 2>&1); status=$?
set -e
[ $status -ne 0 ] || fail "root's eval on nobody's daemon succeeded: $out"
echo "$out" | grep -q "another OS user" || fail "root's eval was not refused for being another user: $out"
[ "$(as_nobody "$work/nobody/var" "$amoc" ping)" = "pong" ] || fail "nobody's daemon does not answer its own user"
as_nobody "$work/nobody/var" "$amoc" stop >/dev/null || fail "nobody could not stop its daemon"
echo "daemon_security.sh: ok"

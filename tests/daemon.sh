#!/usr/bin/env bash
# The master as a daemon: start; eval starts users that keep running after eval returns; a piped attach adds
# users and detaches at EOF without stopping them; a failing piped command stops the script with exit 1;
# stop ends everything (terminate runs) and leaves no process behind; SIGTERM does the same.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
amoc="$root/bin/amoc"
work=$(mktemp -d /tmp/amoc-daemon.XXXXXX)
export AMOC_VAR_DIR="$work/var"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL daemon.sh: $*" >&2
  [ -f "$AMOC_VAR_DIR/log/amoc.log" ] && tail -n 20 "$AMOC_VAR_DIR/log/amoc.log" >&2
  exit 1
}

# users_alive: the live users of node "local" in the daemon's status table (the column headed "users").
users_alive() {
  "$amoc" eval 'status' | awk '$1 == "node" { for (i = 1; i <= NF; i++) if ($i == "users") col = i }
                               $1 == "local" && col { print $col; exit }'
}
# await_users N: polls the daemon until it reports N live users (deadline 30 s).
await_users() {
  local want=$1 deadline=$((SECONDS + 30)) got=""
  while [ $SECONDS -lt $deadline ]; do
    got=$(users_alive || true)
    [ "$got" = "$want" ] && return 0
    sleep 0.2
  done
  fail "expected $want live users, the daemon reports '${got}'"
}

mkdir -p "$work/scenarios"
cat > "$work/scenarios/SleepingUser.java" <<'JAVA'
import io.amoc.scenario.AmocConfig;
import io.amoc.scenario.Scenario;

import java.nio.file.Files;
import java.nio.file.Path;

/** Each user sleeps until it is removed or the node stops; terminate leaves a mark in the file config marker_file. */
public class SleepingUser implements Scenario<Void> {
    @Override
    public void start(long userId, Void state) throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }

    @Override
    public void terminate(Void state) throws Exception {
        Files.writeString(Path.of(AmocConfig.get("marker_file", "/dev/null")), "terminated");
    }
}
JAVA

out=$("$amoc" ping) && fail "ping answered before start: $out"
"$amoc" start --scenarios "$work/scenarios" >/dev/null || fail "bin/amoc start failed"
pid=$(cat "$AMOC_VAR_DIR/amoc.pid")
kill -0 "$pid" || fail "no process behind the pid file"
[ "$("$amoc" ping)" = "pong" ] || fail "ping after start did not say pong"
"$amoc" start --scenarios "$work/scenarios" 2>/dev/null && fail "a second start was not refused"
[ "$(stat -c %a "$AMOC_VAR_DIR/amoc.sock")" = "600" ] || fail "the socket is not 0600"
[ "$(stat -c %a "$AMOC_VAR_DIR/amoc.token")" = "600" ] || fail "the token file is not 0600"

"$amoc" eval 'config.set(interarrival, 0)' "config.set(marker_file, \"$work/stopped\")" 'local.do(SleepingUser, 1, 10)' \
  >/dev/null || fail "eval local.do failed"
await_users 10

echo 'local.add(5)' | "$amoc" attach >/dev/null || fail "piped attach of local.add(5) failed"
await_users 15
kill -0 "$pid" || fail "the daemon died when the attached client left"
[ "$(users_alive)" = "15" ] || fail "users changed after the attached client detached"

set +e
printf 'status\nno_such_command()\nlocal.add(1)\n' | "$amoc" attach >/dev/null 2>&1
status=$?
set -e
[ $status -eq 1 ] || fail "a failing piped attach exited $status, not 1"
[ "$(users_alive)" = "15" ] || fail "the command after the failure ran"
"$amoc" eval 'no_such_command()' >/dev/null 2>&1 && fail "eval of a bad command exited 0"

"$amoc" stop >/dev/null || fail "bin/amoc stop failed"
kill -0 "$pid" 2>/dev/null && fail "pid $pid is still alive after stop"
if pgrep -f "amoc.var=$AMOC_VAR_DIR" >/dev/null; then fail "a process of this daemon is left: $(pgrep -af "amoc.var=$AMOC_VAR_DIR")"; fi
[ ! -e "$AMOC_VAR_DIR/amoc.sock" ] && [ ! -e "$AMOC_VAR_DIR/amoc.pid" ] || fail "stop left the socket or the pid file"
[ -f "$work/stopped" ] || fail "stop did not let the scenario's terminate run"
set +e; "$amoc" ping >/dev/null; status=$?; set -e
[ $status -eq 4 ] || fail "ping after stop exited $status, not 4 (not running)"

# SIGTERM (docker stop, systemd, kill) ends the run the same way.
"$amoc" start --scenarios "$work/scenarios" >/dev/null || fail "bin/amoc start after stop failed"
pid=$(cat "$AMOC_VAR_DIR/amoc.pid")
"$amoc" eval 'config.set(interarrival, 0)' "config.set(marker_file, \"$work/terminated\")" 'local.do(SleepingUser, 1, 3)' \
  >/dev/null || fail "eval local.do failed after a restart"
await_users 3
kill -TERM "$pid"
deadline=$((SECONDS + 30))
while kill -0 "$pid" 2>/dev/null; do
  [ $SECONDS -lt $deadline ] || fail "the daemon did not end within 30 s of SIGTERM"
  sleep 0.2
done
[ -f "$work/terminated" ] || fail "SIGTERM did not let the scenario's terminate run"
[ ! -e "$AMOC_VAR_DIR/amoc.sock" ] && [ ! -e "$AMOC_VAR_DIR/amoc.pid" ] || fail "SIGTERM left the socket or the pid file"
echo "daemon.sh: ok"

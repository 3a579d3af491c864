#!/usr/bin/env bash
# The attached shell for real, in a tmux pane against a running daemon: the same line editing as the console
# (Tab completes command names with their '(' and, inside the parentheses, scenario names and options, all
# computed by the daemon), exit detaches and the daemon keeps its users, and Ctrl-C cancels the client's own running
# command while another client is answered meanwhile.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
amoc="$root/bin/amoc"
work=$(mktemp -d /tmp/amoc-attach.XXXXXX)
export AMOC_VAR_DIR="$work/var"
socket="amoc-attach-test-$$"
pid=""
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  "$amoc" stop >/dev/null 2>&1 || true
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL attach_repl.sh: $*" >&2; echo "--- screen:" >&2; screen >&2 || true; exit 1; }
pane=attach
screen() { tmux -L "$socket" capture-pane -p -t "$pane" -S -100; }
wait_for() { # waits until the screen matches the extended regex $1 (deadline 20 s)
  local deadline=$((SECONDS + 20))
  until screen | grep -Eq -- "$1"; do
    [ $SECONDS -lt $deadline ] || fail "timed out waiting for: $1"
    sleep 0.1
  done
}
keys() { tmux -L "$socket" send-keys -t "$pane" "$@"; }

mkdir -p "$work/scenarios"
cat > "$work/scenarios/Greeter.java" <<'JAVA'
import io.amoc.scenario.Scenario;

public class Greeter implements Scenario<Void> {
    @Override
    public void start(long userId, Void state) throws Exception {
        Thread.sleep(60_000);
    }
}
JAVA

"$amoc" start --scenarios "$work/scenarios" >/dev/null || fail "bin/amoc start failed"
pid=$(cat "$AMOC_VAR_DIR/amoc.pid")
"$amoc" eval 'config.set(interarrival, 0)' >/dev/null || fail "eval config.set failed"

tmux -L "$socket" new-session -d -s attach -x 120 -y 40 \
  "AMOC_VAR_DIR='$AMOC_VAR_DIR' '$amoc' attach; echo \"exit status \$?\"; sleep 30"
wait_for '^amoc\(attached\)>'

keys 'local.d' Tab
wait_for 'amoc\(attached\)> local\.do\($'
keys 'Gre' Tab   # not 'Gr': the install's GroupChat starts so too
wait_for 'amoc\(attached\)> local\.do\(Greeter'
keys ', 1, 3)' Enter
wait_for '^local: started Greeter@[0-9a-f]{8}, spawning users 1\.\.3'
echo "ok: Tab completes a command with its '(' and a scenario name from the daemon"

keys 'local.remove(1, fo' Tab
wait_for 'amoc\(attached\)> local\.remove\(1, force='
keys 'true)' Enter
wait_for '^local: removed 1 user \(id 3\)'
echo "ok: Tab completes a named argument"

keys 'exit' Enter
wait_for '^detached; the daemon keeps running'
wait_for '^exit status 0$'
deadline=$((SECONDS + 20))
until [ "$("$amoc" eval 'status' | awk '$1 == "local" { print $4 }')" = "2" ]; do
  [ $SECONDS -lt $deadline ] || fail "the daemon should keep 2 users after the client detached"
  sleep 0.2
done
echo "ok: exit detaches and the daemon keeps its users"

pane=interrupted
tmux -L "$socket" new-session -d -s "$pane" -x 120 -y 40 "AMOC_VAR_DIR='$AMOC_VAR_DIR' '$amoc' attach"
tmux -L "$socket" set-option -t "$pane" remain-on-exit on
wait_for '^amoc\(attached\)>'
keys 'sleep(60000)' Enter
wait_for 'amoc\(attached\)> sleep\(60000\)$'
[ "$("$amoc" eval 'status' | awk '$1 == "local" { print $4 }')" = "2" ] \
  || fail "a second client should be answered while the first one's sleep runs"
keys C-c
wait_for 'error: cancelled$'
wait_for '^amoc\(attached\)> ?$'
[ "$(tmux -L "$socket" list-panes -t "$pane" -F '#{pane_dead}')" = "0" ] || fail "Ctrl-C should keep the attached client"
keys 'status' Enter
wait_for '^local +running'
[ "$("$amoc" ping)" = "pong" ] || fail "the daemon should keep running when a client cancels its command"
echo "ok: Ctrl-C cancels the attached client's own command; the client and the daemon go on"

"$amoc" stop >/dev/null || fail "bin/amoc stop failed"
echo "attach_repl.sh: ok"

#!/usr/bin/env bash
# The interactive console for real, in a tmux pane: Tab completes command and scenario names, Ctrl-C cancels
# the line being typed and cancels a running sleep, errors keep the shell running, Ctrl-D stops the
# scenario, says goodbye and ends the JVM; the history file keeps the commands.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
socket="amoc-repl-test-$$"
cleanup() { tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; echo "--- screen:" >&2; screen >&2 || true; exit 1; }
screen() { tmux -L "$socket" capture-pane -p -t repl -S -100; }
wait_for() { # waits until the screen matches the extended regex $1 (deadline 20 s)
  local deadline=$((SECONDS + 20))
  until screen | grep -Eq -- "$1"; do
    [ $SECONDS -lt $deadline ] || fail "timed out waiting for: $1"
    sleep 0.1
  done
}
prompt_is_empty() { # waits until the last line of the screen is an empty prompt
  local deadline=$((SECONDS + 20))
  until [ "$(screen | grep -v '^$' | tail -n 1)" = "amoc>" ]; do
    [ $SECONDS -lt $deadline ] || fail "timed out waiting for an empty prompt"
    sleep 0.1
  done
}
keys() { tmux -L "$socket" send-keys -t repl "$@"; }

"$root/bin/amoc" version >/dev/null   # builds first if needed, outside the timed waits
mkdir "$work/scenarios"
cat > "$work/scenarios/Greeter.java" <<'JAVA'
import io.amoc.scenario.Scenario;

public class Greeter implements Scenario<Void> {
    @Override
    public void start(long userId, Void state) throws Exception {
        Thread.sleep(60_000);
    }
}
JAVA

tmux -L "$socket" new-session -d -s repl -x 120 -y 40 \
  "AMOC_HISTORY_FILE='$work/history' AMOC_INTERARRIVAL=0 '$root/bin/amoc' console --scenarios '$work/scenarios'; echo \"exit status \$?\"; sleep 30"
wait_for '^amoc>'

keys 'local.do(Gre' Tab   # not 'Gr': the install's GroupChat starts so too
wait_for 'amoc> local\.do\(Greeter'
keys ', 1, 3)' Enter
wait_for '^local: started Greeter@[0-9a-f]{8}, spawning users 1\.\.3'
echo "ok: Tab completes a scenario name and local.do runs it"

keys 'sta' Tab Enter
wait_for '^local +running +Greeter@'
echo "ok: Tab completes a command name"

prompt_is_empty
keys 'local.add(99'
wait_for 'amoc> local\.add\(99$'
keys C-c
prompt_is_empty
keys 'config.get(interarrival)' Enter
wait_for '^interarrival = 0$'
screen | grep -q 'local.add(99config' && fail "Ctrl-C did not cancel the line"
echo "ok: Ctrl-C cancels the line being typed"

prompt_is_empty
keys 'sleep(60000)' Enter
wait_for 'amoc> sleep\(60000\)$'
keys C-c
wait_for 'error: cancelled'
prompt_is_empty
keys 'local.add(-5)' Enter
wait_for '^error: local\.add: Count must be a positive whole number, got -5'
keys 'local.add(2)' Enter
wait_for '^local: adding users 4\.\.5$'
echo "ok: Ctrl-C cancels a running sleep; a bad line is one error and the shell goes on"

prompt_is_empty
keys C-d
wait_for '^bye: stopping Greeter and its users$'
wait_for '^exit status 0$'
echo "ok: Ctrl-D stops the scenario and ends the console with status 0"

grep -q 'local.do(Greeter, 1, 3)' "$work/history" || fail "the history file lacks the commands: $(cat "$work/history")"
echo "ok: the history is kept in the history file"

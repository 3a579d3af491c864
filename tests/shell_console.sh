#!/usr/bin/env bash
# bin/amoc console fed a script on stdin runs a scenario written in a new file in a new directory
# (as the README teaches), prints each result, exits 0; the first failed command stops it with exit 1.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir "$work/my-scenarios"
cat > "$work/my-scenarios/Greeter.java" <<'JAVA'
import io.amoc.scenario.AmocConfig;
import io.amoc.scenario.AmocMetrics;
import io.amoc.scenario.Scenario;

public class Greeter implements Scenario<String> {
    @Override
    public String init() {
        return AmocConfig.get("greeting", "hello");
    }

    @Override
    public void start(long userId, String greeting) throws Exception {
        AmocMetrics.count("greetings");
        Thread.sleep(60_000);
    }
}
JAVA

cat > "$work/ok.txt" <<'SCRIPT'
# a comment, then a blank line

scenarios
config.set(interarrival, 0)
config.set(greeting, "hi")
local.do(Greeter, 1, 5)
local.add(5)
local.stop()
status
SCRIPT
"$root/bin/amoc" console --scenarios "$work/my-scenarios" < "$work/ok.txt" > "$work/out" 2> "$work/err" \
  || fail "the script should succeed: $(cat "$work/err")"
grep -q "^Greeter  *$work/my-scenarios\$" "$work/out" || fail "scenarios does not list Greeter: $(cat "$work/out")"
grep -q "^local: started Greeter@[0-9a-f]\{8\}, spawning users 1..5" "$work/out" || fail "local.do: $(cat "$work/out")"
grep -q "^local: adding users 6..10\$" "$work/out" || fail "local.add: $(cat "$work/out")"
grep -q "^local  finished  Greeter@" "$work/out" || fail "status after stop: $(cat "$work/out")"
echo "ok: a script runs a new scenario from --scenarios and exits 0"

printf 'config.set(interarrival, 0)\nlocal.add(-5)\nlocal.do(Greeter, 1, 2)\n' > "$work/bad.txt"
status=0
"$root/bin/amoc" console --scenarios "$work/my-scenarios" < "$work/bad.txt" > "$work/out" 2> "$work/err" || status=$?
[ "$status" -eq 1 ] || fail "a failed command should exit 1, not $status"
[ "$(cat "$work/err")" = "line 2: error: local.add: Count must be a positive whole number, got -5 (usage: local.add(Count))" ] \
  || fail "unexpected error output: $(cat "$work/err")"
grep -q started "$work/out" && fail "the script went on after the failure"
echo "ok: the first failed command stops the script with exit 1 and a one-line error"

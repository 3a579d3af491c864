#!/usr/bin/env bash
# 2,000 users failing with one cause in a console: the log shows the first failure with its stack trace and a line
# per 10 s with what came since, fewer than 30 lines in all; `failures` lists one group of 2,000.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir "$work/scenarios"
cat > "$work/scenarios/GivesUp.java" <<'JAVA'
import io.amoc.scenario.Scenario;

public class GivesUp implements Scenario<Void> {
    @Override
    public void start(long userId, Void state) {
        throw new IllegalStateException("user " + userId + " gives up after " + (userId % 7) + " tries");
    }
}
JAVA

# sleep(11000) lets one 10-second report line through before the stop.
printf '%s\n' 'config.set(interarrival, 0)' 'local.do(GivesUp, 1, 2000)' 'sleep(11000)' 'failures' 'local.stop()' \
  | "$root/bin/amoc" console --scenarios "$work/scenarios" > "$work/out" 2> "$work/err" || { cat "$work/out" "$work/err"; fail "the console failed"; }

lines=$(wc -l < "$work/err")
[ "$lines" -lt 30 ] || { cat "$work/err"; fail "2,000 failures logged $lines lines (want fewer than 30)"; }
grep -q "user_failures: +1,999 IllegalStateException: user <n> gives up after <n> tries at GivesUp.java:6, 2,000 in all" "$work/err" \
  || { cat "$work/err"; fail "no line summing up what came after the first failure"; }
grep -q "^2,000 users failed, 1 cause:" "$work/out" || { cat "$work/out"; fail "failures does not show one group of 2,000"; }
grep -q "IllegalStateException: user <n> gives up after <n> tries at GivesUp.java:6" "$work/out" || { cat "$work/out"; fail "failures does not name the cause"; }
echo "ok: 2,000 failures, $lines log lines, one group"

#!/usr/bin/env bash
# bin/amoc run through the launcher, as CI runs it: a test whose thresholds hold exits 0 and leaves its report, one
# whose threshold fails exits 1, a threshold that cannot be read exits 2. The generator's limits are raised out of
# reach: this machine may be busy with other work (amoc-shell's OverloadedGeneratorTest covers exit 3).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$work/out" ] && cat "$work/out" >&2; exit 1; }

mkdir "$work/scenarios"
cat > "$work/scenarios/Pings.java" <<'JAVA'
import io.amoc.scenario.AmocMetrics;
import io.amoc.scenario.Scenario;

public class Pings implements Scenario<Void> {
    @Override
    public void start(long userId, Void state) throws Exception {
        long sent = System.nanoTime();
        Thread.sleep(5);
        AmocMetrics.time("ping", (System.nanoTime() - sent) / 1000);
        AmocMetrics.count("pings");
    }
}
JAVA
export AMOC_REPEAT_NUM=4 AMOC_REPEAT_INTERVAL=10 AMOC_GENERATOR_CPU_LIMIT=100 AMOC_GENERATOR_LAG_LIMIT=86400000

run() { # runs bin/amoc run with the arguments, prints its exit status
  set +e
  "$root/bin/amoc" run Pings --scenarios "$work/scenarios" "$@" > "$work/out" 2>&1
  echo $?
  set -e
}

status=$(run --users 10 --rate 50/s --duration 30s --threshold 'p99(ping) < 5s' --threshold 'count(pings) == 40' \
  --report "$work/report")
[ "$status" -eq 0 ] || fail "a run whose thresholds hold exited $status, not 0"
grep -q "^verdict: passed: all 2 thresholds held$" "$work/out" || fail "no passed verdict"
for f in index.html summary.json junit.xml timeseries.csv; do
  [ -s "$work/report/$f" ] || fail "the report has no $f"
done
grep -q '"outcome" : "passed"' "$work/report/summary.json" || fail "summary.json does not say passed"
echo "ok: thresholds that hold exit 0 and leave index.html, summary.json, junit.xml and timeseries.csv"

status=$(run --users 3 --threshold 'max(ping) < 1us')
[ "$status" -eq 1 ] || fail "a run whose threshold fails exited $status, not 1"
grep -q "^verdict: failed: 1 of 1 threshold failed$" "$work/out" || fail "no failed verdict"
echo "ok: a failed threshold exits 1"

status=$(run --users 3 --threshold 'p99(ping) <')
[ "$status" -eq 2 ] || fail "a threshold that cannot be read exited $status, not 2"
grep -q "^amoc: run: threshold 'p99(ping) <'" "$work/out" || fail "no one-line error for the threshold"
echo "ok: a threshold that cannot be read exits 2 before anything runs"

#!/usr/bin/env bash
# Distribution through bin/amoc for real: the cluster's TLS material made with `bin/amoc tls init`, two slaves
# started with `bin/amoc slave` on 127.0.0.1 (free ports), a console script that connects them and runs a scenario
# over both, a second script right after it (the first released the slaves), and the slave's refusals: a loopback
# address without --allow-loopback, and no TLS material.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; for f in "$work"/*.log "$work/out"; do [ -f "$f" ] && { echo "--- $f" >&2; cat "$f" >&2; }; done; exit 1; }

"$root/bin/amoc" version >/dev/null   # builds first if needed, outside the timed waits

"$root/bin/amoc" slave --help 2>&1 | grep -q -- '--allow-loopback' \
  || fail "bin/amoc has no slave subcommand: register io.amoc.shell.cli.SlaveCommand in Main's subcommands"

"$root/bin/amoc" tls init --dir "$work/tls" > "$work/tls-init.out" || fail "bin/amoc tls init failed"
grep -q "next: copy $work/tls" "$work/tls-init.out" || fail "tls init does not say what to do next"
[ "$(stat -c %a "$work/tls")" = 700 ] && [ "$(stat -c %a "$work/tls/cluster.p12")" = 600 ] \
  && [ "$(stat -c %a "$work/tls/cluster.pass")" = 600 ] || fail "the TLS material is not 0700/0600"
echo "ok: bin/amoc tls init writes the material owner-only"

set +e
AMOC_TLS_DIR="$work/no-tls" "$root/bin/amoc" slave --bind 127.0.0.1 --allow-loopback --port 0 > "$work/no-tls.log" 2>&1
status=$?
set -e
[ "$status" -eq 2 ] || fail "a slave without TLS material exited with $status, not 2"
grep -q "bin/amoc tls init" "$work/no-tls.log" && grep -q "make deploy" "$work/no-tls.log" \
  || fail "a slave without TLS material does not say how to make it"
echo "ok: a slave without TLS material refuses to start and says how to make it"
export AMOC_TLS_DIR="$work/tls"

set +e
"$root/bin/amoc" slave --bind 127.0.0.1 --port 0 > "$work/refused.log" 2>&1
status=$?
set -e
[ "$status" -eq 2 ] || fail "a loopback slave without --allow-loopback exited with $status, not 2"
grep -q -- '--allow-loopback' "$work/refused.log" || fail "the loopback refusal does not name --allow-loopback"
echo "ok: bin/amoc slave refuses a loopback address unless --allow-loopback is given"

. "$root/tests/lib/slaves.sh"
start_slave 1
start_slave 2
first=$(address_of 1)
second=$(address_of 2)
echo "ok: two slaves listen on $first and $second"

write_waits_scenario "$work/scenarios"

"$root/bin/amoc" console --scenarios "$work/scenarios" > "$work/out" 2>&1 <<SCRIPT || fail "the console script failed"
config.set(interarrival, 0)
dist.connect("$first")
dist.connect("$second")
dist.do(Waits, 1, 4)
dist.add(2)
sleep(1000)
dist.status
nodes
dist.stop
SCRIPT

grep -Eq "^$first +started Waits@[0-9a-f]{8}" "$work/out" || fail "dist.do did not start on $first"
grep -Eq "^$second +started Waits@[0-9a-f]{8}" "$work/out" || fail "dist.do did not start on $second"
grep -Eq "^$first +adding users 5$" "$work/out" || fail "dist.add did not give user 5 to $first"
grep -Eq "^$second +adding users 6$" "$work/out" || fail "dist.add did not give user 6 to $second"
echo "ok: dist.do and dist.add split the ids round-robin over the slaves"
grep -Eq "^$first +running +Waits@[0-9a-f]{8} +3 " "$work/out" || fail "dist.status does not show 3 users on $first"
grep -Eq "^$second +running +Waits@[0-9a-f]{8} +3 " "$work/out" || fail "dist.status does not show 3 users on $second"
grep -Eq "^$first +up " "$work/out" || fail "nodes does not show $first up"
grep -Eq "^$second +stopped$" "$work/out" || fail "dist.stop did not stop $second"
echo "ok: dist.status, nodes and dist.stop show each slave"

"$root/bin/amoc" console --scenarios "$work/scenarios" > "$work/out2" 2>&1 <<SCRIPT || fail "a second script right after the first was refused: $(cat "$work/out2")"
dist.connect("$first")
dist.connect("$second")
dist.do(Waits, 1, 2)
SCRIPT
grep -Eq "^$first +started Waits@" "$work/out2" || fail "the second master did not drive $first: $(cat "$work/out2")"
echo "ok: a script's master releases the slaves when it ends, so the next script drives them at once"

#!/usr/bin/env bash
# A frozen slave through bin/amoc for real: a master daemon and two slaves on 127.0.0.1 (free ports, TLS material
# from `bin/amoc tls init`), one slave frozen with SIGSTOP. A dist.add waiting on it (heartbeats every 20 s, so the
# slave is still up) leaves other clients' evals answered meanwhile and returns after rmi_call_deadline naming it; Ctrl-C of an eval cancels that client's command
# in the daemon, which goes on; a daemon started with the frozen slave in its hosts runs dist.do on the other one
# without waiting a minute for it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
amoc="$root/bin/amoc"
work=$(mktemp -d /tmp/amoc-frozen.XXXXXX)
export AMOC_VAR_DIR="$work/var"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -CONT "$pid" 2>/dev/null || true; done
  "$amoc" stop >/dev/null 2>&1 || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL frozen_slave.sh: $*" >&2
  for f in "$work"/*.log "$work"/*.out "$AMOC_VAR_DIR/log/amoc.log"; do [ -f "$f" ] && { echo "--- $f" >&2; tail -n 40 "$f" >&2; }; done
  exit 1
}
now_ms() { date +%s%3N; }
# The deadlines these behaviours promise. Each eval here also starts a JVM, which takes seconds on a loaded machine,
# so the proof that clients are served at the same time is an order of events (one answered while the other still
# waits), and the time limits below leave room for JVM starts; FrozenSlaveTest measures the commands themselves.
call_deadline_ms=10000
reply_slack_ms=5000
hung_host_ms=45000

"$amoc" version >/dev/null   # builds first if needed, outside the timed parts
"$amoc" tls init --dir "$work/tls" >/dev/null || fail "bin/amoc tls init failed"
export AMOC_TLS_DIR="$work/tls"

. "$root/tests/lib/slaves.sh"
start_slave 1 60
start_slave 2 60
first=$(address_of 1)
second=$(address_of 2)
frozen_pid=${pids[1]}
export AMOC_HOSTS="[\"$first\", \"$second\"]"

write_waits_scenario "$work/scenarios"

# beats every 20 s: the frozen slave stays up for a minute (however slowly the evals' JVMs start on a loaded
# machine), so a call to it waits its whole rmi_call_deadline
export AMOC_HEARTBEAT_INTERVAL=20
"$amoc" start --scenarios "$work/scenarios" >/dev/null || fail "bin/amoc start failed"
"$amoc" eval 'config.set(interarrival, 0)' 'dist.do(Waits, 1, 4)' > "$work/do.out" 2>&1 || fail "dist.do failed"
echo "ok: a daemon with two slaves runs a scenario on both"

kill -STOP "$frozen_pid"
begin=$(now_ms)
set +e
"$amoc" eval 'local.do(Waits, 1, 1)' 'dist.add(4)' > "$work/add.out" 2>&1 &
add_pid=$!
set -e
deadline=$((SECONDS + 30))
while true; do # until an eval shows the first client has sent its dist.add (its local.do ran, which calls no
  # slave); then that client must still be waiting
  meanwhile_begin=$(now_ms)
  "$amoc" eval status nodes 'dist.status' > "$work/meanwhile.out" 2>&1 \
    || fail "nodes and dist.status failed while a slave is frozen"
  seen_sent=$(now_ms)
  meanwhile_ms=$(( seen_sent - meanwhile_begin ))
  grep -Eq '^local +running' "$work/meanwhile.out" && break
  [ $SECONDS -lt $deadline ] || fail "the first client never sent its dist.add"
done
kill -0 "$add_pid" 2>/dev/null \
  || fail "the dist.add waiting on the frozen slave ended before another client could be answered meanwhile"
grep -Eq "^$second +(up|down) " "$work/meanwhile.out" || fail "nodes does not list the frozen slave"
echo "ok: while one client's dist.add waits on a frozen slave, another eval gets nodes and dist.status in $meanwhile_ms ms (JVM start included)"

set +e
wait "$add_pid"
add_status=$?
set -e
add_ms=$(( $(now_ms) - begin ))
[ "$add_status" -eq 1 ] || fail "dist.add with a frozen slave exited $add_status, not 1"
[ $(( $(now_ms) - seen_sent )) -lt $((call_deadline_ms + reply_slack_ms)) ] \
  || fail "dist.add with a frozen slave went on for more than its deadline after it was seen sent"
grep -Eq "^$first +adding users" "$work/add.out" || fail "the live slave did not get its users"
grep -Eq "^$second +failed: $second is unreachable: no answer within 10 s \(rmi_call_deadline\)" "$work/add.out" \
  || fail "dist.add does not name the frozen slave with the deadline it missed"
echo "ok: dist.add returns in $add_ms ms (JVM start included) naming the frozen slave; the other one got its users"

# SIGINT ignored on entry (this script started as a background job of another script) stays ignored in every
# process it starts, job control or not: then no Ctrl-C can be delivered here, and the case is skipped.
if (( 0x$(awk '$1 == "SigIgn:" { print $2 }' /proc/$$/status) & 2 )); then
  echo "skip: Ctrl-C of an eval (this script was started with SIGINT ignored, as a script's background job is)"
else
  set -m   # job control: a background job keeps SIGINT, as a terminal's Ctrl-C would deliver it
  "$amoc" eval 'config.set(reached_sleep, 1)' 'sleep(60000)' > "$work/sleep.out" 2>&1 &
  sleep_pid=$!
  set +m
  deadline=$((SECONDS + 30))
  until [ "$("$amoc" eval 'config.get(reached_sleep)' 2>/dev/null)" = "reached_sleep = 1" ]; do
    [ $SECONDS -lt $deadline ] || fail "the eval never reached its sleep"
    sleep 0.2
  done
  kill -INT "$sleep_pid"
  wait "$sleep_pid" 2>/dev/null || true
  deadline=$((SECONDS + 20))
  until grep -q "an attached client cancelled its command" "$AMOC_VAR_DIR/log/amoc.log"; do
    [ $SECONDS -lt $deadline ] || fail "Ctrl-C of an eval did not cancel its command in the daemon"
    sleep 0.2
  done
  [ "$("$amoc" ping)" = "pong" ] || fail "the daemon should go on after a client's Ctrl-C"
  echo "ok: Ctrl-C of an eval cancels its sleep in the daemon, which goes on"
fi

"$amoc" stop >/dev/null || fail "bin/amoc stop with a frozen slave failed"
"$amoc" start --scenarios "$work/scenarios" >/dev/null || fail "bin/amoc start with a frozen slave in hosts failed"
begin=$(now_ms)
set +e
"$amoc" eval 'dist.do(Waits, 1, 2)' > "$work/hung.out" 2>&1
do_status=$?
set -e
do_ms=$(( $(now_ms) - begin ))
[ "$do_status" -eq 1 ] || fail "dist.do with a hung host in hosts exited $do_status, not 1"
[ "$do_ms" -lt "$hung_host_ms" ] || fail "dist.do with a hung host in hosts took $do_ms ms"
grep -Eq "^$first +started Waits@" "$work/hung.out" || fail "dist.do did not start on the live slave"
grep -Eq "^$second +failed: $second is down" "$work/hung.out" || fail "dist.do does not name the hung host"
echo "ok: with a hung host in hosts, dist.do runs on the other slave in $do_ms ms (JVM start included) and names it"

kill -CONT "$frozen_pid"
deadline=$((SECONDS + 90))
until "$amoc" eval nodes 2>/dev/null | grep -Eq "^$second +up "; do
  [ $SECONDS -lt $deadline ] || fail "the thawed slave did not come back up"
  sleep 0.5
done
echo "ok: the thawed slave comes back up"
"$amoc" stop >/dev/null || fail "bin/amoc stop failed"
echo "frozen_slave.sh: ok"

#!/usr/bin/env bash
# ansible: every playbook passes --syntax-check; then a real deploy onto this machine (ansible_connection=local) into
# a temporary directory, with TLS material made by `bin/amoc tls init`, copies the material (0600) and starts a slave
# daemon on free loopback ports and installs a master configured with it; the master (as a daemon) lists the slave
# up, runs a distributed scenario on it over TLS, and stop.yml stops the slave.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
unset AMOC_VAR_DIR
export ANSIBLE_NOCOLOR=1 ANSIBLE_RETRY_FILES_ENABLED=0 ANSIBLE_LOCALHOST_WARNING=0 ANSIBLE_INVENTORY_UNPARSED_WARNING=0
work=$(mktemp -d /tmp/amoc-ansible.XXXXXX)
cleanup() {
  local pidfile pid
  for pidfile in "$work"/slave/var/amoc-slave.pid "$work"/master/var/amoc.pid; do
    pid=$(cat "$pidfile" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  done
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL ansible.sh: $*" >&2
  for log in "$work"/slave/var/log/amoc-slave.log "$work"/master/var/log/amoc.log; do
    [ -f "$log" ] && { echo "--- $log" >&2; tail -n 20 "$log" >&2; }
  done
  exit 1
}

for playbook in "$root"/ansible/*.yml; do
  ansible-playbook -i "$root/ansible/hosts" --syntax-check "$playbook" >/dev/null || fail "syntax of $playbook"
done

tarball=$(ls "$root"/release/target/amoc-*.tar.gz 2>/dev/null | head -n 1 || true)
if [ -z "$tarball" ]; then
  "$root/bin/build" -q package -DskipTests
  tarball=$(ls "$root"/release/target/amoc-*.tar.gz | head -n 1)
fi
read -r registry_port object_port < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])')

"$root/bin/amoc" tls init --dir "$work/tls" >/dev/null || fail "bin/amoc tls init failed"
python=$(command -v python3)
cat > "$work/hosts" <<INVENTORY
[master]
master1 ansible_connection=local ansible_python_interpreter=$python amoc_dir=$work/master

[slaves]
slave1 ansible_connection=local ansible_python_interpreter=$python amoc_dir=$work/slave
INVENTORY
cat > "$work/vars.json" <<VARS
{"amoc_tarball": "$tarball", "amoc_become": false, "amoc_service": "daemon",
 "amoc_slave_bind": "127.0.0.1", "amoc_slave_port": $registry_port, "amoc_slave_object_port": $object_port,
 "amoc_slave_extra_args": ["--allow-loopback"], "amoc_tls_dir": "$work/tls"}
VARS

ansible-playbook -i "$work/hosts" -e "@$work/vars.json" "$root/ansible/deploy.yml" > "$work/deploy.out" 2>&1 \
  || { cat "$work/deploy.out" >&2; fail "deploy.yml failed"; }
slave_pid=$(cat "$work/slave/var/amoc-slave.pid" 2>/dev/null) || fail "the deployed slave wrote no pid file"
kill -0 "$slave_pid" || fail "the deployed slave is not running"
for host in slave master; do
  [ "$(stat -c %a "$work/$host/conf/tls")" = 700 ] && [ "$(stat -c %a "$work/$host/conf/tls/cluster.p12")" = 600 ] \
    && [ "$(stat -c %a "$work/$host/conf/tls/cluster.pass")" = 600 ] || fail "the $host's TLS material is not 0700/0600"
  cmp -s "$work/tls/cluster.p12" "$work/$host/conf/tls/cluster.p12" || fail "the $host's TLS material is not the one made"
done
grep -q "127.0.0.1:$registry_port" "$work/master/conf/amoc.properties" \
  || fail "the master's conf/amoc.properties does not list the slave: $(cat "$work/master/conf/amoc.properties")"

mkdir -p "$work/scenarios"
cat > "$work/scenarios/TinyDistributed.java" <<'JAVA'
import io.amoc.scenario.Scenario;

/** Each user sleeps until it is removed or the node stops. */
public class TinyDistributed implements Scenario<Void> {
    @Override
    public void start(long userId, Void state) throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }
}
JAVA
master="$work/master/bin/amoc"
slave="127.0.0.1:$registry_port"
# table_value NAME ROW: the value in the column headed NAME of the row that starts with ROW, in a table on stdin.
table_value() {
  awk -v name="$1" -v row="$2" '$1 == "node" { for (i = 1; i <= NF; i++) if ($i == name) col = i }
                                $1 == row && col { print $col; exit }'
}
"$master" start --scenarios "$work/scenarios" >/dev/null || fail "the deployed master did not start"
deadline=$((SECONDS + 30))
until [ "$("$master" eval 'nodes' 2>/dev/null | table_value up/down "$slave")" = "up" ]; do
  [ $SECONDS -lt $deadline ] || fail "the master does not list the slave up: $("$master" eval 'nodes' 2>&1)"
  sleep 0.5
done
"$master" eval 'config.set(interarrival, 0)' 'dist.do(TinyDistributed, 1, 4)' >/dev/null \
  || fail "dist.do failed: $("$master" eval 'dist.status()' 2>&1)"
deadline=$((SECONDS + 30))
until [ "$("$master" eval 'dist.status()' 2>/dev/null | table_value users "$slave")" = "4" ]; do
  [ $SECONDS -lt $deadline ] || fail "the slave does not run 4 users: $("$master" eval 'dist.status()' 2>&1)"
  sleep 0.5
done
"$master" stop >/dev/null || fail "the master did not stop"

ansible-playbook -i "$work/hosts" -e "@$work/vars.json" "$root/ansible/stop.yml" > "$work/stop.out" 2>&1 \
  || { cat "$work/stop.out" >&2; fail "stop.yml failed"; }
kill -0 "$slave_pid" 2>/dev/null && fail "the slave (pid $slave_pid) still runs after stop.yml"
echo "ansible.sh: ok (syntax of every playbook; deploy, a distributed run on the deployed slave, stop)"

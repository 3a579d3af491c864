# Slaves and a scenario for the shell-script tests of distribution; sourced. The caller defines $root (the source
# tree), $work (a scratch directory), an array pids (killed at cleanup) and fail MESSAGE.

# Starts slave $1 with bin/amoc slave on 127.0.0.1 and free ports, in the caller's shell so that its cleanup knows
# the pid; its master silence timeout is $2 seconds (default 30).
start_slave() {
  AMOC_MASTER_SILENCE_TIMEOUT="${2:-30}" "$root/bin/amoc" slave --bind 127.0.0.1 --allow-loopback --port 0 \
    --object-port 0 > "$work/slave-$1.log" 2>&1 &
  pids+=("$!")
}

# Prints slave $1's host:port once it listens (deadline 60 s).
address_of() {
  local log="$work/slave-$1.log"
  local deadline=$((SECONDS + 60))
  until grep -Eq '^amoc slave 127\.0\.0\.1:[0-9]+ ' "$log"; do
    [ $SECONDS -lt $deadline ] || fail "slave $1 did not start"
    sleep 0.2
  done
  grep -Eo '^amoc slave 127\.0\.0\.1:[0-9]+' "$log" | cut -d' ' -f3
}

# Writes the scenario Waits (each user sleeps a minute per iteration) into directory $1.
write_waits_scenario() {
  mkdir -p "$1"
  cat > "$1/Waits.java" <<'JAVA'
import io.amoc.scenario.Scenario;

public class Waits implements Scenario<Void> {
    @Override
    public void start(long userId, Void state) throws Exception {
        Thread.sleep(60_000);
    }
}
JAVA
}

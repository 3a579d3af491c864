#!/usr/bin/env bash
# The release tarball, unpacked in a temporary directory, runs a scenario with only a JDK: no source tree, and no
# Maven (a stand-in 'mvn' first on the PATH fails the test if anything calls it).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
fail() { echo "FAIL release.sh: $*" >&2; exit 1; }

tarball=$(ls "$root"/release/target/amoc-*.tar.gz 2>/dev/null | head -n 1 || true)
if [ -z "$tarball" ]; then
  "$root/bin/build" -q package -DskipTests
  tarball=$(ls "$root"/release/target/amoc-*.tar.gz | head -n 1)
fi

work=$(mktemp -d /tmp/amoc-release.XXXXXX)
trap 'rm -rf "$work"' EXIT
tar xzf "$tarball" -C "$work"
home=$(ls -d "$work"/amoc-*/)
home=${home%/}
for path in bin/amoc bin/lib/jdk.sh bin/xmpp-sandbox bin/lib/xmpp-sandbox/prosody.sh bin/lib/xmpp-sandbox/ejabberd.sh lib conf/amoc.properties scenarios README.md docs; do
  [ -e "$home/$path" ] || fail "the tarball lacks $path"
done
[ -x "$home/bin/amoc" ] || fail "bin/amoc is not executable in the tarball"
[ ! -e "$home/pom.xml" ] || fail "the tarball holds a pom.xml (bin/amoc would take it for a source tree)"

mkdir -p "$work/no-maven" "$work/scenarios"
printf '#!/bin/sh\ntouch %s/maven-was-called\nexit 127\n' "$work" > "$work/no-maven/mvn"
chmod +x "$work/no-maven/mvn"
cat > "$work/scenarios/CountingHello.java" <<'JAVA'
import io.amoc.scenario.AmocMetrics;
import io.amoc.scenario.Scenario;

public class CountingHello implements Scenario<Void> {
    @Override
    public void start(long userId, Void state) {
        AmocMetrics.count("hello");
    }
}
JAVA

out=$(cd "$work" && printf 'config.set(repeat_num, 1)\nlocal.do(CountingHello, 1, 3)\nstatus\n' \
  | PATH="$work/no-maven:$PATH" AMOC_VAR_DIR="$work/var" "$home/bin/amoc" console --scenarios "$work/scenarios" 2>&1) \
  || fail "the console script failed: $out"
[ ! -e "$work/maven-was-called" ] || fail "bin/amoc of the release called Maven"
echo "$out" | grep -q "CountingHello" || fail "status does not name the scenario: $out"
echo "release.sh: ok ($(basename "$tarball") unpacked and ran CountingHello without Maven)"

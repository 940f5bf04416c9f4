#!/usr/bin/env bash
# Debrief's fault suite, the long run: starts its own PostgreSQL, Kafka and services (two instances of each) on free
# ports, runs a steady workload from several clients
# and injects faults one at a time at random moments (kill -9 of each service, of the broker, of PostgreSQL; SIGSTOP
# past the consumer session; a broker outage), then checks every acknowledged write, every decision against an exact
# reference, every webhook and the resumed stream. Writes deploy/chaos/results/<name>-<time>.md and .json; exits 1
# when any of LOST / DUPLICATED / WRONG / MISSING is not zero.
#
#   deploy/chaos/run.sh 10m                                  the long run (every fault kind at least twice)
#   deploy/chaos/run.sh short                                the CI run (every fault kind once)
#   deploy/chaos/run.sh 3m --synchronous-commit off --faults kill-postgres --rounds 3 --name sync-off
#   other options: --service-config defaults|fast-failover|static-membership  --outage 60s  --pause 10s
#                  --instances notification=1  --clients 4  --seed N
#
# It leaves everything else alone: what it starts is on free ports on 127.0.0.1 and ended by PID.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

[ $# -ge 1 ] || { sed -n '2,16p' "$0"; exit 2; }

# shellcheck source=../lib/packaged.sh
. "$root/deploy/lib/packaged.sh"
package_if_missing "$here" chaos-1.0.0-SNAPSHOT.jar "the suite" -pl deploy/chaos -am

mkdir -p "$here/target/tmp"
exec java -Xmx768m -XX:+UseSerialGC -Ddebrief.root="$root" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Djava.io.tmpdir="$here/target/tmp" \
  -cp "$here/target/chaos-1.0.0-SNAPSHOT.jar:$here/target/lib/*" io.debrief.chaos.ChaosMain "$@"

#!/usr/bin/env bash
# Debrief's benchmark: starts its own Kafka and PostgreSQL and the three services on free ports, measures footprint,
# this machine's ceilings, ingest at stepped rates, submit-to-decision latency, outbox drain and replay, prints the
# table and writes it under deploy/bench/results/ (JSON and Markdown, latest.md).
#
#   deploy/bench/run.sh                  the full run with the issue's figures (ingest 250..4,000/s, 30 s each;
#                                        1,000,000-event replay, at most 300 s; 100,000-row outbox): about 25 minutes
#                                        for issue 8's scenarios, and the later issues' below add to it
#   deploy/bench/run.sh --quick          a smoke run with short steps and small backlogs (about 3 minutes for issue 8's)
#   deploy/bench/run.sh --only ceilings,ingest --rates 1000,2000 --step-seconds 30
#   other options: --latency-rate N --replay-events N --replay-seconds N --outbox-rows N --connections N
#   issues 13, 15 and 17: --only overload [--capacity N --overload-probe-rate N];
#                         --only interviewers,replay-statistics [--interviewers N --interviewer-loops N
#                         --interviewers-rate N --statistics-runs N];
#                         --only tracing [--latency-rate N --step-seconds N --statistics-runs N --tracing-replay-events N]:
#                         ingest and a 100,000-event replay with tracing off and on, twice each (about 15 minutes)
#
# The report opens with the issue's targets (required, measured, ceiling and ratio, met or missed); every figure
# stands beside its ceiling (for a latency: its floor). The load generator is open-loop (Vert.x HTTP client, pooled
# keep-alive connections; latency from each request's due time) and is itself measured against a no-op endpoint at
# every ingest rate.
#
# It leaves a running deploy/local/run.sh alone: everything it starts is on free ports and stopped at the end.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

# shellcheck source=../lib/packaged.sh
. "$root/deploy/lib/packaged.sh"
package_if_missing "$here" bench-1.0.0-SNAPSHOT.jar "the benchmark"

mkdir -p "$here/target/run"
exec java -Xmx1g -XX:+UseParallelGC -Ddebrief.root="$root" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Djava.io.tmpdir="$here/target/run" \
  -cp "$here/target/bench-1.0.0-SNAPSHOT.jar:$here/target/lib/*" io.debrief.bench.Bench "$@"

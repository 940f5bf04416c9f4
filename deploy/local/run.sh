#!/usr/bin/env bash
# Debrief, the whole system on this machine: a real Kafka broker and PostgreSQL (no Docker), the three services,
# and a sample debrief whose decision is printed.
#
#   deploy/local/run.sh            build what is missing, start everything, run the sample, stay up until Ctrl-C
#   deploy/local/run.sh --detach   the same, but return once everything is healthy and leave it running
#   deploy/local/run.sh stop       stop everything this script started (and nothing else)
#   deploy/local/run.sh --clean    forget the data of earlier runs first
#   deploy/local/run.sh --rebuild  rebuild the services even if they are already packaged
#
# Ports (override with the environment): SCORECARD_PORT=8081 CALIBRATION_PORT=8082 NOTIFICATION_PORT=8083
# DEBRIEF_KAFKA_PORT=9092 DEBRIEF_POSTGRES_PORT=15432. Logs and data: deploy/local/.run/
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
run_dir="$here/.run"
logs="$run_dir/logs"
pids="$run_dir/pids"

scorecard_port="${SCORECARD_PORT:-8081}"
calibration_port="${CALIBRATION_PORT:-8082}"
notification_port="${NOTIFICATION_PORT:-8083}"
kafka_port="${DEBRIEF_KAFKA_PORT:-9092}"
postgres_port="${DEBRIEF_POSTGRES_PORT:-15432}"

services=(scorecard-service calibration-service notification-service)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

port_of() {
  case "$1" in
    scorecard-service) echo "$scorecard_port" ;;
    calibration-service) echo "$calibration_port" ;;
    notification-service) echo "$notification_port" ;;
  esac
}

database_of() { echo "${1%-service}"; }

is_running() { [ -f "$pids/$1.pid" ] && kill -0 "$(cat "$pids/$1.pid")" 2>/dev/null; }

stop_all() {
  local stopped=0
  for name in "${services[@]}" local-stack; do
    if is_running "$name"; then
      kill "$(cat "$pids/$name.pid")" 2>/dev/null || true
      stopped=1
    fi
  done
  for name in "${services[@]}" local-stack; do
    if [ -f "$pids/$name.pid" ]; then
      local pid; pid="$(cat "$pids/$name.pid")"
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
      rm -f "$pids/$name.pid"
    fi
  done
  [ "$stopped" = 1 ] && say "Stopped Debrief (logs kept in $logs)" || say "Nothing of Debrief's was running"
}

wait_for() { # wait_for NAME URL SECONDS
  local name="$1" url="$2" seconds="$3"
  for _ in $(seq 1 $((seconds * 5))); do
    is_running "$name" || { tail -n 40 "$logs/$name.log" >&2; fail "$name exited; its log is $logs/$name.log"; }
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  tail -n 40 "$logs/$name.log" >&2
  fail "$name was not ready after ${seconds}s; its log is $logs/$name.log"
}

pretty() { if command -v jq >/dev/null; then jq .; elif command -v python3 >/dev/null; then python3 -m json.tool; else cat; echo; fi; }

detach=0; clean=0; rebuild=0
for arg in "$@"; do
  case "$arg" in
    stop) stop_all; exit 0 ;;
    --detach) detach=1 ;;
    --clean) clean=1 ;;
    --rebuild) rebuild=1 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) fail "unknown argument: $arg (see --help)" ;;
  esac
done

command -v java >/dev/null || fail "Java 17 or newer is needed (java not found)"
java_major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = \([0-9]*\).*/\1/p')"
[ "${java_major:-0}" -ge 17 ] || fail "Java 17 or newer is needed (found $java_major)"
command -v curl >/dev/null || fail "curl is needed"

for name in "${services[@]}" local-stack; do
  is_running "$name" && fail "$name is already running (pid $(cat "$pids/$name.pid")); run '$0 stop' first"
done

mkdir -p "$logs" "$pids"

missing=0
for name in "${services[@]}"; do [ -f "$root/$name/target/quarkus-app/quarkus-run.jar" ] || missing=1; done
[ -d "$root/deploy/local-stack/target/lib" ] || missing=1
[ -f "$root/deploy/test-support/target/test-support-1.0.0-SNAPSHOT.jar" ] || missing=1
if [ "$missing" = 1 ] || [ "$rebuild" = 1 ]; then
  say "Building the services (./mvnw package, tests skipped; the first build downloads dependencies)"
  (cd "$root" && ./mvnw -B -q -DskipTests package) > "$logs/build.log" 2>&1 \
    || { tail -n 40 "$logs/build.log" >&2; fail "the build failed; see $logs/build.log"; }
fi

[ "$clean" = 1 ] && rm -rf "$run_dir/data"
mkdir -p "$run_dir/data/tmp"

trap 'echo; stop_all; exit 130' INT TERM

say "Starting Kafka (127.0.0.1:$kafka_port) and PostgreSQL (127.0.0.1:$postgres_port)"
nohup java -Xmx512m -Djava.io.tmpdir="$run_dir/data/tmp" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$root/deploy/local-stack/target/local-stack-1.0.0-SNAPSHOT.jar:$root/deploy/local-stack/target/lib/*" \
  io.debrief.stack.LocalStackMain --kafka-port "$kafka_port" --postgres-port "$postgres_port" \
  --data-dir "$run_dir/data" > "$logs/local-stack.log" 2>&1 &
echo $! > "$pids/local-stack.pid"
for _ in $(seq 1 300); do
  grep -q '^READY' "$logs/local-stack.log" 2>/dev/null && break
  is_running local-stack || { tail -n 40 "$logs/local-stack.log" >&2; fail "Kafka/PostgreSQL did not start; see $logs/local-stack.log"; }
  sleep 0.2
done
grep -q '^READY' "$logs/local-stack.log" || fail "Kafka/PostgreSQL not ready after 60s; see $logs/local-stack.log"
# shellcheck disable=SC1091
set -a; . "$run_dir/data/stack.env"; set +a

# Identity: a local key pair (deploy/local/keys, made on first use, kept out of git); the services trust its tokens
token() { "$here/token.sh" "$@"; }
recruiter_token="$(token rita recruiter)"
public_key="$here/keys/public-key.pem"

for name in "${services[@]}"; do
  port="$(port_of "$name")"; db="$(database_of "$name")"
  say "Starting $name on http://127.0.0.1:$port"
  QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$DEBRIEF_POSTGRES_HOST:$DEBRIEF_POSTGRES_PORT/$db" \
  QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$DEBRIEF_POSTGRES_HOST:$DEBRIEF_POSTGRES_PORT/$db" \
  QUARKUS_DATASOURCE_USERNAME="$DEBRIEF_POSTGRES_USER" QUARKUS_DATASOURCE_PASSWORD="$DEBRIEF_POSTGRES_PASSWORD" \
  DEBRIEF_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="file://$public_key" MP_JWT_VERIFY_ISSUER="https://debrief.local/issuer" \
  nohup java -Xmx256m -jar "$root/$name/target/quarkus-app/quarkus-run.jar" > "$logs/$name.log" 2>&1 &
  echo $! > "$pids/$name.pid"
done
for name in "${services[@]}"; do
  wait_for "$name" "http://127.0.0.1:$(port_of "$name")/q/health/ready" 90
done
say "All three services are ready"

scorecards="http://127.0.0.1:$scorecard_port"
say "Sample debrief: a MID loop with three interviewers"
loop="$(curl -fsS -H "Authorization: Bearer $recruiter_token" -H 'Content-Type: application/json' "$scorecards/api/loops" -d '{
  "candidate": {"id": "cand-sample", "name": "Sample Candidate"},
  "position": "MLOps Engineer", "level": "MID",
  "panel": [{"interviewerId": "alice", "stage": "TECHNICAL_DEEP_DIVE"},
            {"interviewerId": "bob", "stage": "SYSTEM_DESIGN"},
            {"interviewerId": "carol", "stage": "CULTURAL_FIT"}]}')"
loop_id="$(printf '%s' "$loop" | sed -n 's/.*"loopId" *: *"\([^"]*\)".*/\1/p')"
[ -n "$loop_id" ] || fail "opening the sample loop failed: $loop"
echo "    loop $loop_id"
submit() { # submit INTERVIEWER JSON: each interviewer with a token of their own
  curl -fsS -o /dev/null -H "Authorization: Bearer $(token "$1" interviewer)" -H 'Content-Type: application/json' \
    "$scorecards/api/loops/$loop_id/scorecards" -d "$2" || fail "submitting $1's sample scorecard failed"
}
submit alice '{"interviewerId":"alice","scores":{"CONTAINERIZATION":4,"ORCHESTRATION":4,"CI_CD":4,"ML_TOOLS":3},"greenFlags":["PRODUCTION_EXPERIENCE"],"recommendation":"YES"}'
echo "    alice submitted"
submit bob '{"interviewerId":"bob","scores":{"SYSTEM_DESIGN":4,"MONITORING":3,"PROBLEM_SOLVING":3},"greenFlags":["UNDERSTANDS_TRADE_OFFS"],"recommendation":"YES"}'
echo "    bob submitted"
submit carol '{"interviewerId":"carol","scores":{"COMMUNICATION":3},"recommendation":"STRONG_YES"}'
echo "    carol submitted"

# On data kept from an earlier run the consumers first wait for their old group members to time out (Kafka's session
# timeout, 45 s), so the first decision can take up to a minute; later ones take milliseconds.
echo "    waiting for the decision (up to a minute after a restart on kept data)"
decision=""
for _ in $(seq 1 600); do
  decision="$(curl -fsS -H "Authorization: Bearer $recruiter_token" \
    "http://127.0.0.1:$notification_port/api/decisions?loopId=$loop_id" 2>/dev/null || true)"
  case "$decision" in *'"outcome"'*) break ;; esac
  sleep 0.2
done
case "$decision" in *'"outcome"'*) ;; *) fail "no decision arrived within 120s; logs in $logs" ;; esac
say "Decision for the sample loop (from notification-service)"
printf '%s' "$decision" | pretty

cat <<INFO

Debrief is running.
  scorecard-service     http://127.0.0.1:$scorecard_port/q/swagger-ui
  calibration-service   http://127.0.0.1:$calibration_port/   (dashboard)   http://127.0.0.1:$calibration_port/q/swagger-ui
  notification-service  http://127.0.0.1:$notification_port/   (recruiter page)   http://127.0.0.1:$notification_port/q/swagger-ui
  a token              deploy/local/token.sh rita recruiter     (roles: interviewer, recruiter, hiring-manager, admin)
                        the dashboards ask for one once; it is kept in a session cookie, never in a URL
  decision stream       curl -N -H "Authorization: Bearer \$(deploy/local/token.sh rita recruiter)" http://127.0.0.1:$notification_port/api/decisions/stream
  calibration stream    curl -N -H "Authorization: Bearer \$(deploy/local/token.sh rita recruiter)" http://127.0.0.1:$calibration_port/api/calibrations/stream
  Kafka                 kcat -b 127.0.0.1:$kafka_port -C -t hiring-decisions -f '%k %s\n'
  PostgreSQL            psql -h 127.0.0.1 -p $postgres_port -U postgres scorecard
  logs                  $logs
INFO

if [ "$detach" = 1 ]; then
  trap - INT TERM
  say "Left running; stop it with: deploy/local/run.sh stop"
  exit 0
fi
say "Press Ctrl-C to stop"
while is_running local-stack; do sleep 1; done
stop_all

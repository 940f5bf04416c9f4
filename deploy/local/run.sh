#!/usr/bin/env bash
# Debrief, the whole system on this machine: a real Kafka broker and PostgreSQL (no Docker), the three services,
# and a sample debrief whose decision is printed.
#
#   deploy/local/run.sh            build what is missing, start everything, run the sample, stay up until Ctrl-C
#   deploy/local/run.sh --detach   the same, but return once everything is healthy and leave it running
#   deploy/local/run.sh --observability   also start Prometheus scraping the three services (http://127.0.0.1:9090)
#   deploy/local/run.sh stop       stop everything this script started (and nothing else)
#   deploy/local/run.sh --clean    forget the data of earlier runs first
#   deploy/local/run.sh --rebuild  rebuild the services even if they are already packaged
#   deploy/local/run.sh stack      only Kafka and PostgreSQL (databases scorecard, calibration, notification) and the
#                                  token keys, for ./mvnw quarkus:dev -pl <service>; stays up (or --detach; --clean)
#   deploy/local/run.sh restart NAME   stop and start one process it started, the rest keep running: NAME is
#                                  scorecard-service, calibration-service, notification-service or local-stack
#   deploy/local/run.sh status     what it started, what runs, and whether the services are ready
#
# Ports (override with the environment): SCORECARD_PORT=8081 CALIBRATION_PORT=8082 NOTIFICATION_PORT=8083
# DEBRIEF_KAFKA_PORT=9092 DEBRIEF_POSTGRES_PORT=15432. Logs and data: deploy/local/.run/
# Traces: off; DEBRIEF_TRACES_ENDPOINT=http://HOST:4318 makes the services export them there (OTLP over HTTP).
# Retention: loops are erased DEBRIEF_RETENTION_ERASE_AFTER (default P365D) after their last decision; set it in the
# environment of a start or restart of scorecard-service to change it (e.g. PT10M to watch it happen).
# Loop keys: each start makes a fresh random service token the three services share for scorecard-service's
# /internal/loop-keys (.run/loop-keys-service-token, readable by you only; restarts reuse it; never printed).
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
public_key="$here/keys/public-key.pem"
service_token="$run_dir/loop-keys-service-token"

# shellcheck source=../lib/sample.sh
. "$root/deploy/lib/sample.sh"

port_of() {
  case "$1" in
    scorecard-service) echo "$scorecard_port" ;;
    calibration-service) echo "$calibration_port" ;;
    notification-service) echo "$notification_port" ;;
  esac
}

database_of() { echo "${1%-service}"; }

is_running() { [ -f "$pids/$1.pid" ] && kill -0 "$(cat "$pids/$1.pid")" 2>/dev/null; }

# stop_one NAME: SIGTERM, up to 20 s to finish, then SIGKILL; forgets its pid
stop_one() {
  local name="$1"
  [ -f "$pids/$name.pid" ] || return 0
  local pid; pid="$(cat "$pids/$name.pid")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  rm -f "$pids/$name.pid"
}

stop_all() {
  local stopped=0
  for name in "${services[@]}" local-stack; do
    if is_running "$name"; then
      kill "$(cat "$pids/$name.pid")" 2>/dev/null || true
      stopped=1
    fi
  done
  for name in "${services[@]}" local-stack; do
    stop_one "$name"
  done
  # the Prometheus of --observability, if one was started (its own script stops it by its pid)
  if [ -f "$root/deploy/observability/.run/prometheus.pid" ]; then "$root/deploy/observability/prometheus.sh" stop; fi
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

require_tools() {
  command -v java >/dev/null || fail "Java 17 or newer is needed (java not found)"
  local java_major
  java_major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = \([0-9]*\).*/\1/p')"
  [ "${java_major:-0}" -ge 17 ] || fail "Java 17 or newer is needed (found $java_major)"
  command -v curl >/dev/null || fail "curl is needed"
}

# start_stack: Kafka and PostgreSQL (LocalStackMain) on the fixed ports; waits for READY, then reads stack.env.
# PostgreSQL runs with synchronous_commit=on and fsync=on; a PostgreSQL an earlier, killed stack left on the same
# data directory is stopped first, and the stack's PostgreSQL stops when the stack's JVM dies.
start_stack() {
  mkdir -p "$run_dir/data/tmp"
  nohup java -Xmx512m -Djava.io.tmpdir="$run_dir/data/tmp" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$root/deploy/local-stack/target/local-stack-1.0.0-SNAPSHOT.jar:$root/deploy/local-stack/target/lib/*" \
    io.debrief.stack.LocalStackMain --kafka-port "$kafka_port" --postgres-port "$postgres_port" \
    --data-dir "$run_dir/data" > "$logs/local-stack.log" 2>&1 &
  echo $! > "$pids/local-stack.pid"
  local deadline=$((SECONDS + 180)) # a few seconds on an idle machine; minutes on a very busy one
  while [ "$SECONDS" -lt "$deadline" ]; do
    grep -q '^READY' "$logs/local-stack.log" 2>/dev/null && break
    is_running local-stack || { tail -n 40 "$logs/local-stack.log" >&2; fail "Kafka/PostgreSQL did not start; see $logs/local-stack.log"; }
    sleep 0.2
  done
  grep -q '^READY' "$logs/local-stack.log" || fail "Kafka/PostgreSQL not ready after 180s; see $logs/local-stack.log"
  load_stack_env
}

load_stack_env() {
  [ -f "$run_dir/data/stack.env" ] || fail "no $run_dir/data/stack.env: Kafka and PostgreSQL were never started here"
  # shellcheck disable=SC1091
  set -a; . "$run_dir/data/stack.env"; set +a
}

# start_service NAME [>>]: the packaged service on its port, wired to the stack; '>>' appends to its log (restart)
start_service() {
  local name="$1" append="${2:-}" port db
  # traces: off unless DEBRIEF_TRACES_ENDPOINT names an OTLP/HTTP collector (e.g. http://127.0.0.1:4318)
  local tracing=(QUARKUS_OTEL_SDK_DISABLED=true)
  if [ -n "${DEBRIEF_TRACES_ENDPOINT:-}" ]; then
    tracing=(QUARKUS_OTEL_SDK_DISABLED=false QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf
             QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT="$DEBRIEF_TRACES_ENDPOINT")
  fi
  port="$(port_of "$name")"; db="$(database_of "$name")"
  local log_redirect="$logs/$name.log"
  [ "$append" = ">>" ] || : > "$log_redirect"
  QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$DEBRIEF_POSTGRES_HOST:$DEBRIEF_POSTGRES_PORT/$db" \
  QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$DEBRIEF_POSTGRES_HOST:$DEBRIEF_POSTGRES_PORT/$db" \
  QUARKUS_DATASOURCE_USERNAME="$DEBRIEF_POSTGRES_USER" QUARKUS_DATASOURCE_PASSWORD="$DEBRIEF_POSTGRES_PASSWORD" \
  DEBRIEF_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true \
  DEBRIEF_LOOP_KEYS_SERVICE_TOKEN="$(cat "$service_token")" DEBRIEF_LOOP_KEYS_URL="http://127.0.0.1:$scorecard_port" \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="file://$public_key" MP_JWT_VERIFY_ISSUER="https://debrief.local/issuer" \
  env "${tracing[@]}" \
  nohup java -Xmx256m -jar "$root/$name/target/quarkus-app/quarkus-run.jar" >> "$log_redirect" 2>&1 &
  echo $! > "$pids/$name.pid"
}

# new_service_token: the secret calibration-service and notification-service show scorecard-service to get loop keys
# (POST /internal/loop-keys), 32 random bytes, made once per run; kept in a file only its owner reads, never echoed
new_service_token() {
  (umask 077; head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' > "$service_token")
}

# Identity: a local key pair (deploy/local/keys, made on first use, kept out of git); the services trust its tokens
token() { "$here/token.sh" "$@"; }

build_if_missing() { # build_if_missing all|stack
  local missing=0
  if [ "$1" = all ]; then
    for name in "${services[@]}"; do [ -f "$root/$name/target/quarkus-app/quarkus-run.jar" ] || missing=1; done
  fi
  [ -d "$root/deploy/local-stack/target/lib" ] || missing=1
  [ -f "$root/deploy/test-support/target/test-support-1.0.0-SNAPSHOT.jar" ] || missing=1
  if [ "$missing" = 1 ] || [ "$rebuild" = 1 ]; then
    if [ "$1" = all ]; then
      say "Building the services (./mvnw package, tests skipped; the first build downloads dependencies)"
      (cd "$root" && ./mvnw -B -q -DskipTests package) > "$logs/build.log" 2>&1 \
        || { tail -n 40 "$logs/build.log" >&2; fail "the build failed; see $logs/build.log"; }
    else
      say "Building the local stack (./mvnw package -pl deploy/local-stack,deploy/test-support, tests skipped)"
      (cd "$root" && ./mvnw -B -q -DskipTests -pl deploy/local-stack,deploy/test-support -am package) > "$logs/build.log" 2>&1 \
        || { tail -n 40 "$logs/build.log" >&2; fail "the build failed; see $logs/build.log"; }
    fi
  fi
}

# Stay in the foreground while the stack runs ('restart local-stack' from another shell does not count as its end)
stay_up() {
  say "Press Ctrl-C to stop"
  while is_running local-stack || [ -f "$pids/restarting" ]; do sleep 1; done
  stop_all
}

# With --detach return now and leave everything running, else stay up until Ctrl-C
stay_or_detach() {
  if [ "$detach" = 1 ]; then
    trap - INT TERM
    say "Left running; stop it with: deploy/local/run.sh stop"
    exit 0
  fi
  stay_up
}

status() {
  local any=0 name pid state
  for name in local-stack "${services[@]}"; do
    if is_running "$name"; then
      pid="$(cat "$pids/$name.pid")"; any=1
      case "$name" in
        local-stack) state="running (Kafka 127.0.0.1:$kafka_port, PostgreSQL 127.0.0.1:$postgres_port)" ;;
        *) if curl -fsS -o /dev/null "http://127.0.0.1:$(port_of "$name")/q/health/ready" 2>/dev/null; then
             state="running, ready on http://127.0.0.1:$(port_of "$name")"
           else
             state="running, NOT ready on http://127.0.0.1:$(port_of "$name") (see $logs/$name.log)"
           fi ;;
      esac
      printf '  %-22s pid %-8s %s\n' "$name" "$pid" "$state"
    elif [ -f "$pids/$name.pid" ]; then
      printf '  %-22s %-12s %s\n' "$name" "-" "not running (it was started; '$0 restart $name' starts it again)"
    else
      printf '  %-22s %-12s %s\n' "$name" "-" "not started"
    fi
  done
  [ "$any" = 1 ] || say "Nothing of Debrief's is running"
}

restart() {
  local name="$1"
  case "$name" in
    local-stack|scorecard-service|calibration-service|notification-service) ;;
    *) fail "restart what? NAME is one of scorecard-service, calibration-service, notification-service, local-stack" ;;
  esac
  [ -f "$pids/$name.pid" ] || fail "$name was not started by $0 (see '$0 status')"
  require_tools
  mkdir -p "$logs" "$pids"
  touch "$pids/restarting"
  trap 'rm -f "$pids/restarting"' EXIT
  say "Restarting $name"
  stop_one "$name"
  if [ "$name" = local-stack ]; then
    start_stack
    say "Kafka (127.0.0.1:$kafka_port) and PostgreSQL (127.0.0.1:$postgres_port) are up again"
  else
    load_stack_env
    [ -s "$service_token" ] || fail "no $service_token: start Debrief with $0 first"
    echo "---- restarted by $0 at $(date -u +%FT%TZ) ----" >> "$logs/$name.log"
    start_service "$name" ">>"
    wait_for "$name" "http://127.0.0.1:$(port_of "$name")/q/health/ready" 90
    say "$name is ready again on http://127.0.0.1:$(port_of "$name")"
  fi
}

mode=all; detach=0; clean=0; rebuild=0; observability=0
while [ $# -gt 0 ]; do
  case "$1" in
    stop) stop_all; exit 0 ;;
    status) status; exit 0 ;;
    restart) [ $# -ge 2 ] || fail "restart needs a NAME (see --help)"; restart "$2"; exit 0 ;;
    stack) mode=stack ;;
    --detach) detach=1 ;;
    --observability) observability=1 ;;
    --clean) clean=1 ;;
    --rebuild) rebuild=1 ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) fail "unknown argument: $1 (see --help)" ;;
  esac
  shift
done

require_tools

for name in "${services[@]}" local-stack; do
  is_running "$name" && fail "$name is already running (pid $(cat "$pids/$name.pid")); run '$0 stop' first"
done

mkdir -p "$logs" "$pids"
rm -f "$pids/restarting"
build_if_missing "$mode"

[ "$clean" = 1 ] && rm -rf "$run_dir/data"
mkdir -p "$run_dir/data/tmp"

trap 'echo; stop_all; exit 130' INT TERM

say "Starting Kafka (127.0.0.1:$kafka_port) and PostgreSQL (127.0.0.1:$postgres_port)"
start_stack
recruiter_token="$(token rita recruiter)" # also makes the key pair on first use
new_service_token

if [ "$mode" = stack ]; then
  cat <<INFO

Kafka and PostgreSQL are running, with the databases scorecard, calibration and notification.
  Kafka                 127.0.0.1:$kafka_port
  PostgreSQL            127.0.0.1:$postgres_port, user $DEBRIEF_POSTGRES_USER, password $DEBRIEF_POSTGRES_PASSWORD (trust auth)
  token keys            $public_key (issuer https://debrief.local/issuer)
  loop-keys token       DEBRIEF_LOOP_KEYS_SERVICE_TOKEN="\$(cat $service_token)" for each service you start
  a token               deploy/local/token.sh rita recruiter
  a service, live       ./mvnw quarkus:dev -pl scorecard-service    (or calibration-service, notification-service)
  logs                  $logs
INFO
  stay_or_detach
  exit 0
fi

for name in "${services[@]}"; do
  say "Starting $name on http://127.0.0.1:$(port_of "$name")"
  start_service "$name"
done
for name in "${services[@]}"; do
  wait_for "$name" "http://127.0.0.1:$(port_of "$name")/q/health/ready" 90
done
say "All three services are ready"
if [ "$observability" = 1 ]; then
  SCORECARD_PORT="$scorecard_port" CALIBRATION_PORT="$calibration_port" NOTIFICATION_PORT="$notification_port" \
    "$root/deploy/observability/prometheus.sh" start
fi

sample_debrief "http://127.0.0.1:$scorecard_port" "http://127.0.0.1:$notification_port" "$here/token.sh" "" \
  "; logs in $logs"

cat <<INFO

Debrief is running.
  scorecard-service     http://127.0.0.1:$scorecard_port/   (interviewer's page: sign in with deploy/local/token.sh alice interviewer)   http://127.0.0.1:$scorecard_port/q/swagger-ui
  calibration-service   http://127.0.0.1:$calibration_port/   (dashboard)   http://127.0.0.1:$calibration_port/q/swagger-ui
  notification-service  http://127.0.0.1:$notification_port/   (recruiter page)   http://127.0.0.1:$notification_port/q/swagger-ui
  a token              deploy/local/token.sh rita recruiter     (roles: interviewer, recruiter, hiring-manager, admin)
                        the dashboards ask for one once; it is kept in a session cookie, never in a URL
  feedback letter       curl -H "Authorization: Bearer \$(deploy/local/token.sh rita recruiter)" "http://127.0.0.1:$notification_port/api/decisions/$loop_id/letter?lang=vi"
  reminders, fast       DEBRIEF_REMINDERS_FIRST_AFTER=PT10S DEBRIEF_REMINDERS_EVERY=PT30S DEBRIEF_REMINDERS_BUSINESS_DAYS_ONLY=false deploy/local/run.sh restart scorecard-service
  decision stream       curl -N -H "Authorization: Bearer \$(deploy/local/token.sh rita recruiter)" http://127.0.0.1:$notification_port/api/decisions/stream
  calibration stream    curl -N -H "Authorization: Bearer \$(deploy/local/token.sh rita recruiter)" http://127.0.0.1:$calibration_port/api/calibrations/stream
  Kafka                 kcat -b 127.0.0.1:$kafka_port -C -t hiring-decisions -f '%k %s\n'
  PostgreSQL            psql -h 127.0.0.1 -p $postgres_port -U postgres scorecard
  logs                  $logs
INFO

stay_or_detach

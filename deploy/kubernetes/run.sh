#!/usr/bin/env bash
# Debrief in containers on this machine: the local overlay (deploy/kubernetes/local.yaml, rendered from
# overlays/local) run by `podman kube play`: two replicas of each service, Kafka, PostgreSQL and the gateway on the
# local run's ports, all on 127.0.0.1: 8081-8083 (services), 9092 (Kafka), 15432 (PostgreSQL), 8404 (gateway status).
#
#   deploy/kubernetes/run.sh up [--no-sample]   build what is missing, start everything, wait until every replica is
#                                               ready, run the sample debrief and print its decision
#   deploy/kubernetes/run.sh down               remove every pod, secret and the network that `up` made
#   deploy/kubernetes/run.sh status             the pods and which replicas the gateway has in rotation
#   deploy/kubernetes/run.sh sample             run the sample debrief again
#   deploy/kubernetes/run.sh render             re-render local.yaml from overlays/local (after editing manifests)
#   deploy/kubernetes/token.sh SUB ROLE...      a token the containers accept (the key pair is made at `up`)
#
# Needs root, podman, runc and debootstrap (apt-get install -y podman runc debootstrap), JDK 17 and curl.
# State (the key pair, the database password): DEBRIEF_K8S_RUN_DIR, default deploy/kubernetes/.run; the loop-keys
# service token lives only in the Podman secret debrief-loop-keys (made afresh at each `up`)
# DEBRIEF_READY_TIMEOUT: seconds to wait for Kafka and PostgreSQL, then for every replica (default 600)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
run_dir="${DEBRIEF_K8S_RUN_DIR:-$here/.run}"
manifest="$here/local.yaml"
network=debrief
services=(scorecard-service calibration-service notification-service)
secrets=(scorecard-db-app calibration-db-app notification-db-app debrief-jwt debrief-loop-keys)
# Podman 4.3 makes each emptyDir, secret and configMap volume of local.yaml a named volume (named after the emptyDir,
# the secret or the config map), shared by every pod that names it, and keeps it after `kube down`: these are they
# (ManifestsTest checks the list against local.yaml)
volumes=(scorecard-service-tmp calibration-service-tmp notification-service-tmp debrief-jwt kafka-data kafka-tmp
  postgres-data postgres-tmp gateway-tmp gateway-config)
# shellcheck source=../images/podman.sh
. "$root/deploy/images/podman.sh"

# shellcheck source=../lib/sample.sh
. "$root/deploy/lib/sample.sh"
port_of() { case "$1" in scorecard-service) echo 8081 ;; calibration-service) echo 8082 ;; notification-service) echo 8083 ;; esac; }

require() {
  [ "$(id -u)" = 0 ] || fail "Podman runs rootful here: run as root"
  command -v podman >/dev/null || fail "podman is missing: apt-get install -y podman runc debootstrap"
  command -v runc >/dev/null || fail "runc is missing: apt-get install -y runc"
  command -v java >/dev/null || fail "Java 17 or newer is needed"
  command -v curl >/dev/null || fail "curl is needed"
  command -v openssl >/dev/null || fail "openssl is needed (apt-get install -y openssl)"
}

ours_running() { pm pod exists gateway 2>/dev/null || pm pod exists kafka 2>/dev/null || pm pod exists postgres 2>/dev/null; }

down() {
  require
  for file in "$run_dir/apps.yaml" "$run_dir/infra.yaml"; do
    if [ -f "$file" ]; then pm kube down "$file" >/dev/null 2>&1 || true; fi
  done
  # `kube down` of podman 4.3 removes a Deployment's first pod only: remove every replica by name
  for service in "${services[@]}"; do
    for pod in $(pm pod ps --filter "name=^$service-pod-[0-9]+$" --format '{{.Name}}'); do
      pm pod rm -f "$pod" >/dev/null 2>&1 || true
    done
  done
  for pod in gateway kafka postgres; do pm pod rm -f "$pod" >/dev/null 2>&1 || true; done
  for secret in "${secrets[@]}"; do pm secret rm "$secret" >/dev/null 2>&1 || true; done
  remove_volumes
  if pm network exists "$network" 2>/dev/null; then pm network rm "$network" >/dev/null 2>&1 || true; fi
  say "Debrief's containers are down"
}

remove_volumes() {
  for volume in "${volumes[@]}"; do
    if pm volume exists "$volume" 2>/dev/null; then pm volume rm -f "$volume" >/dev/null 2>&1 || true; fi
  done
}

# stats NAME: the gateway's view of a backend's replicas, one "server status" line each
stats() {
  curl -fsS "http://127.0.0.1:8404/stats;csv" 2>/dev/null | awk -F, -v b="$1" '$1 == b && $2 != "BACKEND" && $2 != "FRONTEND" { print $2, $18 }'
}

replicas_up() { # replicas_up SERVICE: how many of its pods the gateway has in rotation
  stats "$1" | awk '$1 ~ /^pod-/ && $2 == "UP"' | wc -l
}

status() {
  require
  pm pod ps --filter "name=^(gateway|kafka|postgres|.*-service-pod-[0-9]+)$" --format '{{.Name}}\t{{.Status}}'
  for service in "${services[@]}"; do echo "$service: $(stats "$service" | tr '\n' ' ')"; done
}

render() {
  (cd "$root" && ./mvnw -q -B -pl deploy/container-tests compile dependency:build-classpath \
      -Dmdep.outputFile=target/render.classpath -Dmdep.includeScope=compile)
  java -cp "$root/deploy/container-tests/target/classes:$(cat "$root/deploy/container-tests/target/render.classpath")" \
    io.debrief.deploy.Kustomize "$here/overlays/local" "$manifest"
  say "Rendered $manifest"
}

make_secrets() {
  # The databases' password, a fresh token-signing key pair (the private key stays in $run_dir/keys) and a fresh
  # loop-keys service token
  mkdir -p "$run_dir"
  "$here/token.sh" --new-key-pair
  local password b64user b64password
  password="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
  (umask 077; printf '%s\n' "$password" > "$run_dir/postgres-password")
  b64user="$(printf 'postgres' | base64 -w0)"
  b64password="$(printf '%s' "$password" | base64 -w0)"
  for secret in "${secrets[@]}"; do pm secret rm "$secret" >/dev/null 2>&1 || true; done
  # Podman 4.3 does not read back the kind: Secret documents it plays (none are in local.yaml). A secretKeyRef reads
  # the Podman secret of that name as a JSON map of key -> base64 value. A secret volume needs a Podman secret of the
  # secret's name to exist and mounts the named volume of that name, which is made here holding the Secret's file
  for db in scorecard calibration notification; do
    printf '{"username":"%s","password":"%s"}' "$b64user" "$b64password" | pm secret create "$db-db-app" - >/dev/null
  done
  printf '{"public-key.pem":"%s"}' "$(base64 -w0 < "$run_dir/keys/public-key.pem")" | pm secret create debrief-jwt - >/dev/null
  # the service token the three services share for loop keys: random per `up`, in the Podman secret only (never
  # printed or written to $run_dir)
  printf '{"service-token":"%s"}' "$(head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=' | base64 -w0)" \
    | pm secret create debrief-loop-keys - >/dev/null
  pm volume create debrief-jwt >/dev/null
  tar -C "$run_dir/keys" -cf - public-key.pem | pm volume import debrief-jwt -
}

split_manifest() { # local.yaml -> infra.yaml (the kafka and postgres Pods) and apps.yaml (everything else)
  awk -v infra="$run_dir/infra.yaml" -v apps="$run_dir/apps.yaml" '
    function flush() {
      if (doc ~ /(^|\n)kind: Pod\n/ && doc ~ /\nmetadata:\n  name: (kafka|postgres)\n/) { printf "---\n%s", doc > infra }
      else if (doc ~ /(^|\n)kind: /) { printf "---\n%s", doc > apps }
      doc = ""
    }
    /^---$/ { flush(); next }
    { doc = doc $0 "\n" }
    END { flush() }' "$manifest"
}

wait_infra() { # PostgreSQL accepts connections on 15432 and Kafka has made the topics
  local seconds="$1" started now
  started="$(date +%s)"
  until (exec 3<>/dev/tcp/127.0.0.1/15432) 2>/dev/null && pm logs kafka-broker 2>/dev/null | grep -q '^KAFKA TOPICS READY'; do
    now="$(date +%s)"
    if [ $((now - started)) -ge "$seconds" ]; then
      pm logs --tail 30 postgres-postgres >&2 || true; pm logs --tail 30 kafka-broker >&2 || true
      fail "Kafka and PostgreSQL were not ready within ${seconds}s"
    fi
    sleep 1
  done
  echo "    Kafka and PostgreSQL ready after $(( $(date +%s) - started ))s"
}

wait_ready() { # wait until every replica of every service is in the gateway's rotation
  local seconds="$1" started now
  started="$(date +%s)"
  while :; do
    local all=1
    for service in "${services[@]}"; do [ "$(replicas_up "$service")" -ge 2 ] || all=0; done
    [ "$all" = 1 ] && return 0
    now="$(date +%s)"
    if [ $((now - started)) -ge "$seconds" ]; then
      status >&2 || true
      for pod in $(pm pod ps --format '{{.Name}}' --filter "name=-service-pod-"); do
        echo "--- $pod" >&2; pm logs --tail 20 "$pod-${pod%-pod-*}" >&2 2>&1 || true
      done
      fail "not every replica was ready within ${seconds}s"
    fi
    sleep 1
  done
}

sample() {
  sample_debrief "http://127.0.0.1:8081" "http://127.0.0.1:8083" "$here/token.sh" ", through the gateway"
}

up() {
  require
  local sample_run=1 started
  for arg in "$@"; do
    case "$arg" in --no-sample) sample_run=0 ;; *) fail "unknown argument: $arg" ;; esac
  done
  started="$(date +%s)"
  ours_running && fail "Debrief's containers are already up: run '$0 down' first"
  for port in 8081 8082 8083 8404 9092 15432; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      fail "127.0.0.1:$port is taken (deploy/local/run.sh running? stop it with deploy/local/run.sh stop)"
    fi
  done

  local missing=0
  local version
  version="$(sed -n '0,/<artifactId>debrief-parent<\/artifactId>/d; s/.*<version>\(.*\)<\/version>.*/\1/p' "$root/pom.xml" | head -1)"
  for service in "${services[@]}"; do
    [ -f "$root/$service/target/quarkus-app/quarkus-run.jar" ] || pm image exists "localhost/debrief-$service:$version" || missing=1
  done
  if [ "$missing" = 1 ]; then
    say "Building the services (./mvnw package, tests skipped)"
    (cd "$root" && ./mvnw -B -q -DskipTests package -pl scorecard-service,calibration-service,notification-service -am) \
      || fail "the build failed"
  fi
  say "Building the images that are missing or out of date"
  "$root/deploy/images/build.sh"

  say "Secrets: the database password, a fresh token-signing key pair and a fresh loop-keys service token"
  remove_volumes
  make_secrets
  pm network exists "$network" 2>/dev/null || pm network create "$network" >/dev/null
  # Podman has no controller that restarts a pod until its dependencies answer, and a service whose database is not
  # there yet exits (Flyway migrates at start): Kafka and PostgreSQL are played first, the rest once they answer
  split_manifest
  say "Starting Kafka and PostgreSQL (podman kube play, pods kafka and postgres)"
  pm kube play --network "$network" "$run_dir/infra.yaml" > "$run_dir/kube-play.log" 2>&1 \
    || { cat "$run_dir/kube-play.log" >&2; fail "podman kube play failed"; }
  wait_infra "${DEBRIEF_READY_TIMEOUT:-600}"
  say "Starting the services and the gateway (podman kube play)"
  pm kube play --network "$network" "$run_dir/apps.yaml" >> "$run_dir/kube-play.log" 2>&1 \
    || { cat "$run_dir/kube-play.log" >&2; fail "podman kube play failed"; }
  say "Waiting until both replicas of every service are ready"
  wait_ready "${DEBRIEF_READY_TIMEOUT:-600}"
  local ready_after=$(( $(date +%s) - started ))
  say "Every replica is ready (${ready_after}s after 'up')"
  [ "$sample_run" = 1 ] && sample
  cat <<INFO

Debrief is running in containers (up took $(( $(date +%s) - started ))s).
  scorecard-service     http://127.0.0.1:8081/q/swagger-ui
  calibration-service   http://127.0.0.1:8082/   (dashboard)
  notification-service  http://127.0.0.1:8083/   (recruiter page)
  a token               deploy/kubernetes/token.sh rita recruiter
  Kafka                 kcat -b 127.0.0.1:9092 -L
  PostgreSQL            PGPASSWORD=\$(cat $run_dir/postgres-password) psql -h 127.0.0.1 -p 15432 -U postgres scorecard
  replicas              deploy/kubernetes/run.sh status      (pods: podman pod ps)
  stop                  deploy/kubernetes/run.sh down
INFO
}

case "${1:-}" in
  up) shift; up "$@" ;;
  down) down ;;
  status) status ;;
  sample) require; sample ;;
  render) render ;;
  -h|--help|"") sed -n '2,17p' "$0" ;;
  *) fail "unknown command: $1 (see --help)" ;;
esac

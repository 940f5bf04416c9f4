# Sourced by deploy/bench/run.sh and deploy/chaos/run.sh, which run a tool of theirs against the packaged services.
# shellcheck shell=bash

# package_if_missing TOOL_DIR TOOL_JAR WHAT [MAVEN_ARGUMENT...]: ./mvnw package (tests skipped) with the arguments
# given, when a service's quarkus-run.jar, the tool's jar or its target/lib is missing, or REBUILD=1. Needs root.
package_if_missing() {
  local tool_dir="$1" tool_jar="$2" what="$3" missing=0 service
  shift 3
  for service in scorecard-service calibration-service notification-service; do
    [ -f "$root/$service/target/quarkus-app/quarkus-run.jar" ] || missing=1
  done
  [ -d "$tool_dir/target/lib" ] && [ -f "$tool_dir/target/$tool_jar" ] || missing=1
  if [ "$missing" = 1 ] || [ "${REBUILD:-0}" = 1 ]; then
    echo "==> Building the services and $what (./mvnw package, tests skipped)"
    (cd "$root" && ./mvnw -B -q -DskipTests package "$@")
  fi
}

#!/usr/bin/env bash
# Builds Debrief's container images with Podman, from Debian packages and Maven artifacts only: no registry is needed.
#
#   deploy/images/build.sh [--force] [IMAGE...]
#
# IMAGE is any of: jre postgres gateway kafka scorecard-service calibration-service notification-service (default all).
# Each image carries the label io.debrief.inputs, a hash of everything it is made from (recipe, packages asked for,
# files copied in, base image); an image whose inputs did not change is not rebuilt. The Debian root filesystems are
# also kept as tarballs in DEBRIEF_IMAGE_CACHE (default ~/.cache/debrief/images), so even a wiped Podman store gets
# them back in seconds. The services must be packaged first (./mvnw package; deploy/kubernetes/run.sh does it).
# Needs root, podman, runc and debootstrap (apt-get install -y podman runc debootstrap).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$here/podman.sh"

version="$(sed -n '0,/<artifactId>debrief-parent<\/artifactId>/d; s/.*<version>\(.*\)<\/version>.*/\1/p' "$root/pom.xml" | head -1)"
kafka_version="$(sed -n 's/.*<kafka.version>\(.*\)<\/kafka.version>.*/\1/p' "$root/pom.xml" | head -1)"
epoch="${SOURCE_DATE_EPOCH:-1735689600}"
export SOURCE_DATE_EPOCH="$epoch"
revision="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
services=(scorecard-service calibration-service notification-service)

JRE_IMAGE=localhost/debrief-jre:17
POSTGRES_BASE=localhost/debrief-postgres-base:15
POSTGRES_IMAGE=localhost/debrief-postgres:15
GATEWAY_BASE=localhost/debrief-gateway-base:2.6
GATEWAY_IMAGE=localhost/debrief-gateway:2.6
KAFKA_IMAGE="localhost/debrief-kafka:$kafka_version"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
fail() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

force=0; wanted=()
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    jre|postgres|gateway|kafka|scorecard-service|calibration-service|notification-service) wanted+=("$arg") ;;
    *) fail "unknown image: $arg (see --help)" ;;
  esac
done
[ ${#wanted[@]} -gt 0 ] || wanted=(jre postgres gateway kafka "${services[@]}")
wants() { local w; for w in "${wanted[@]}"; do [ "$w" = "$1" ] && return 0; done; return 1; }

command -v podman >/dev/null || fail "podman is missing: apt-get install -y podman runc debootstrap"
command -v runc >/dev/null || fail "runc is missing: apt-get install -y runc"

sha() { sha256sum | cut -c1-16; }
tree_hash() { # tree_hash DIR [PATH...]: the hash of every file's path and content under DIR (or the PATHs inside it)
  local dir="$1"; shift
  (cd "$dir" && find "${@:-.}" -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | sha
}
inputs_of() { pm image inspect --format '{{index .Labels "io.debrief.inputs"}}' "$1" 2>/dev/null || true; }
image_id() { pm image inspect --format '{{.Id}}' "$1"; }
current() { [ "$force" = 0 ] && [ "$(inputs_of "$1")" = "$2" ]; }
oci_labels() { # oci_labels TITLE DESCRIPTION VERSION: sets LABELS, the --label arguments shared by every image
  LABELS=(--label "org.opencontainers.image.title=$1" --label "org.opencontainers.image.description=$2"
    --label "org.opencontainers.image.version=$3" --label "org.opencontainers.image.vendor=Debrief"
    --label "org.opencontainers.image.revision=$revision"
    --label "org.opencontainers.image.created=$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)")
}

cache="${DEBRIEF_IMAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/debrief/images}"
base_rootfs() { # base_rootfs IMAGE PACKAGES TITLE [REMOVE]: Debian with PACKAGES (see rootfs.sh), one layer
  local image="$1" packages="$2" title="$3" remove="${4:-}" hash tarball
  hash="$( (cat "$here/rootfs.sh"; echo "bookworm $packages"; echo "$remove") | sha)"
  if current "$image" "$hash"; then echo "$image is up to date" >&2; return 0; fi
  tarball="$cache/$(basename "${image%%:*}")-$hash.tar"
  if [ ! -f "$tarball" ] || [ "$force" = 1 ]; then
    say "Making $image's root filesystem: Debian bookworm with $packages (debootstrap)"
    command -v debootstrap >/dev/null || fail "debootstrap is missing: apt-get install -y debootstrap"
    "$here/rootfs.sh" "$tarball" "$packages" "$remove"
    find "$cache" -name "$(basename "${image%%:*}")-*.tar" ! -name "$(basename "$tarball")" -delete
  fi
  pm import --change 'CMD ["/bin/sh"]' --change "LABEL io.debrief.inputs=$hash" \
    --change "LABEL org.opencontainers.image.title=\"$title\"" \
    --change "LABEL org.opencontainers.image.description=\"Debian bookworm (minbase) with $packages\"" \
    --change "LABEL org.opencontainers.image.vendor=Debrief" --change "LABEL org.opencontainers.image.base.name=debian:bookworm" \
    "$tarball" "$image" >/dev/null 2>&1
  echo "imported $image" >&2
}

build_image() { # build_image IMAGE HASH CONTEXT CONTAINERFILE [podman build arguments...]
  local image="$1" hash="$2" context="$3" file="$4"; shift 4
  if current "$image" "$hash"; then echo "$image is up to date" >&2; return 0; fi
  say "Building $image"
  pm build --quiet --layers --timestamp "$epoch" -f "$file" --label "io.debrief.inputs=$hash" "$@" \
    -t "$image" "$context" >/dev/null
}

# 1. The Debian root filesystems, in parallel (each is a debootstrap of about a minute on a fresh machine)
needs_jre() { local s; for s in jre kafka "${services[@]}"; do wants "$s" && return 0; done; return 1; }
pids=()
if needs_jre; then
  base_rootfs "$JRE_IMAGE" openjdk-17-jre-headless "Debrief JRE 17" & pids+=($!)
fi
# PostgreSQL without its LLVM JIT (libLLVM, z3 and the bitcode are 150 MB; jit stays off), without the cluster
# the Debian package makes at install time and the Perl modules only its wrapper scripts use
postgres_remove="usr/lib/x86_64-linux-gnu/libLLVM-* usr/lib/x86_64-linux-gnu/libz3.so* usr/lib/postgresql/15/lib/bitcode
  usr/lib/postgresql/15/lib/llvmjit* var/lib/postgresql/15 etc/postgresql/15 usr/share/perl usr/lib/x86_64-linux-gnu/perl"
if wants postgres; then
  base_rootfs "$POSTGRES_BASE" postgresql-15 "Debrief PostgreSQL 15 base" "$postgres_remove" & pids+=($!)
fi
if wants gateway; then base_rootfs "$GATEWAY_BASE" haproxy "Debrief gateway base (HAProxy)" & pids+=($!); fi
for pid in "${pids[@]}"; do wait "$pid" || fail "a base image failed to build (see above)"; done

# 2. The images on top of them
if wants postgres; then
  hash="$( (tree_hash "$here/postgres"; image_id "$POSTGRES_BASE") | sha)"
  oci_labels "Debrief PostgreSQL" "PostgreSQL 15 (Debian) for Debrief" 15
  build_image "$POSTGRES_IMAGE" "$hash" "$here/postgres" "$here/postgres/Containerfile" \
    --build-arg "BASE_IMAGE=$POSTGRES_BASE" "${LABELS[@]}"
fi
if wants gateway; then
  hash="$( (tree_hash "$here/gateway"; image_id "$GATEWAY_BASE") | sha)"
  oci_labels "Debrief gateway" "HAProxy standing in for Kubernetes Services in the local overlay" 2.6
  build_image "$GATEWAY_IMAGE" "$hash" "$here/gateway" "$here/gateway/Containerfile" \
    --build-arg "BASE_IMAGE=$GATEWAY_BASE" "${LABELS[@]}"
fi
if wants kafka; then
  if [ ! -d "$here/kafka/target/libs" ] || [ "$here/kafka/pom.xml" -nt "$here/kafka/target/libs" ]; then
    say "Copying Kafka $kafka_version's broker from its Maven artifacts"
    rm -rf "$here/kafka/target"
    (cd "$root" && ./mvnw -q -B -f deploy/images/kafka/pom.xml package) >&2 || fail "copying Kafka's jars failed"
  fi
  hash="$( (tree_hash "$here/kafka" Containerfile entrypoint.sh log4j2.properties target/libs; image_id "$JRE_IMAGE") | sha)"
  oci_labels "Debrief Kafka" "Apache Kafka $kafka_version (KRaft) from Maven artifacts" "$kafka_version"
  build_image "$KAFKA_IMAGE" "$hash" "$here/kafka" "$here/kafka/Containerfile" \
    --build-arg "BASE_IMAGE=$JRE_IMAGE" "${LABELS[@]}"
fi
for service in "${services[@]}"; do
  wants "$service" || continue
  app="$root/$service/target/quarkus-app"
  if [ ! -f "$app/quarkus-run.jar" ]; then
    if pm image exists "localhost/debrief-$service:$version"; then
      echo "$app is missing: keeping the image localhost/debrief-$service:$version as it is" >&2; continue
    fi
    fail "$app is missing: package the service first (./mvnw -DskipTests package -pl $service -am)"
  fi
  port="$(sed -n 's/^quarkus.http.port=//p' "$root/$service/src/main/resources/application.properties")"
  hash="$( (tree_hash "$app"; sha256sum < "$here/service/Containerfile"; echo "$port"; image_id "$JRE_IMAGE") | sha)"
  oci_labels "$service" "Debrief $service (Quarkus fast-jar)" "$version"
  build_image "localhost/debrief-$service:$version" "$hash" "$app" "$here/service/Containerfile" \
    --build-arg "BASE_IMAGE=$JRE_IMAGE" --build-arg "SERVICE=$service" --build-arg "PORT=$port" \
    "${LABELS[@]}"
done

say "Images"
for name in jre postgres gateway kafka "${services[@]}"; do
  wants "$name" || continue
  case "$name" in
    jre) image="$JRE_IMAGE" ;; postgres) image="$POSTGRES_IMAGE" ;; gateway) image="$GATEWAY_IMAGE" ;;
    kafka) image="$KAFKA_IMAGE" ;; *) image="localhost/debrief-$name:$version" ;;
  esac
  size="$(pm image inspect --format '{{.Size}}' "$image")"
  printf '    %-50s %4d MB\n' "$image" "$((size / 1000000))" >&2
done

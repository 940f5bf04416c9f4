#!/usr/bin/env bash
# Prints a bearer token (JWT, RS256) that the services in containers accept: signed with the key pair that
# deploy/kubernetes/run.sh up made (DEBRIEF_K8S_RUN_DIR/keys, default deploy/kubernetes/.run/keys); its public key is
# the debrief-jwt Secret the services read. Valid for 12 hours.
#
#   deploy/kubernetes/token.sh SUB ROLE...      e.g. deploy/kubernetes/token.sh rita recruiter
#
# Roles: interviewer, recruiter, hiring-manager, admin. An interviewer's SUB is their interviewerId. Needs openssl.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
keys="${DEBRIEF_K8S_RUN_DIR:-$here/.run}/keys"
issuer="${MP_JWT_VERIFY_ISSUER:-https://debrief.local/issuer}"

if [ "${1:-}" = --new-key-pair ]; then # run.sh up: a fresh 2048-bit RSA key pair (PKCS#8 and X.509 PEM)
  rm -rf "$keys"; mkdir -p "$keys"; chmod 700 "$keys"
  openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/private-key.pem"
  openssl pkey -in "$keys/private-key.pem" -pubout -out "$keys/public-key.pem"
  exit 0
fi
[ $# -ge 2 ] || { sed -n '2,8p' "$0" >&2; exit 2; }
[ -f "$keys/private-key.pem" ] || { echo "no key pair in $keys: run deploy/kubernetes/run.sh up first" >&2; exit 1; }
for word in "$@"; do
  [[ "$word" =~ ^[A-Za-z0-9._@-]{1,200}$ ]] || { echo "SUB and roles are letters, digits and . _ @ -: $word" >&2; exit 2; }
done
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
sub="$1"; shift
groups="$(printf '"%s",' "$@")"
now="$(date +%s)"
claims="$(printf '{"iss":"%s","sub":"%s","upn":"%s","groups":[%s],"iat":%d,"exp":%d,"jti":"%s"}' \
  "$issuer" "$sub" "$sub" "${groups%,}" "$now" "$((now + 43200))" "$(cat /proc/sys/kernel/random/uuid)")"
unsigned="$(printf '{"alg":"RS256","typ":"JWT"}' | b64url).$(printf '%s' "$claims" | b64url)"
signature="$(printf '%s' "$unsigned" | openssl dgst -sha256 -sign "$keys/private-key.pem" -binary | b64url)"
printf '%s.%s\n' "$unsigned" "$signature"

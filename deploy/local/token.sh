#!/usr/bin/env bash
# Prints a bearer token that the locally run services accept (signed with the local key pair in deploy/local/keys,
# made on first use and kept out of git).
#
#   deploy/local/token.sh SUB ROLE...      e.g. deploy/local/token.sh rita recruiter
#   curl -H "Authorization: Bearer $(deploy/local/token.sh rita recruiter)" http://127.0.0.1:8081/api/loops/...
#
# Roles: interviewer, recruiter, hiring-manager, admin. An interviewer's SUB is their interviewerId.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[ $# -ge 2 ] || { sed -n '2,9p' "$0" >&2; exit 2; }
jar="$root/deploy/test-support/target/test-support-1.0.0-SNAPSHOT.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -B -q -DskipTests -pl deploy/test-support -am package) >&2
fi
exec java -cp "$jar" io.debrief.testsupport.Tokens "$here/keys" "$@"

#!/bin/sh
# PostgreSQL for Debrief: initialises PGDATA on first start (superuser "postgres" with POSTGRES_PASSWORD, SCRAM for
# every TCP connection), creates POSTGRES_DATABASES, then runs the server in the foreground on port 5432.
set -eu
bin=/usr/lib/postgresql/15/bin
: "${PGDATA:=/var/lib/postgresql/data}"
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set (from a Secret)}"
# A start that died half-way through the first initialisation leaves a partial cluster: start that one again
if [ ! -f "$PGDATA/.debrief-initialised" ]; then
  find "$PGDATA" -mindepth 1 -delete
  pwfile="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  "$bin/initdb" -D "$PGDATA" -U postgres --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 --no-instructions
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  for db in ${POSTGRES_DATABASES:-}; do
    echo "CREATE DATABASE \"$db\"" | "$bin/postgres" --single -D "$PGDATA" postgres >/dev/null
    echo "database $db created"
  done
  touch "$PGDATA/.debrief-initialised"
fi
exec "$bin/postgres" -D "$PGDATA" -c listen_addresses='*' -c port=5432 -c unix_socket_directories=/tmp \
  -c max_connections="${POSTGRES_MAX_CONNECTIONS:-300}" -c shared_buffers="${POSTGRES_SHARED_BUFFERS:-128MB}" \
  -c log_min_messages=warning -c jit=off

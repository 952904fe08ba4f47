#!/usr/bin/env bash
# Starts a PostgreSQL server on 127.0.0.1 for the store tests, on a fresh Debian machine or on
# one where it already runs (idempotent; CI runs as root). Prints the line to export:
#   eval "$(bash .ci/postgres.sh)"    # sets LITOPYS_TEST_POSTGRES
# Everything but that line goes to stderr.
set -euo pipefail
PORT="${LITOPYS_PG_PORT:-5432}"
log() { echo "postgres.sh: $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  log "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"

if command -v pg_lsclusters >/dev/null 2>&1; then
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VERSION main"; then
    pg_createcluster "$VERSION" main -p "$PORT" >&2
  fi
  PORT="$(pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $3}')"
  if ! pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
    log "starting cluster $VERSION/main on port $PORT"
    pg_ctlcluster "$VERSION" main start >&2
  fi
else
  # no postgresql-common: a cluster of our own under /var/lib/litopys-pg
  DATA=/var/lib/litopys-pg
  BIN="/usr/lib/postgresql/$VERSION/bin"
  id postgres >/dev/null 2>&1 || useradd -r -m postgres
  if [ ! -f "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA" && chown postgres "$DATA"
    su postgres -c "$BIN/initdb -D $DATA -A trust" >&2
  fi
  su postgres -c "$BIN/pg_ctl -D $DATA -o '-p $PORT -k /tmp' -l $DATA/log status" >/dev/null 2>&1 ||
    su postgres -c "$BIN/pg_ctl -D $DATA -o '-p $PORT -k /tmp' -l $DATA/log -w start" >&2
fi

for _ in $(seq 1 30); do
  su postgres -c "psql -h 127.0.0.1 -p $PORT -c 'select 1'" >/dev/null 2>&1 && break
  # peer auth on the socket works even where loopback password auth is not set up yet
  su postgres -c "psql -p $PORT -c 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done

psql_su() { su postgres -c "psql -p $PORT -v ON_ERROR_STOP=1 -qtA $*"; }
if [ "$(psql_su "-c \"select 1 from pg_roles where rolname='litopys'\"")" != "1" ]; then
  psql_su "-c \"create role litopys login password 'litopys'\"" >&2
fi
if [ "$(psql_su "-c \"select 1 from pg_database where datname='litopys_test'\"")" != "1" ]; then
  psql_su "-c \"create database litopys_test owner litopys\"" >&2
fi
echo "export LITOPYS_TEST_POSTGRES=postgres://litopys:litopys@127.0.0.1:$PORT/litopys_test"

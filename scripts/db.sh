#!/usr/bin/env bash
# Makes sure a PostgreSQL server is running for YouthMonth and exports YOUTHMONTH_PG, an admin connection
# string (database "postgres") for it. Sourced by scripts/run.sh and scripts/test.sh.
#
# - When PostgreSQL is not installed, installs Debian's `postgresql` package (needs root).
# - As root: uses the system cluster (pg_ctlcluster), creating it if missing, and a login role "youthmonth"
#   with a local development password. Root cannot run postgres itself, and a private data folder under a
#   temporary clone is not readable by the postgres user, so the system cluster is the reliable choice.
# - As any other user: a private cluster under .local/pg in this project (ignored by git), on port 55432.
set -euo pipefail

_ym_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

_ym_pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/postgres" ] && { echo "$d"; return 0; }; done
  return 1
}

if ! _ym_pg_bin >/dev/null; then
  echo "[db] PostgreSQL is not installed; installing Debian's postgresql package…"
  if [ "$(id -u)" -ne 0 ]; then echo "[db] run as root, or: sudo apt-get install -y postgresql" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql >/dev/null
fi
_ym_bin="$(_ym_pg_bin)"
_ym_ver="$(basename "$(dirname "$_ym_bin")")"

# The server outlives this script: it must not inherit our descriptors beyond stdin/out/err. Run under
# `flock /work/bench.lock scripts/bench.sh`, a server started here kept the lock's descriptor open and so held
# the lock for as long as it ran, blocking every later benchmark.
_ym_detached() { "$@" 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-; }

# psql run as the postgres user from a folder it cannot read prints warnings; run it from /.
_ym_psql_root() { (cd / && runuser -u postgres -- psql "$@"); }

if [ "$(id -u)" -eq 0 ]; then
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$_ym_ver main$"; then
    pg_createcluster "$_ym_ver" main >/dev/null
  fi
  _ym_port="$(pg_lsclusters -h | awk -v v="$_ym_ver" '$1==v && $2=="main" {print $3}')"
  _ym_conf="/etc/postgresql/$_ym_ver/main/conf.d/youthmonth.conf"
  if [ ! -f "$_ym_conf" ]; then
    # Tests open many small databases at once; the default 100 connections is too tight on a busy run.
    printf "max_connections = 300\nfsync = on\n" > "$_ym_conf"
    _ym_detached pg_ctlcluster "$_ym_ver" main restart 2>/dev/null || true
  fi
  if ! pg_lsclusters -h | awk -v v="$_ym_ver" '$1==v && $2=="main" {print $4}' | grep -q online; then
    _ym_detached pg_ctlcluster "$_ym_ver" main start
  fi
  for _ in $(seq 1 30); do "$_ym_bin/pg_isready" -q -h 127.0.0.1 -p "$_ym_port" && break; sleep 0.5; done
  _ym_psql_root -q -p "$_ym_port" -v ON_ERROR_STOP=1 <<'SQL' >/dev/null
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'youthmonth') THEN
    CREATE ROLE youthmonth LOGIN CREATEDB PASSWORD 'youthmonth-dev';
  END IF;
END $$;
SQL
  export YOUTHMONTH_PG="Host=127.0.0.1;Port=$_ym_port;Username=youthmonth;Password=youthmonth-dev;Database=postgres"
else
  _ym_data="$_ym_root/.local/pg"
  _ym_port="${YOUTHMONTH_PG_PORT:-55432}"
  if [ ! -f "$_ym_data/PG_VERSION" ]; then
    mkdir -p "$_ym_data"
    "$_ym_bin/initdb" -D "$_ym_data" -A trust -U "$(id -un)" -E UTF8 >/dev/null
    printf "port = %s\nunix_socket_directories = '%s'\nlisten_addresses = '127.0.0.1'\nmax_connections = 300\n" \
      "$_ym_port" "$_ym_data" >> "$_ym_data/postgresql.conf"
  fi
  if ! "$_ym_bin/pg_isready" -q -h 127.0.0.1 -p "$_ym_port"; then
    _ym_detached "$_ym_bin/pg_ctl" -D "$_ym_data" -l "$_ym_data/server.log" -w start >/dev/null
  fi
  export YOUTHMONTH_PG="Host=127.0.0.1;Port=$_ym_port;Username=$(id -un);Database=postgres"
fi
echo "[db] PostgreSQL $_ym_ver ready on 127.0.0.1:$_ym_port"

# Creates a database if it does not exist yet and prints its connection string.
ym_database() {
  local name="$1" cs="${YOUTHMONTH_PG/Database=postgres/Database=$1}"
  local host port user pass
  host=127.0.0.1; port="$_ym_port"
  if [ "$(id -u)" -eq 0 ]; then
    _ym_psql_root -q -p "$port" -tAc "SELECT 1 FROM pg_database WHERE datname='$name'" | grep -q 1 \
      || _ym_psql_root -q -p "$port" -c "CREATE DATABASE $name OWNER youthmonth" >/dev/null
  else
    psql -q -h "$host" -p "$port" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$name'" | grep -q 1 \
      || psql -q -h "$host" -p "$port" -d postgres -c "CREATE DATABASE $name" >/dev/null
  fi
  echo "$cs"
}

# Runs SQL against the server's postgres database as an administrator.
ym_admin_sql() {
  if [ "$(id -u)" -eq 0 ]; then _ym_psql_root -q -p "$_ym_port" -tA -c "$1"
  else psql -q -h 127.0.0.1 -p "$_ym_port" -d postgres -tA -c "$1"; fi
}

#!/usr/bin/env bash
# The test command: starts PostgreSQL (installing it if needed), prepares the Telegram emulator, then runs
# every test project of the solution. Usage: scripts/test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/db.sh

# Databases left behind by an interrupted earlier run.
for db in $(ym_admin_sql "SELECT datname FROM pg_database WHERE datname LIKE 'ym\_t%'"); do
  ym_admin_sql "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null || true
done

[ -x scripts/test-deps.sh ] && scripts/test-deps.sh

export YOUTHMONTH_TEST_PG="$YOUTHMONTH_PG"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet test YouthMonth.sln -c Release --logger "console;verbosity=normal" "$@"

#!/usr/bin/env bash
# Runs one benchmark (docs/benchmarks.md) against the project's PostgreSQL. Usage: scripts/bench.sh <name> [args]
# Without a name it lists the benchmarks. Each benchmark creates and drops its own database.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/db.sh >&2
export YOUTHMONTH_TEST_PG="$YOUTHMONTH_PG"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run -c Release --project tests/YouthMonth.Benchmarks -- "$@"

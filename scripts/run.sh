#!/usr/bin/env bash
# The run command: brings up PostgreSQL (unless ConnectionStrings__YouthMonth is set), builds once (Release),
# applies the schema, loads the Cần Thơ sample shifted to start this week when the database has no campaign,
# creates (or resets) the office demo account and a fresh admin API key, starts Admin and Bot with their logs
# in .local/logs, prints the web app's address and sign-in first, and stops both on Ctrl-C.
#   scripts/run.sh                     # local PostgreSQL, database "youthmonth"
#   ConnectionStrings__YouthMonth='Host=…;Database=…' scripts/run.sh
# Ports: YM_ADMIN_PORT (default 5080), YM_BOT_PORT (default 5081).
set -euo pipefail
cd "$(dirname "$0")/.."

admin_port="${YM_ADMIN_PORT:-5080}"
bot_port="${YM_BOT_PORT:-5081}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# Development logs every SQL command and request; keep the console readable.
quiet=(env Logging__LogLevel__Default=Warning)
hosts=(env "Logging__LogLevel__Microsoft.AspNetCore=Warning" "Logging__LogLevel__Microsoft.EntityFrameworkCore=Warning" "Logging__LogLevel__Npgsql=Warning")

if [ -z "${ConnectionStrings__YouthMonth:-}" ]; then
  source scripts/db.sh
  ConnectionStrings__YouthMonth="$(ym_database youthmonth)"
  export ConnectionStrings__YouthMonth
else
  echo "[run] using the configured ConnectionStrings__YouthMonth"
fi

echo "[run] building (Release)…"
dotnet build src/Admin -c Release -v quiet -nologo >/dev/null
dotnet build src/Bot -c Release -v quiet -nologo >/dev/null
admin_dll=src/Admin/bin/Release/net10.0/YouthMonth.Admin.dll
bot_dll=src/Bot/bin/Release/net10.0/YouthMonth.Bot.dll

# Applies the schema too (every host migrates at start-up under an advisory lock).
"${quiet[@]}" dotnet "$admin_dll" sample load samples/cantho-2024.json --shift-to-this-week --if-empty | sed 's/^/[run] /'

key_line="$("${quiet[@]}" dotnet "$admin_dll" keys create --name run.sh --role admin | grep '^Created')"
admin_key="${key_line##*: }"

# The office demo account: created once, its password renewed on every run (printed below, nowhere stored).
demo_user=demo
demo_line="$("${quiet[@]}" dotnet "$admin_dll" users create --name "$demo_user" --display "Văn phòng (thử)" --role admin 2>/dev/null \
  | grep '^Created' || "${quiet[@]}" dotnet "$admin_dll" users password --name "$demo_user" | grep '^Password set')"
demo_password="${demo_line##*: }"

# Invite links and QR codes name the real bot: ask Telegram (getMe) when a token is set and no name is.
if [ -n "${Telegram__Token:-}" ] && [ -z "${Telegram__BotUsername:-}" ]; then
  if bot_name="$(scripts/telegram-bot-name.sh)"; then
    export Telegram__BotUsername="$bot_name"
    echo "[run] Telegram bot: @$bot_name"
  else
    echo "[run] Telegram getMe did not answer; invite links use the configured default bot name"
  fi
fi

# Logs go to files so the banner stays on screen; `tail -f .local/logs/*.log` to follow them.
logs=.local/logs
mkdir -p "$logs"

pids=()
# Ctrl-C: stop both hosts, wait for each (they are this shell's children) and leave quietly.
stop() {
  trap - INT TERM EXIT
  echo
  echo "[run] stopping…"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "[run] stopped. Logs: $logs/admin.log, $logs/bot.log"
  exit 0
}
trap stop INT TERM EXIT

"${hosts[@]}" ASPNETCORE_URLS="http://127.0.0.1:$admin_port" dotnet "$admin_dll" >"$logs/admin.log" 2>&1 &
admin_pid=$!; pids+=("$admin_pid")
# The local web chat is for this demo only: it is off unless enabled, and needs Local__Key off this machine.
"${hosts[@]}" Local__Enabled=true ASPNETCORE_URLS="http://127.0.0.1:$bot_port" dotnet "$bot_dll" >"$logs/bot.log" 2>&1 &
bot_pid=$!; pids+=("$bot_pid")

# Waits until a local port answers /health/live (bash's /dev/tcp: no curl needed).
ready() {
  local port="$1"
  for _ in $(seq 1 60); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET /health/live HTTP/1.0\r\n\r\n' >&3 && grep -q "200 OK" <&3) 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}
ready "$admin_port" || echo "[run] Admin did not answer on port $admin_port yet (see $logs/admin.log)"
ready "$bot_port" || echo "[run] the Bot did not answer on port $bot_port yet (see $logs/bot.log)"

cat <<INFO

  YouthMonth is running.
  Web app (office)  http://127.0.0.1:$admin_port/   sign in: $demo_user / $demo_password
  Local chat        http://127.0.0.1:$bot_port/chat   (talk to the bot as a unit secretary)
  Bot               http://127.0.0.1:$bot_port/
  Admin API         http://127.0.0.1:$admin_port/api/…   (header X-Api-Key: $admin_key)
  Swagger UI        http://127.0.0.1:$admin_port/swagger
  Health            http://127.0.0.1:$admin_port/health/ready   http://127.0.0.1:$bot_port/health/ready
  Logs              $logs/admin.log   $logs/bot.log
  Ctrl-C stops both.

INFO

bot_reported=0
while kill -0 "$admin_pid" 2>/dev/null; do
  if [ "$bot_reported" -eq 0 ] && ! kill -0 "$bot_pid" 2>/dev/null; then
    code=0; wait "$bot_pid" || code=$?
    echo "[run] the Bot exited (code $code); Admin keeps running. See $logs/bot.log."
    bot_reported=1
  fi
  sleep 1
done
trap - INT TERM EXIT
code=0; wait "$admin_pid" 2>/dev/null || code=$?
echo "[run] Admin exited (code $code); see $logs/admin.log."
for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
exit "$code"

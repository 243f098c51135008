#!/usr/bin/env bash
# Prints the Telegram bot's username from getMe (Telegram__Token; Telegram__ApiBaseUrl, default api.telegram.org),
# so invite links and QR codes name the real bot. Exit 1, printing nothing, when there is no token, no curl, or
# no answer. The token goes to curl on stdin (a curl config), so it shows neither in `ps` nor in any log.
set -uo pipefail
[ -n "${Telegram__Token:-}" ] && command -v curl >/dev/null || exit 1
name="$(printf 'url = "%s/bot%s/getMe"\n' "${Telegram__ApiBaseUrl:-https://api.telegram.org}" "$Telegram__Token" \
  | curl -fsS --max-time 10 -K - 2>/dev/null | sed -n 's/.*"username": *"\([A-Za-z0-9_]*\)".*/\1/p')"
[ -n "$name" ] || exit 1
printf '%s\n' "$name"

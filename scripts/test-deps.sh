#!/usr/bin/env bash
# Test dependencies beyond PostgreSQL: the Telegram emulator (telegram-test-api, pinned in
# tests/telegram-emulator/package-lock.json). Called by scripts/test.sh; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=tests/telegram-emulator
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "test-deps: installing node and npm" >&2
  apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -f "$dir/node_modules/telegram-test-api/package.json" ] \
   || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
  echo "test-deps: npm ci in $dir" >&2
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
# Browser tests (tests/YouthMonth.WebApp.Tests) drive Debian's Chromium through Playwright; Playwright's own
# browser download cannot work here. The emoji font makes 📷 render in screenshots.
if [ ! -x /usr/lib/chromium/chromium ] || ! dpkg -s fonts-noto-color-emoji >/dev/null 2>&1; then
  echo "test-deps: installing chromium and fonts-noto-color-emoji" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null
fi

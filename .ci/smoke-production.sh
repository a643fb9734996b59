#!/usr/bin/env bash
# The README's deployment recipe on a copy of this checkout: a production install (dev
# dependencies pruned after the build) must start on plain node and serve the app, a survey and the API.
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'kill "${pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
git clone -q "$src" "$work/app"
cd "$work/app"
npm ci --no-audit --no-fund --loglevel=error
npm run build --silent
npm prune --omit=dev --no-audit --no-fund --loglevel=error
for dev in vite tsx esbuild solid-js; do
  if [ -d "node_modules/$dev" ]; then echo "smoke: $dev is still installed after pruning"; exit 1; fi
done
export DATABASE_PATH="$work/data/yardstick.db" HOST=127.0.0.1 PORT=0
node dist/server/cli/demo.js 40
node dist/server/cli/start.js >"$work/server.log" 2>&1 &
pid=$!
url=""
for _ in $(seq 1 100); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/server.log" | head -1 || true)"
  [ -n "$url" ] && break
  sleep 0.1
done
if [ -z "$url" ]; then echo "smoke: the server did not start"; cat "$work/server.log"; exit 1; fi
for path in / /s/demo /api/health /api/auth/state; do
  code="$(curl -s -o /dev/null -w '%{http_code}' "$url$path")"
  if [ "$code" != 200 ]; then echo "smoke: GET $path answered $code"; cat "$work/server.log"; exit 1; fi
done
# Read the whole page first: `grep -q` stops at its match, and under pipefail curl's broken pipe
# would fail the check on a page large enough to still be writing.
curl -s -o "$work/demo.html" "$url/s/demo"
grep -q '<html' "$work/demo.html" || { echo "smoke: /s/demo is not the survey page"; exit 1; }
kill -TERM "$pid"
wait "$pid"
grep -q 'Stopped:' "$work/server.log" || { echo "smoke: no graceful stop"; cat "$work/server.log"; exit 1; }
echo "smoke: production install serves /, /s/demo and the API, and stops on SIGTERM"

#!/usr/bin/env bash
# End-to-end test of the web app: `litopys serve` over the demo month (`litopys demo
# --no-serve`) and one undated post, driven in a real headless Chromium at desktop and phone
# sizes by crates/server/e2e/e2e.mjs (playwright-core, axe-core). Writes the screenshots in
# docs/screenshots/. Installs chromium (Debian) and the e2e folder's npm packages if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== e2e: browser and packages"
if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null
fi
(cd crates/server/e2e && npm ci --no-audit --no-fund --silent)

echo "== e2e: build and serve the demo month"
cargo build --locked --quiet -p litopys
work=$(mktemp -d)
./target/debug/litopys demo --no-serve --dir "$work/demo" >/dev/null
db="$work/demo/litopys-demo.db"
# a post with no date of its own: its incident waits for a date (needs-date)
./target/debug/litopys ingest crates/server/e2e/undated-post.uk.txt --db "$db" >/dev/null 2>&1
echo 'editor-pass-1' | ./target/debug/litopys user add ed --role editor --db "$db" >/dev/null
echo 'viewer-pass-1' | ./target/debug/litopys user add vi --role viewer --db "$db" >/dev/null
port=${LITOPYS_E2E_PORT:-18087}
./target/debug/litopys serve --db "$db" --addr "127.0.0.1:$port" --public 2>"$work/server.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then cat "$work/server.log"; exit 1; fi
  sleep 0.1
done

echo "== e2e: headless Chromium"
LITOPYS_URL="http://127.0.0.1:$port" SHOTS=docs/screenshots timeout 300 node crates/server/e2e/e2e.mjs || { cat "$work/server.log"; exit 1; }

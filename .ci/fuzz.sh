#!/usr/bin/env bash
# Fuzzes every reader and extraction for a short, bounded time (see fuzz/README.md).
# Exits non-zero when a target crashes, hangs (> 10 s on one input) or goes above 2 GiB.
# FUZZ_SECONDS sets the time per target (default 20; 7 targets ≈ 2.5 min after the build).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

SECONDS_PER_TARGET="${FUZZ_SECONDS:-20}"
TARGETS=(html feed telegram warc jsonl text extract)

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

# libFuzzer needs unstable compiler flags (-Zsanitizer, -Cpasses=sancov-module); on a stable
# toolchain RUSTC_BOOTSTRAP lets cargo-fuzz pass them.
export RUSTC_BOOTSTRAP=1

echo "== fuzz build"
cargo fuzz build -O

for t in "${TARGETS[@]}"; do
  echo "== fuzz $t (${SECONDS_PER_TARGET}s)"
  mkdir -p "corpus/$t"
  log="$(mktemp)"
  status=0
  cargo fuzz run -O "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
    >"$log" 2>&1 || status=$?
  # libFuzzer's chatter stays in the log; show the totals, and everything on failure
  grep -E '^Done [0-9]+ runs' "$log" || true
  if [ "$status" -ne 0 ]; then tail -n 60 "$log"; fi
  rm -f "$log"
  if [ "$status" -ne 0 ]; then
    echo "fuzz target $t failed (exit $status); the input is under fuzz/artifacts/$t" >&2
    exit "$status"
  fi
done

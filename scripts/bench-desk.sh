#!/usr/bin/env bash
# Measures the desk with a large caseload through the real release app under
# WebDriver (cold start to an interactive seeker list, paging, search) and
# prints a Markdown table for docs/benchmarks.md. Not part of the test suite.
# Usage: bash scripts/bench-desk.sh [SEEKERS]   (default 50000)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
tmp_home="$(mktemp -d)"
trap 'rm -rf "$tmp_home"' EXIT
export XDG_DATA_HOME="$tmp_home/data" XDG_CONFIG_HOME="$tmp_home/config" XDG_CACHE_HOME="$tmp_home/cache"
DOYAK_BENCH_DEFAULT_RENDERING=1 DOYAK_BENCH_SEEKERS="${1:-50000}" cargo test --release --locked -p doyak-desk --test e2e -- \
  --ignored --nocapture --test-threads 1 bench_desk_with_a_large_caseload

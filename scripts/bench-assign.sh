#!/usr/bin/env bash
# Compares doyak-assign's linear_sum_assignment with SciPy's on the same
# seeded matrices, side by side in one run: builds the release bench binary,
# installs NumPy and SciPy from PyPI into a venv under target/, and prints a
# Markdown table (median of 3 solves each; totals must agree). Not part of
# the test suite; the figures go to the lead's notes.
# Usage: bash scripts/bench-assign.sh [SIZE]   (default 5000, i.e. 5000×5000)
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-5000}"
work=target/bench-assign
venv="$work/venv"
mkdir -p "$work"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check numpy scipy
cargo build --release -p doyak-assign --example lap_bench
"$venv/bin/python" scripts/bench_assign.py \
  --bin "${CARGO_TARGET_DIR:-target}/release/examples/lap_bench" \
  --size "$size" --dir "$work"

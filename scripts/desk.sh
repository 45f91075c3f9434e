#!/usr/bin/env bash
# Installs what is missing, then starts the desk on a demo caseload of
# invented people (created on first start; passphrase "demo").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
exec cargo run --release -p doyak-desk -- --demo "$@"

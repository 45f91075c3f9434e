#!/usr/bin/env bash
# Runs the whole test suite: every crate's unit and integration tests and the
# CLI's end-to-end tests. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
# Keep WebKit and any app state out of $HOME.
tmp_home="$(mktemp -d)"
trap 'rm -rf "$tmp_home"' EXIT
export XDG_DATA_HOME="$tmp_home/data" XDG_CONFIG_HOME="$tmp_home/config" XDG_CACHE_HOME="$tmp_home/cache"
cargo test --workspace --locked

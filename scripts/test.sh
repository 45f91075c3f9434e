#!/usr/bin/env bash
# Runs the whole test suite: the page's type check and unit tests, every
# crate's tests, the CLI's and the desk's end-to-end tests. Installs what is
# missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
# Keep WebKit and any app state out of $HOME.
tmp_home="$(mktemp -d)"
trap 'rm -rf "$tmp_home"' EXIT
export XDG_DATA_HOME="$tmp_home/data" XDG_CONFIG_HOME="$tmp_home/config" XDG_CACHE_HOME="$tmp_home/cache"
# The page: strict TypeScript check and its unit tests (Vitest).
(cd ui && npm run --silent typecheck && npm test --silent)
# Every crate, the CLI's end-to-end tests, and the desk's WebDriver
# end-to-end tests (tests/e2e: real app under Xvfb; screenshots in
# target/screenshots/). The bindings test fails if ui/src/bindings.ts is stale.
cargo test --workspace --locked

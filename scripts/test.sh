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
# The sync server's conformance suite runs against PostgreSQL as well as its
# embedded SQLite when a server answers on 127.0.0.1:5432 (each test makes
# and drops a database of its own). CI requires it (DOYAK_REQUIRE_POSTGRES=1).
if command -v pg_ctlcluster >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
fi
if [ -z "${DOYAK_TEST_DATABASE_URL:-}" ] && command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432; then
  export DOYAK_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/test"
fi
if [ -n "${DOYAK_REQUIRE_POSTGRES:-}" ] && [ -z "${DOYAK_TEST_DATABASE_URL:-}" ]; then
  echo "PostgreSQL is required (DOYAK_REQUIRE_POSTGRES) but none answers on 127.0.0.1:5432" >&2
  exit 1
fi
echo "PostgreSQL for the server's tests: ${DOYAK_TEST_DATABASE_URL:-none (SQLite only)}"
# The page: strict TypeScript check and its unit tests (Vitest).
(cd ui && npm run --silent typecheck && npm test --silent)
# Every crate, the CLI's end-to-end tests, and the desk's WebDriver
# end-to-end tests (tests/e2e: real app under Xvfb; screenshots in
# target/screenshots/). The bindings test fails if ui/src/bindings.ts is stale.
cargo test --workspace --locked --no-fail-fast
# Schema-based fuzzing of the sync server's HTTP API (schemathesis, PyPI).
bash scripts/fuzz-server.sh 100

#!/usr/bin/env bash
# Installs what Doyak needs on a Debian/Ubuntu machine, skipping what is there:
# the system libraries for the Tauri window (WebKitGTK), Xvfb for headless
# runs, poppler-utils (doyak-report's tests read PDFs back with pdftotext),
# D-Bus (the desk follows the OS's screen lock; its test runs a private bus),
# Node.js for the window's assets, and the Rust toolchain.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

APT_PACKAGES=(build-essential pkg-config libwebkit2gtk-4.1-dev libssl-dev xvfb xauth
  webkit2gtk-driver imagemagick fonts-dejavu-core perl make curl ca-certificates
  python3-venv poppler-utils libdbus-1-dev dbus-daemon dbus-bin)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v node >/dev/null 2>&1; then missing+=(nodejs npm); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  if [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    echo "== installing Rust (rustup)"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component rustfmt,clippy
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
fi

# The window's page: TypeScript + Preact built by Vite; the bundled font
# (pretendard-gov) and the KRDS tokens (krds-uiux) come from npm.
if [ ! -d ui/node_modules/.bin ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "== npm ci (ui)"
  (cd ui && npm ci --no-audit --no-fund)
fi
(cd ui && npm run --silent build >/dev/null)

# WebDriver for the desk's end-to-end tests (tests/e2e).
if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "== cargo install tauri-driver"
  cargo install tauri-driver --locked
fi

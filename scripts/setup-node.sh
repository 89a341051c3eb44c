#!/usr/bin/env bash
# Installs Node.js and npm from Debian when `node` is missing, Debian's chromium when /usr/bin/chromium is missing
# (the portal's browser test drives it), then the npm packages of the JS test suites (tests/sdk, tests/portal,
# tests/contract/js: npm ci), and checks that each installed package accepts the Node in use (every package is
# pinned to versions that accept Debian 12's Node 18; npm itself only warns).
# Idempotent; run it before configuring CMake so that CTest registers the JS SDK and portal tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  bash scripts/apt-install.sh nodejs npm
fi
[ -x /usr/bin/chromium ] || bash scripts/apt-install.sh chromium
bash scripts/apt-install.sh python3-semantic-version  # the engines check reads npm's version ranges with it

# playwright-core never downloads a browser; the variable keeps any other playwright package from trying.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
install_packages() {  # folder, a package whose presence means the install is done
  if [ ! -d "$1/node_modules/$2" ] || [ "$1/package-lock.json" -nt "$1/node_modules" ]; then
    (cd "$1" && npm ci --no-audit --no-fund)
  fi
}
install_packages tests/sdk @azure/cognitiveservices-customvision-training
install_packages tests/contract/js @azure/cognitiveservices-customvision-training
install_packages tests/portal playwright-core
/usr/bin/python3 tests/tooling/node_engines.py "$(command -v node)" tests/sdk tests/contract/js tests/portal

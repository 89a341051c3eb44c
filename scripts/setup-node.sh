#!/usr/bin/env bash
# Installs Node.js and npm from Debian when `node` is missing, then the JS SDK test packages (tests/sdk, npm ci).
# Idempotent; run it before configuring CMake so that CTest registers the JS SDK tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  echo "setup-node: installing nodejs and npm"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends nodejs npm
fi

cd tests/sdk
if [ ! -d node_modules/@azure/cognitiveservices-customvision-training ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund
fi

#!/usr/bin/env bash
# Installs what cvmock needs from Debian's packages (only what is missing), then builds it into build/.
#   scripts/setup.sh            everything: the server and its tools, the test suites and benchmarks, and their extras
#                               (Node.js, chromium, the npm packages, the Python SDK); what scripts/test.sh needs
#   scripts/setup.sh --server   only cvmock, cvctl and cvmock-fixtures (what scripts/start.sh needs), plus curl and
#                               python3 for the README's curl walkthrough
# Idempotent: a second run installs nothing and rebuilds only what changed. Both use build/, so the targets a
# --server run built are not built again by a full one.
set -euo pipefail
cd "$(dirname "$0")/.."

server_packages=(
  build-essential cmake pkg-config
  libcpp-httplib-dev nlohmann-json3-dev libstb-dev libeigen3-dev libsqlite3-dev zlib1g-dev
  libjpeg62-turbo-dev  # libjpeg-turbo through its libjpeg API (pkg-config libjpeg), which the trainer decodes with
  curl python3
)
test_packages=(
  libgtest-dev libbenchmark-dev dataset-fashion-mnist openssl
  python3-jsonschema python3-hypothesis python3-azure python3-semantic-version python3-yaml
)
build_type=${CVMOCK_BUILD_TYPE:-Release}

if [ "${1:-}" = "--server" ]; then
  bash scripts/apt-install.sh "${server_packages[@]}"
  options=()
  # A first configure leaves the suites and benchmarks out; a tree a full setup configured keeps them registered.
  [ -f build/CMakeCache.txt ] || options=(-DCVMOCK_BUILD_TESTS=OFF -DCVMOCK_BUILD_BENCH=OFF)
  cmake -S . -B build -DCMAKE_BUILD_TYPE="$build_type" "${options[@]}" > /dev/null
  cmake --build build -j "$(nproc)" --target cvmock cvctl cvmock-fixtures
  exit 0
elif [ $# -gt 0 ]; then
  echo "usage: scripts/setup.sh [--server]" >&2
  exit 2
fi

bash scripts/apt-install.sh "${server_packages[@]}" "${test_packages[@]}"
# Node.js and the official JS SDKs, for the SDK tests; before configuring, so CTest registers them.
bash scripts/setup-node.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE="$build_type" -DCVMOCK_BUILD_TESTS=ON -DCVMOCK_BUILD_BENCH=ON > /dev/null
cmake --build build -j "$(nproc)"

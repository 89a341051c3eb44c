#!/usr/bin/env bash
# Installs what cvmock needs from Debian's packages (only what is missing), then builds it into build/.
# Idempotent: a second run installs nothing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config
  libcpp-httplib-dev nlohmann-json3-dev libstb-dev libeigen3-dev
  libgtest-dev libsqlite3-dev libbenchmark-dev zlib1g-dev libjpeg62-turbo-dev
  dataset-fashion-mnist openssl
  python3 python3-jsonschema python3-hypothesis
  python3-azure
)

bash scripts/apt-install.sh "${packages[@]}"

# Node.js and the official JS SDKs, for the SDK tests; before configuring, so CTest registers them.
bash scripts/setup-node.sh

build_type=${CVMOCK_BUILD_TYPE:-Release}
cmake -S . -B build -DCMAKE_BUILD_TYPE="$build_type" > /dev/null
cmake --build build -j "$(nproc)"

#!/usr/bin/env bash
# Sets up everything, test extras included (scripts/setup.sh), and runs every test suite through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"

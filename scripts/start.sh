#!/usr/bin/env bash
# Sets up cvmock and starts it on its defaults (http://127.0.0.1:8808); arguments go to cvmock.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec ./build/mock_server/cvmock "$@"

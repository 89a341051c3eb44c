#!/usr/bin/env bash
# Sets up and builds only what the server needs (scripts/setup.sh --server), then starts cvmock on its defaults
# (http://127.0.0.1:8808); arguments go to cvmock. The test suites' extras come with scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --server
exec ./build/mock_server/cvmock "$@"

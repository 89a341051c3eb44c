#!/usr/bin/env bash
# Builds cvmock under a sanitizer and runs every test suite through CTest.
#   scripts/sanitize.sh thread    ThreadSanitizer, in build-tsan/
#   scripts/sanitize.sh address   AddressSanitizer + UndefinedBehaviorSanitizer, in build-asan/
# Any report fails the run: the sanitizers halt on their first finding.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  thread) dir=build-tsan ;;
  address) dir=build-asan ;;
  *) echo "usage: scripts/sanitize.sh thread|address" >&2; exit 2 ;;
esac

# RelWithDebInfo: optimised enough for the training tests to stay fast, with line numbers in reports.
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCVMOCK_SANITIZE="$1" > /dev/null
cmake --build "$dir" -j "$(nproc)"

export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$PWD/scripts/tsan.supp"
export ASAN_OPTIONS="halt_on_error=1 detect_leaks=1 detect_stack_use_after_return=1"
export UBSAN_OPTIONS="halt_on_error=1 print_stacktrace=1"
ctest --test-dir "$dir" --output-on-failure -j "$(nproc)" --timeout 300

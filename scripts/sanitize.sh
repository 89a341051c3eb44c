#!/usr/bin/env bash
# Builds cvmock under a sanitizer and runs its test suites through CTest.
#   scripts/sanitize.sh thread [--no-tests] [TARGET...]    ThreadSanitizer (g++), in build-tsan/
#   scripts/sanitize.sh address [--no-tests] [TARGET...]   AddressSanitizer + UndefinedBehaviorSanitizer (clang,
#                                                          with the libFuzzer targets, which scripts/fuzz.sh runs),
#                                                          in build-asan/
# With TARGETs (e.g. server_api_tests), only those are built (and what they depend on: the suites that start the
# cvmock executable build it) and their tests run; without, every suite.
# The JS SDK and browser suites are left out: they drive the same server the C++ suites drive.
# Any report fails the run: the sanitizers halt on their first finding.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  thread) dir=build-tsan; compiler=g++; extra=() ;;
  address)
    dir=build-asan; compiler=clang++; extra=(-DCVMOCK_FUZZ=ON)
    bash scripts/apt-install.sh clang libclang-rt-14-dev  # libclang_rt.fuzzer, which -fsanitize=fuzzer links
    ;;
  *) echo "usage: scripts/sanitize.sh thread|address [--no-tests] [TARGET...]" >&2; exit 2 ;;
esac
sanitizer=$1
shift
run_tests=true
if [ "${1:-}" = "--no-tests" ]; then run_tests=false; shift; fi

bash scripts/apt-install.sh ninja-build  # builds the requested targets in parallel, where make goes one by one
# A tree configured for another compiler or generator cannot be reconfigured in place.
if [ -f "$dir/CMakeCache.txt" ] && { ! grep -q "^CMAKE_CXX_COMPILER:[A-Z]*=.*$compiler$" "$dir/CMakeCache.txt" ||
                                     ! grep -q "^CMAKE_GENERATOR:INTERNAL=Ninja$" "$dir/CMakeCache.txt"; }; then
  rm -rf "$dir"
fi
# -O1 -g1: quick to build, fast enough for the training tests, with function names and lines in reports.
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_COMPILER="$compiler" -DCMAKE_CXX_FLAGS="-O1 -g1" -G Ninja \
  -DCVMOCK_SANITIZE="$sanitizer" "${extra[@]}" > /dev/null
if [ $# -gt 0 ]; then
  cmake --build "$dir" -j "$(nproc)" --target "$@"
else
  cmake --build "$dir" -j "$(nproc)"
fi
$run_tests || exit 0

export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$PWD/scripts/tsan.supp"
export ASAN_OPTIONS="halt_on_error=1 detect_leaks=1 detect_stack_use_after_return=1"
export UBSAN_OPTIONS="halt_on_error=1 print_stacktrace=1"
# Suites not built register a failing <target>_NOT_BUILT test; they were not asked for. The Node, Python and
# schema proofs check the wire, which the plain build covers; here they would only slow the run. The README and
# tooling checks run the plain build's binaries as shipped. The stateful test needs cvmock-fixtures and is timed for
# the plain build; the install test links an application against the installed (here: instrumented) client.
ctest --test-dir "$dir" --output-on-failure -j "$(nproc)" --timeout 600 \
  -E "_NOT_BUILT|^sdk_|^portal|^contract_|^recording_|^schema_|^readme_|^tooling_|^stateful_|^install_tree$" \
  -FA cvmock_response_log

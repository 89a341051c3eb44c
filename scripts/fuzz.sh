#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz into build-asan (clang, ASan + UBSan; scripts/sanitize.sh) and
# runs each for the given number of seconds (default 60) from its seed corpus; exits non-zero on the first finding.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}

targets=(decode_features decode_isolation json_request multipart)
# The fuzzers live in the ASan + UBSan build (clang), beside the sanitised test suites.
bash scripts/sanitize.sh address --no-tests "${targets[@]/%/_fuzz}"

for target in "${targets[@]}"; do
  work=$(mktemp -d)  # new inputs found this run; the committed corpus stays as it is
  log=build-asan/$target.log
  echo "fuzz: $target for ${seconds}s"
  status=0
  ./build-asan/tests/fuzz/${target}_fuzz -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=25 \
    -print_final_stats=1 -artifact_prefix="build-asan/${target}-" "$work" "tests/fuzz/corpus/$target" > "$log" 2>&1 ||
    status=$?
  rm -rf "$work"
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY|==[0-9]+==ERROR|Done)" "$log" || true
  [ "$status" -eq 0 ] || { echo "fuzz: $target found a failure (log $log, input build-asan/${target}-*)"; exit 1; }
done

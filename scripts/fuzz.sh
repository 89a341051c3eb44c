#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz into build-fuzz (clang, ASan + UBSan) and runs each for
# the given number of seconds (default 60) from its seed corpus; exits non-zero on the first finding.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}

packages=(clang libclang-rt-14-dev)  # libclang-rt-14-dev holds libclang_rt.fuzzer, which -fsanitize=fuzzer links
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

sanitizers="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DCVMOCK_FUZZ=ON \
  -DCMAKE_CXX_FLAGS="$sanitizers" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" > /dev/null
targets=(decode_features json_request multipart)
cmake --build build-fuzz -j "$(nproc)" --target "${targets[@]/%/_fuzz}"

for target in "${targets[@]}"; do
  work=$(mktemp -d)  # new inputs found this run; the committed corpus stays as it is
  log=build-fuzz/$target.log
  echo "fuzz: $target for ${seconds}s"
  status=0
  ./build-fuzz/tests/fuzz/${target}_fuzz -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=25 \
    -print_final_stats=1 -artifact_prefix="build-fuzz/${target}-" "$work" "tests/fuzz/corpus/$target" > "$log" 2>&1 ||
    status=$?
  rm -rf "$work"
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY|==[0-9]+==ERROR|Done)" "$log" || true
  [ "$status" -eq 0 ] || { echo "fuzz: $target found a failure (log $log, input build-fuzz/${target}-*)"; exit 1; }
done

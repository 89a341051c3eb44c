#!/usr/bin/env bash
# Runs every benchmark behind bench/REPORT.md, in its order, and prints what the report quotes.
# Needs a built tree (bash scripts/setup.sh); installs Stoplight Prism for the side-by-side run.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=./build/bench

(cd bench/prism && { [ -x node_modules/.bin/prism ] || npm ci --no-audit --no-fund; })

echo "== machine"; nproc; grep -m1 "model name" /proc/cpuinfo; uptime
echo "== micro"
$bench/micro_benchmarks --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
echo "== prediction under load, with Prism side by side"
$bench/load_generator predict --seconds 5 --prism bench/prism/node_modules/.bin/prism
echo "== ingest"
$bench/load_generator ingest --images 2560
echo "== training"
for images in 1000 10000 100000; do
  for tags in 5 50; do $bench/load_generator train --images "$images" --tags "$tags"; done
done
echo "== startup"
$bench/load_generator startup
$bench/load_generator startup --images 10000
echo "== recording proxy and verify"
./build/mock_server/cvmock convert-recordings ../shared/recordings build/bench/shared-recordings > /dev/null
$bench/recording/recording_bench proxy --requests 2000
$bench/recording/recording_bench verify --recordings build/bench/shared-recordings \
  --table tests/recording/shared_recordings.verify.json --runs 7
echo "== accuracy"
$bench/fashion_mnist_accuracy 500 500
echo "== object detection"
$bench/detection_bench quality --train 1000 --test 200 --min-objects 3 --max-objects 3
$bench/detection_bench speed --images 200
skimage=$(mktemp -d)
(cd "$skimage" && apt-get download python3-skimage >/dev/null && dpkg-deb -x python3-skimage_*.deb .)
$bench/detection_bench photos --backgrounds "$skimage/usr/lib/python3/dist-packages/skimage/data"
rm -rf "$skimage"

#!/usr/bin/env bash
# The installed tree works: `cmake --install` into a fresh prefix, then the example application
# (tests/install/example, the program client/README.md shows) built three ways, against the installed package config
# (find_package), with pkg-config, and with FetchContent from this checkout, each training and predicting against
# the installed cvmock; and the installed cvctl sees what they made.
# usage: install_test.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
build=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
example=$source/tests/install/example
prefix=$work/prefix

# The README's ten-line program is the example's source, line for line.
awk '/^<!-- tests\/install\/example\/train_and_predict.cc -->$/ {found = 1; next}
     found && /^```cpp$/ {inside = 1; next}
     inside && /^```$/ {exit}
     inside {print}' "$source/client/README.md" > "$work/readme_program.cc"
diff -u "$example/train_and_predict.cc" "$work/readme_program.cc" \
  || { echo "client/README.md's program differs from $example/train_and_predict.cc" >&2; exit 1; }

# Built already when CTest runs; this only makes sure (a no-op when they are up to date).
cmake --build "$build" --target cvmock cvctl cvmock-fixtures cvmock_client > "$work/build.log"
cmake --install "$build" --prefix "$prefix" > "$work/install.log"
for file in bin/cvmock bin/cvctl bin/cvmock-fixtures include/cvmock/client/training_client.h \
            include/cvmock/client/version.h; do
  [ -e "$prefix/$file" ] || { echo "not installed: $file" >&2; exit 1; }
done
[ ! -e "$prefix/include/cvmock/client/requests.h" ] || { echo "a private header was installed" >&2; exit 1; }

cmake -S "$example" -B "$work/find-package" -DCMAKE_PREFIX_PATH="$prefix" > "$work/find-package.log"
cmake --build "$work/find-package" >> "$work/find-package.log"

pc_dir=$(dirname "$(find "$prefix" -name customvision-client.pc)")
mkdir -p "$work/pkg-config"
# shellcheck disable=SC2046  # pkg-config's flags are meant to split
c++ -o "$work/pkg-config/train_and_predict" "$example/train_and_predict.cc" \
  $(PKG_CONFIG_PATH=$pc_dir pkg-config --cflags --libs customvision-client)

cmake -S "$example" -B "$work/fetch-content" -DCVMOCK_SOURCE_DIR="$source" > "$work/fetch-content.log"
cmake --build "$work/fetch-content" >> "$work/fetch-content.log"

"$prefix/bin/cvmock" --port 0 > "$work/cvmock.log" &
cvmock_pid=$!
trap 'kill $cvmock_pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  endpoint=$(sed -n 's/^cvmock listening on \(http[^ ]*\).*/\1/p' "$work/cvmock.log")
  [ -n "$endpoint" ] && break
  sleep 0.1
done
[ -n "$endpoint" ] || { echo "the installed cvmock did not start" >&2; cat "$work/cvmock.log" >&2; exit 1; }

"$prefix/bin/cvmock-fixtures" --out "$work/images" --classes circle,square --per-class 9 --size 96 > /dev/null
held_back=$(ls "$work"/images/circle/* | tail -1)
mv "$held_back" "$work/held-back-circle.${held_back##*.}"
resource_id=/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/cvmock/providers/
resource_id+=Microsoft.CognitiveServices/accounts/cvmock-prediction

for app in find-package pkg-config fetch-content; do
  answer=$("$work/$app/train_and_predict" "$endpoint" "$work/images" "$resource_id" "$work"/held-back-circle*)
  [ "$answer" = circle ] || { echo "$app: predicted '$answer' for a circle" >&2; exit 1; }
  echo "$app: built, trained and predicted circle"
done

projects=$("$prefix/bin/cvctl" --endpoint "$endpoint" --json projects)
count=$(grep -c '"name": "shapes"' <<< "$projects")
[ "$count" = 3 ] || { echo "the installed cvctl lists $count projects named shapes, not 3" >&2; exit 1; }
echo "installed cvctl lists the three projects"

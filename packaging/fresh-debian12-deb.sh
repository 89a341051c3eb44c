#!/usr/bin/env bash
# Installs the .deb files CPack made into a fresh Debian 12 (debootstrap minbase, in a chroot, made as
# ../shared/tools/fresh-debian12.sh makes it) and runs what a new user runs first: cvmock --help, cvmock started,
# cvctl against it (its version, the domains, the demo), and the dev package's pkg-config and CMake files. With
# BUILD_EXAMPLE=1 it also installs g++ and cmake and builds and runs tests/install/example against /usr.
# usage (as root, from the source tree): BUILD_EXAMPLE=1 packaging/fresh-debian12-deb.sh build/*.deb
set -eu
[ $# -gt 0 ] || { echo "usage: $0 DEB..." >&2; exit 2; }
SOURCE=$(cd "$(dirname "$0")/.." && pwd)
BASE=/var/tmp/fresh; ROOT=$BASE/deb-run-$$; TAR=$BASE/rootfs.tar
mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
mkdir -p "$BASE"
if [ ! -f "$TAR" ]; then
  command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
  debootstrap --variant=minbase bookworm "$BASE/rootfs" "$mirror" >/dev/null
  tar -C "$BASE/rootfs" -cf "$TAR" .
fi
mkdir -p "$ROOT"; tar -C "$ROOT" -xf "$TAR"
cp /etc/resolv.conf "$ROOT/etc/"
printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' > "$ROOT/etc/hosts"
# This workplace reaches the registries through a proxy with its own CA: carry the host's trust into the chroot.
if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "$NODE_EXTRA_CA_CERTS" ]; then
  mkdir -p "$ROOT/usr/local/share/ca-certificates"
  cp "$NODE_EXTRA_CA_CERTS" "$ROOT/usr/local/share/ca-certificates/host-extra-ca.crt"
fi
mkdir -p "$ROOT/debs" "$ROOT/example"
cp "$@" "$ROOT/debs/"
cp "$SOURCE"/tests/install/example/* "$ROOT/example/"
for m in proc dev sys; do mount --bind "/$m" "$ROOT/$m"; done
cleanup() {
  for m in sys dev proc; do umount "$ROOT/$m" 2>/dev/null || umount -l "$ROOT/$m" 2>/dev/null || true; done
  for m in sys dev proc; do
    mountpoint -q "$ROOT/$m" && { echo "still mounted: $ROOT/$m, not removing $ROOT" >&2; return; }
  done
  rm -rf --one-file-system "$ROOT"
}
trap cleanup EXIT
chroot "$ROOT" env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root TERM=dumb \
  BUILD_EXAMPLE="${BUILD_EXAMPLE:-0}" bash -euc '
  echo "== apt-get install the packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends /debs/*.deb > /tmp/apt.log
  dpkg -l cvmock cvmock-client-dev | tail -2
  echo "== cvmock --help"; cvmock --help | head -4
  cvmock --port 18808 > /tmp/cvmock.log 2>&1 &
  for _ in $(seq 50); do grep -q "listening on" /tmp/cvmock.log && break; sleep 0.2; done
  head -1 /tmp/cvmock.log
  echo "== cvctl"; cvctl --version
  cvctl --endpoint http://127.0.0.1:18808 domains | head -3
  cvctl --endpoint http://127.0.0.1:18808 demo --images-per-class 12 | tail -4
  echo "== the dev package"; pkg-config --cflags --libs customvision-client; ls /usr/lib/cmake/CustomVisionClient
  if [ "$BUILD_EXAMPLE" = 1 ]; then
    echo "== build tests/install/example against /usr"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends g++ cmake make > /tmp/apt-tools.log
    cmake -S /example -B /tmp/example > /dev/null && cmake --build /tmp/example > /dev/null
    cvmock-fixtures --out /tmp/images --classes circle,square --per-class 8 --size 96 > /dev/null
    mv /tmp/images/circle/circle_007.* /tmp/
    resource=/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/cvmock/providers/
    resource+=Microsoft.CognitiveServices/accounts/cvmock-prediction
    /tmp/example/train_and_predict http://127.0.0.1:18808 /tmp/images "$resource" /tmp/circle_007.*
  fi
  kill %1'

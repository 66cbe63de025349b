#!/usr/bin/env bash
# Run the bundle on a clean Debian that has only the documented system libraries.
#
#     sudo tools/check_bundle_in_chroot.sh [BUNDLE=dist/digitpad] [CHROOT=/var/tmp/digitpad-chroot]
#
# Needs root, debootstrap and Xvfb on this machine (Debian: apt install debootstrap xvfb). Takes a
# few minutes the first time (debootstrap downloads ~100 MB), seconds afterwards: the chroot is
# kept for the next run (delete the folder to start over). Not part of CI.
#
# 1. debootstrap --variant=minbase: Debian's essential packages only (glibc, zlib, apt...), no X, no
#    Qt, no Python. Plus exactly the system packages the README's "Packaged executable" section asks
#    for: libgl1 libegl1 libxcb1 (the libraries build.spec's SYSTEM_LIBRARIES leaves to the system)
#    and fontconfig-config fonts-dejavu-core (any desktop's fonts; without them Qt draws no text).
# 2. Copies the bundle to /opt/digitpad inside, and lists what ldd cannot find there.
# 3. Runs, inside, `digitpad predict`, `--self-test` offscreen, and `--self-test --screenshot`
#    on an X server (an Xvfb on this machine whose socket is bind-mounted in: the X server is the
#    user's, not part of the bundle), then checks the screenshot's pixels here
#    (tools/check_screenshot.py). Exit status 0 only if all passed.
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=$(realpath "${1:-dist/digitpad}")
root=${2:-/var/tmp/digitpad-chroot}
packages="libgl1,libegl1,libxcb1,fontconfig-config,fonts-dejavu-core"
python=${PYTHON:-.venv/bin/python}
[ -x "$python" ] || python=python3

[ "$(id -u)" = 0 ] || { echo "check_bundle_in_chroot: run as root (chroot, mount)"; exit 2; }
[ -x "$bundle/digitpad" ] || { echo "check_bundle_in_chroot: no bundle at $bundle"; exit 2; }
command -v debootstrap >/dev/null && command -v Xvfb >/dev/null \
  || { echo "check_bundle_in_chroot: needs debootstrap and Xvfb (apt install debootstrap xvfb)"; exit 2; }

# The suite and mirror this machine's apt uses (or SUITE= / MIRROR= from the environment).
suite=${SUITE:-$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")}
mirror=${MIRROR:-$(grep -hs -m1 -E '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}')}
mirror=${mirror:-$(grep -hs -m1 -E '^deb ' /etc/apt/sources.list | awk '{print $2}')}
[ -n "$mirror" ] || { echo "check_bundle_in_chroot: no Debian mirror found in /etc/apt; set MIRROR="; exit 2; }

if [ ! -f "$root/etc/debian_version" ]; then
  echo "chroot: debootstrap --variant=minbase --include=$packages $suite $root"
  t0=$SECONDS
  debootstrap --variant=minbase --include="$packages" "$suite" "$root" "$mirror" > "$root.debootstrap.log" 2>&1 \
    || { tail -20 "$root.debootstrap.log"; echo "check_bundle_in_chroot: debootstrap failed"; exit 1; }
  echo "chroot: made in $((SECONDS - t0)) s ($(du -sh "$root" | cut -f1))"
fi

display=:$((90 + RANDOM % 9))
mounted=()
cleanup() {
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
  [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT
mkdir -p "$root/proc" "$root/dev" "$root/tmp/.X11-unix" "$root/opt"
mount -t proc proc "$root/proc" && mounted+=("$root/proc")
mount --bind /dev "$root/dev" && mounted+=("$root/dev")
Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp > /dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [ -S "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix" && mounted+=("$root/tmp/.X11-unix")

rm -rf "$root/opt/digitpad" && cp -a "$bundle" "$root/opt/digitpad"
cp assets/samples/three.json "$root/opt/three.json"
inside() { chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/tmp/home LANG=C.UTF-8 "$@"; }
rm -rf "$root/tmp/home" "$root/tmp/shots" && mkdir -p "$root/tmp/home"

echo "chroot: Debian $(cat "$root/etc/debian_version"), $(inside dpkg-query -W -f='${binary:Package}\n' | wc -l) packages, no Python: $(inside sh -c 'command -v python3 || echo none')"
missing=$(inside sh -c 'cd /opt/digitpad && find . -type f \( -name "*.so*" -o -name digitpad \) | while read -r f; do
  LD_LIBRARY_PATH=/opt/digitpad/_internal ldd "$f" 2>/dev/null | grep "not found"; done | sort | uniq -c' || true)
echo "chroot: ldd, not found inside (wayland/EGL extras only are fine): ${missing:-nothing}"

failed=0
if out=$(inside /opt/digitpad/digitpad predict --json /opt/three.json) \
   && [ "$(printf '%s' "$out" | grep -o '"digit": [0-9]*')" = '"digit": 3' ]; then
  echo "chroot: predict ok: $out" | cut -c1-120
else
  echo "chroot: FAILED: predict: $out"; failed=1
fi
for platform in offscreen xcb; do
  if [ $platform = offscreen ]; then
    report=$(inside QT_QPA_PLATFORM=offscreen /opt/digitpad/digitpad --self-test 2>"$root/tmp/selftest-$platform.err") || true
  else
    report=$(inside DISPLAY="$display" /opt/digitpad/digitpad --self-test --screenshot /tmp/shots/window.png \
             2>"$root/tmp/selftest-$platform.err") || true
  fi
  echo "chroot: self-test ($platform): $report"
  if ! printf '%s' "$report" | tail -1 | grep -q '"ok": true'; then
    tail -20 "$root/tmp/selftest-$platform.err"; echo "chroot: FAILED: self-test on $platform"; failed=1
  fi
done
if [ -f "$root/tmp/shots/window.png" ]; then
  "$python" tools/check_screenshot.py "$root/tmp/shots/window.png" || failed=1
else
  echo "chroot: FAILED: no screenshot"; failed=1
fi
[ $failed = 0 ] && echo "chroot: ok, the bundle runs on $suite with only: ${packages//,/ }" || echo "chroot: FAILED"
exit $failed

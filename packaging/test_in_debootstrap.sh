#!/usr/bin/env bash
# Prove the .deb on a bare Debian: build the bundle and the .deb, install the
# .deb with apt into a fresh `debootstrap --variant=minbase` system in a folder,
# then there
#   1. look for any library that a bundled ELF file needs and cannot find,
#   2. run `clausier note new` and `clausier export` on a sample note, and
#      `clausier check-spelling` with no hunspell, myspell, aspell or enchant package
#      on the system (the dictionaries and libhunspell ship inside the bundle),
#   3. start the window offscreen (QT_QPA_PLATFORM=offscreen) and check it stays up,
#   4. install Xvfb, start the window on a real X server through Qt's xcb plugin
#      and check that a "Clausier" window is mapped,
#   5. install shared-mime-info, desktop-file-utils and xdg-utils (the package's
#      Recommends) and check that *.clausier is application/x-clausier, opened
#      by clausier.desktop.
# Steps 1-3 run before anything but the .deb and its Depends is installed, so a
# missing Depends fails them. Takes a few minutes (the minbase system is cached
# as a tarball under packaging/build/ and unpacked fresh for every run).
#
#   sudo packaging/test_in_debootstrap.sh [--keep-bundle] [--keep-root]
#
# Needs root (debootstrap, chroot, mounts), debootstrap, and Debian's mirror.
set -euo pipefail
cd "$(dirname "$0")/.."

keep_bundle="" keep_root=0
for arg in "$@"; do
  case "$arg" in
    --keep-bundle) keep_bundle=--keep-bundle ;;
    --keep-root) keep_root=1 ;;
    *) echo "usage: $0 [--keep-bundle] [--keep-root]" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" = 0 ] || { echo "error: run as root (debootstrap and chroot need it)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "error: apt-get install debootstrap" >&2; exit 1; }

suite=${SUITE:-bookworm}
mirror=${MIRROR:-http://deb.debian.org/debian}
cache=packaging/build/debootstrap/$suite-minbase.tar
root=$PWD/packaging/build/debootstrap/root
log=$PWD/packaging/build/debootstrap/run.log

step() { printf '\n=== %s\n' "$*"; }
inside() { chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
  LANG=C.UTF-8 "$@"; }

step "building the bundle and the .deb"
packaging/build_deb.sh $keep_bundle
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' app/__init__.py)
deb=packaging/dist/clausier_${version}_$(dpkg --print-architecture).deb

if [ ! -f "$cache" ]; then
  step "debootstrap --variant=minbase $suite (once; cached in $cache)"
  rm -rf "$root.new" && mkdir -p "$(dirname "$cache")"
  debootstrap --variant=minbase "$suite" "$root.new" "$mirror" > "$log" 2>&1 \
    || { tail -20 "$log" >&2; exit 1; }
  tar -C "$root.new" -cf "$cache" . && rm -rf "$root.new"
fi

unmount() {
  for mount in dev/pts dev proc sys; do
    mountpoint -q "$root/$mount" && umount -l "$root/$mount" || true
  done
}
# Never delete through a mount that is still there: /dev is the host's own.
remove_root() {
  unmount
  if grep -q " $root/" /proc/mounts; then
    echo "warning: $root still has mounts; not deleting it" >&2
    return 0
  fi
  rm -rf --one-file-system "$root"
}
cleanup() {
  [ -d "$root" ] && { inside sh -c 'kill $(cat /tmp/xvfb.pid 2>/dev/null) 2>/dev/null' || true; }
  if [ "$keep_root" = 0 ]; then remove_root; else unmount; fi
}
trap cleanup EXIT

step "a fresh bare system from $cache"
remove_root
[ ! -e "$root" ] || { echo "error: cannot clear $root" >&2; exit 1; }
mkdir -p "$root"
tar -C "$root" -xf "$cache"
mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp /etc/resolv.conf "$root/etc/resolv.conf"
echo "deb $mirror $suite main" > "$root/etc/apt/sources.list"
cp "$deb" "$root/tmp/clausier.deb"
printf 'packages in the bare system: %s\n' "$(inside dpkg-query -W -f='.\n' | wc -l)"

step "apt-get install ./clausier.deb (with its Depends, no Recommends)"
inside apt-get update -qq
inside env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  /tmp/clausier.deb > "$log" 2>&1 || { tail -30 "$log" >&2; exit 1; }
printf 'packages after installing clausier: %s\n' "$(inside dpkg-query -W -f='.\n' | wc -l)"
inside sh -c 'command -v clausier && dpkg -L clausier | grep -E "\.desktop$|mime/packages/|^/usr/bin/" '

step "1. every bundled ELF file finds its libraries"
missing=$(inside sh -c 'find /opt/clausier -type f \( -name "*.so*" -o -perm -u+x \) \
  -exec sh -c "ldd \"\$1\" 2>/dev/null | grep \"not found\" | sed \"s|^|\$1: |\"" _ {} \;' || true)
if [ -n "$missing" ]; then
  echo "$missing" >&2
  echo "FAIL: libraries missing on a bare system: add them to Depends" >&2
  exit 1
fi
echo "no missing library"

step "2. the command line: note new, export, library search"
inside sh -c 'mkdir -p /tmp/work && cd /tmp/work \
  && clausier --version \
  && clausier note new --subject "Suivi Val Duchesse II" --date 2018-06-11 --lang fr+nl \
       --clause vd2.1.4 --clause vd2.3.2 --classification restricted -o suivi.clausier \
  && clausier export suivi.clausier -o out.docx \
  && clausier library search terrorisme | head -3'
cp "$root/tmp/work/out.docx" packaging/build/debootstrap/out.docx
python3 - packaging/build/debootstrap/out.docx <<'EOF'
import sys
import zipfile

with zipfile.ZipFile(sys.argv[1]) as docx:
    body = docx.read("word/document.xml").decode("utf-8")
assert "w:body" in body and 'w:val="fr-BE"' in body, "the export is not a French Word document"
print(f"{sys.argv[1]}: a Word document, {len(body)} characters of document.xml, fr-BE runs")
EOF

step "2b. spelling with the shipped dictionaries, no spelling package on the system"
spellers=$(inside dpkg-query -W -f='${Package}\n' | grep -E -i 'hunspell|myspell|aspell|enchant' || true)
if [ -n "$spellers" ] || [ -e "$root/usr/share/hunspell" ]; then
  echo "$spellers" >&2
  echo "FAIL: the bare system has a spelling package; the test proves nothing" >&2
  exit 1
fi
set +e
inside sh -c 'cd /tmp/work \
  && clausier note new --subject "Suivi du terorisme" --subject-nl "Opvolging van het terorisme" \
       --lang fr+nl -o faute.clausier > /dev/null \
  && clausier check-spelling faute.clausier > /tmp/spelling.out 2>&1'
status=$?
set -e
cat "$root/tmp/spelling.out"
if [ "$status" != 1 ] || ! grep -q "subject (FR): terorisme → terrorisme" "$root/tmp/spelling.out" \
  || ! grep -q "subject (NL): terorisme → terrorisme" "$root/tmp/spelling.out"; then
  echo "FAIL: clausier check-spelling did not judge the French and Dutch subjects" >&2
  exit 1
fi
inside sh -c 'cd /tmp/work \
  && clausier note new --subject "Suivi de la coopération" --lang fr -o juste.clausier > /dev/null \
  && clausier check-spelling juste.clausier'
echo "the dictionaries in /opt/clausier are found and used"

step "3. the window, offscreen, stays up for 10 s"
set +e
inside sh -c 'cd /tmp/work && QT_QPA_PLATFORM=offscreen timeout 10 clausier suivi.clausier \
  > /tmp/window.out 2>&1'
status=$?
set -e
cat "$root/tmp/window.out"
if grep -Eqi 'internal error|traceback|cannot load|could not load|could not find the qt platform' "$root/tmp/window.out"; then
  echo "FAIL: the window reported an error" >&2
  exit 1
fi
if [ "$status" != 124 ]; then
  echo "FAIL: the window exited with status $status before 10 s" >&2
  exit 1
fi
echo "the window ran until stopped (timeout)"

step "4. the window on an X server (Xvfb) through Qt's xcb plugin"
inside env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  xvfb x11-utils > "$log" 2>&1 || { tail -30 "$log" >&2; exit 1; }
inside sh -c 'Xvfb :42 -screen 0 1280x800x24 -nolisten tcp > /tmp/xvfb.log 2>&1 & echo $! > /tmp/xvfb.pid'
sleep 2
set +e
inside sh -c 'cd /tmp/work && DISPLAY=:42 QT_QPA_PLATFORM=xcb timeout 15 clausier suivi.clausier \
  > /tmp/xcb.out 2>&1 & sleep 8; DISPLAY=:42 xwininfo -root -tree > /tmp/windows.txt; wait'
set -e
cat "$root/tmp/xcb.out"
if grep -Eqi 'internal error|traceback|cannot load|could not load|could not find the qt platform' "$root/tmp/xcb.out"; then
  echo "FAIL: the window reported an error on X" >&2
  exit 1
fi
if ! grep -qi '"[^"]*clausier' "$root/tmp/windows.txt"; then
  cat "$root/tmp/windows.txt" >&2
  echo "FAIL: no Clausier window on the X server" >&2
  exit 1
fi
grep -i '"[^"]*clausier' "$root/tmp/windows.txt" | head -3

step "5. a double-click on a .clausier file opens Clausier (shared-mime-info, xdg-utils)"
inside env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  shared-mime-info desktop-file-utils xdg-utils > "$log" 2>&1 || { tail -30 "$log" >&2; exit 1; }
# Their dpkg triggers have now run over the files clausier installed.
inside grep -h 'clausier' /usr/share/mime/globs2 /usr/share/applications/mimeinfo.cache
handler=$(inside xdg-mime query default application/x-clausier)
echo "xdg-mime query default application/x-clausier: $handler"
[ "$handler" = clausier.desktop ] || { echo "FAIL: .clausier is not opened by Clausier" >&2; exit 1; }

step "PASS: the .deb installs on a bare $suite and Clausier runs there"

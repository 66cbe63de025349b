#!/bin/sh
# Add DigitPad to this user's application menu (or remove it again with --uninstall).
#
#     ./install-desktop-entry.sh [--uninstall]
#
# Run it from the unpacked release folder (it finds the executable next to itself). It writes
# ~/.local/share/applications/digitpad.desktop, whose Exec= is this folder's `digitpad`, and the
# icon into ~/.local/share/icons/hicolor/<N>x<N>/apps/digitpad.png; nothing outside your home,
# no root needed. Move the folder? Run it again. XDG_DATA_HOME moves ~/.local/share as usual.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps="$data/applications"
icons="$data/icons/hicolor"
sizes="16 24 32 48 64 128 256 512"

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$apps/digitpad.desktop"
  for n in $sizes; do rm -f "$icons/${n}x${n}/apps/digitpad.png"; done
  echo "DigitPad's menu entry removed (the program folder $here is untouched)."
  exit 0
fi

[ -x "$here/digitpad" ] || { echo "install-desktop-entry.sh: no executable $here/digitpad" >&2; exit 1; }
for n in $sizes; do
  src="$here/_internal/assets/icons/digitpad-$n.png"
  [ -f "$src" ] || continue
  mkdir -p "$icons/${n}x${n}/apps"
  cp "$src" "$icons/${n}x${n}/apps/digitpad.png"
done

# Exec= quoting (Desktop Entry spec): the path in double quotes with \ " ` $ backslash-escaped, and
# % doubled; then the file's string syntax writes each backslash twice. TryExec is a plain string.
exec_path=$(printf '%s' "$here/digitpad" | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g' -e 's/%/%%/g')
try_path=$(printf '%s' "$here/digitpad" | sed -e 's/\\/\\\\/g')
mkdir -p "$apps"
tmp="$apps/.digitpad.desktop.$$"
{ grep -v -e '^Exec=' -e '^TryExec=' "$here/digitpad.desktop"; printf 'Exec="%s"\nTryExec=%s\n' "$exec_path" "$try_path"; } > "$tmp"
mv "$tmp" "$apps/digitpad.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" 2>/dev/null || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
echo "DigitPad added to your application menu: $apps/digitpad.desktop -> $here/digitpad"

#!/usr/bin/env bash
# Makes a trimmed Debian bookworm root filesystem with debootstrap, as a tarball (build.sh imports it into Podman).
#
#   rootfs.sh TARBALL PACKAGES [REMOVE]   e.g. rootfs.sh /tmp/jre.tar openjdk-17-jre-headless
#
# REMOVE: more paths (globs, relative to the root) this image never uses, deleted after the common trim.
#
# The layer is reproducible for a given set of package versions: files are sorted, owners numeric, every mtime set to
# SOURCE_DATE_EPOCH, and the package list (dpkg-query) is kept in /usr/share/debrief/packages.txt.
# Needs root and debootstrap. The Debian mirror is the one apt uses on this machine (DEBRIEF_DEBIAN_MIRROR overrides).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tarball="$1"; packages="$2"; remove="${3:-}"

mirror="${DEBRIEF_DEBIAN_MIRROR:-}"
if [ -z "$mirror" ]; then
  mirror="$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -1 || true)"
fi
if [ -z "$mirror" ]; then
  mirror="$(sed -n 's/^deb \(\[[^]]*\] \)\{0,1\}\([^ ]*\) bookworm .*/\2/p' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -1 || true)"
fi
mirror="${mirror:-http://deb.debian.org/debian}"
epoch="${SOURCE_DATE_EPOCH:-1735689600}"   # 2025-01-01T00:00:00Z

work="$(mktemp -d "${TMPDIR:-/var/tmp}/debrief-rootfs.XXXXXX")"
cleanup() {
  umount "$work/rootfs/proc" "$work/rootfs/sys" 2>/dev/null || true
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT
dir="$work/rootfs"
echo "debootstrap bookworm ($packages) from $mirror" >&2
debootstrap --variant=minbase --include="$packages" bookworm "$dir" "$mirror" > "$work/debootstrap.log" 2>&1 \
  || { tail -n 30 "$work/debootstrap.log" >&2; exit 1; }

mkdir -p "$dir/usr/share/debrief"
chroot "$dir" dpkg-query -W -f '${Package} ${Version}\n' > "$dir/usr/share/debrief/packages.txt"
# The unprivileged user every Debrief container runs as (the images' USER and the manifests' runAsUser)
grep -q '^debrief:' "$dir/etc/group" || echo 'debrief:x:10001:' >> "$dir/etc/group"
grep -q '^debrief:' "$dir/etc/passwd" || echo 'debrief:x:10001:10001:Debrief:/nonexistent:/usr/sbin/nologin' >> "$dir/etc/passwd"
grep -q '^debrief:' "$dir/etc/shadow" || echo 'debrief:!:19000::::::' >> "$dir/etc/shadow"

# Trim what a container never reads: documentation, manuals, translations, package caches and logs
rm -rf "$dir"/usr/share/doc/* "$dir"/usr/share/man/* "$dir"/usr/share/info/* "$dir"/usr/share/lintian \
       "$dir"/usr/share/locale/* "$dir"/usr/share/bash-completion "$dir"/var/cache/apt/* "$dir"/var/lib/apt/lists/* \
       "$dir"/var/cache/debconf/*-old "$dir"/var/lib/dpkg/*-old "$dir"/var/log/* "$dir"/tmp/* "$dir"/var/tmp/* \
       "$dir"/root/.bash_history
find "$dir/usr/share/i18n" -mindepth 1 -maxdepth 1 ! -name charmaps -exec rm -rf {} + 2>/dev/null || true
find "$dir" -xdev -name '__pycache__' -prune -exec rm -rf {} + 2>/dev/null || true
# glibc's iconv modules: nothing in these images converts character sets through iconv
rm -rf "$dir"/usr/lib/x86_64-linux-gnu/gconv
for path in $remove; do
  case "$path" in /*|*..*) echo "REMOVE paths are relative to the root: $path" >&2; exit 2 ;; esac
  # shellcheck disable=SC2086
  rm -rf "$dir"/$path
done
chmod 1777 "$dir/tmp"
: > "$dir/etc/machine-id"

mkdir -p "$(dirname "$tarball")"
tar -C "$dir" --sort=name --numeric-owner --mtime="@$epoch" --one-file-system -cf "$tarball.part" .
mv "$tarball.part" "$tarball"

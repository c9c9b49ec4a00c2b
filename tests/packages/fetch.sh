#!/bin/sh
# tests/packages/fetch.sh DIR: the packages of packages.txt unpacked in DIR/node_modules,
# fetched from the npm registry with curl or wget when missing, each checked against its
# pinned SHA-1. Nothing here is part of tinynode or committed: DIR is a cache outside
# the tree. Exits non-zero, saying why on its last line, when a package cannot be had
# (offline, no curl or wget, a checksum that does not match).
dir=$1
list=$(dirname "$0")/packages.txt
registry=${NPM_REGISTRY:-https://registry.npmjs.org}
mkdir -p "$dir/node_modules" "$dir/tarballs" || exit 1

download() { # download URL FILE
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --connect-timeout 3 --max-time 20 -o "$2" "$1"
  elif command -v wget >/dev/null 2>&1; then
    wget -q -T 5 -O "$2" "$1"
  else
    echo "neither curl nor wget is installed"
    return 1
  fi
}

grep -v '^#' "$list" | while read -r name version sha1; do
  [ -n "$name" ] || continue
  [ -f "$dir/node_modules/$name/.fetched-$version" ] && continue
  tarball="$dir/tarballs/$name-$version.tgz"
  if ! download "$registry/$name/-/$name-$version.tgz" "$tarball.part"; then
    rm -f "$tarball.part"
    echo "could not download $name@$version from $registry (offline?)"
    exit 1
  fi
  got=$(sha1sum "$tarball.part" | cut -d' ' -f1)
  if [ "$got" != "$sha1" ]; then
    rm -f "$tarball.part"
    echo "$name@$version: SHA-1 $got, expected $sha1"
    exit 1
  fi
  mv "$tarball.part" "$tarball"
  rm -rf "$dir/node_modules/$name" "$dir/unpack"
  mkdir -p "$dir/unpack" && tar -xzf "$tarball" -C "$dir/unpack" || exit 1
  mv "$dir/unpack/package" "$dir/node_modules/$name" && : >"$dir/node_modules/$name/.fetched-$version" || exit 1
  rm -rf "$dir/unpack"
done

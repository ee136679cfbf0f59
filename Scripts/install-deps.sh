#!/usr/bin/env bash
# Installs the Debian packages tarsier needs to build, test and run, if any are missing.
# Swift 6.3 itself is expected at /opt/swift or on PATH (see README).
set -euo pipefail
packages=(libncursesw5-dev libsqlite3-dev libopenblas-dev zlib1g-dev pkg-config tmux python3 python3-pip unzip librsvg2-bin time make man-db fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! command -v swift >/dev/null 2>&1; then
  if [ -x /opt/swift/usr/bin/swift ]; then export PATH="/opt/swift/usr/bin:$PATH"
  else echo "error: Swift 6.3 is not installed (https://www.swift.org/install/linux/)" >&2; exit 1; fi
fi

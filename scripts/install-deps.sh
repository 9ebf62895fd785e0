#!/usr/bin/env bash
# Installs every Debian package shido needs to build, run and test (idempotent: a machine
# that has them all is left alone). Uses sudo when not run as root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build lld pkg-config clang-format ccache
  clang libclang-rt-14-dev nginx-light
  librestinio-dev libasio-dev libfmt-dev libhttp-parser-dev nlohmann-json3-dev
  libsoci-dev libboost-dev libsqlite3-dev libpq-dev postgresql-15
  libxlsxwriter-dev libpango1.0-dev libcairo2-dev fonts-ipaexfont libqrencode-dev
  libsodium-dev libgtest-dev libgmock-dev libbenchmark-dev
  libcurl4-openssl-dev libical-dev python3-aiosmtpd python3-icalendar liboath-dev
  libzip-dev libexpat1-dev libdtl-dev python3-docx
  libreoffice-calc-nogui libreoffice-writer-nogui
  fonts-dejavu-core python3-openpyxl python3-xlsxwriter
  nodejs npm chromium poppler-utils wrk bc sqlite3 curl ca-certificates
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm may come from outside Debian (e.g. nodesource or nvm): keep what works.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}")
  missing=("${missing[@]/npm}")
fi
read -r -a missing <<<"${missing[*]:-}"

if ((${#missing[@]})); then
  echo "Installing Debian packages: ${missing[*]}"
  sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# The front end's tools (Vite 5, Vitest 3, vue-tsc, openapi-typescript) need Node.js 18.19 or newer:
# Debian 12's own nodejs (18.20) is enough, and so is any newer one.
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 18 || (a === 18 && b >= 19) ? 0 : 1)'; then
  echo "Node.js $(node --version) is too old: the front end needs Node.js 18.19 or newer." >&2
  exit 1
fi
# The distribution's PostgreSQL cluster is not used (tests start their own server).

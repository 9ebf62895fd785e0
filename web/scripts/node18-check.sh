#!/usr/bin/env bash
# Builds and tests the front end with Debian 12's own Node.js 18 and npm 9 (the packages nodejs,
# libnode108, npm and the node-* modules they use), whatever node the machine has installed.
# The packages are fetched with `apt-get download` and unpacked with `dpkg -x` into a folder of
# their own; Debian's node loads parts of itself from /usr/share/nodejs, so that folder is laid
# over /usr/share inside a private mount namespace (root needed; the machine is not changed).
#
# Usage (as root): web/scripts/node18-check.sh [work-dir]     default work-dir: /tmp/shido-node18
# Then runs, in a clean copy of web/ (from git HEAD): npm ci, npm run build, npm test,
# npm run typecheck. Set E2E_BASE_URL to also run npm run e2e against a running server.
set -euo pipefail
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
work=${1:-/tmp/shido-node18}
root=$work/root
version=$(apt-cache madison nodejs | awk '$3 ~ /^18\./ { print $3; exit }')
[ -n "$version" ] || { echo "no Debian nodejs 18 in the package lists (apt-get update first)" >&2; exit 1; }

if [ ! -x "$root/usr/bin/node" ] || [ ! -e "$root/usr/bin/npm" ]; then
  mkdir -p "$work/debs"
  # Every package npm depends on (recursively) that is a Node.js module, plus node itself.
  mapfile -t modules < <(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts \
    --no-breaks --no-replaces --no-enhances npm 2>/dev/null |
    grep -E '^(node-|libjs-|npm$|gyp$|eslint$|handlebars$|terser$|webpack$)' | sort -u)
  (cd "$work/debs" && apt-get download "nodejs=$version" "libnode108=$version" "${modules[@]}" >/dev/null 2>&1)
  rm -rf "$root"
  for deb in "$work"/debs/*.deb; do dpkg -x "$deb" "$root"; done
fi

rm -rf "$work/repo"
mkdir -p "$work/repo"
git -C "$repo" archive HEAD web src/http/openapi.json | tar -x -C "$work/repo"

unshare -m bash -euo pipefail -c '
  root=$1; base=${2:-}
  mount -t overlay overlay -o "lowerdir=$root/usr/share:/usr/share" /usr/share
  export PATH=$root/usr/bin:$PATH LD_LIBRARY_PATH=$root/usr/lib/x86_64-linux-gnu
  cd "$3/repo/web"
  echo "node $(node --version) ($(command -v node)), npm $(npm --version) ($(command -v npm))"
  npm ci --no-audit --no-fund
  npm run build
  npm test
  npm run typecheck
  if [ -n "$base" ]; then SHIDO_BASE_URL=$base npm run e2e; fi
  echo "node18-check: build, unit tests and type check passed with Debian'\''s Node.js $(node --version)"
' bash "$root" "${E2E_BASE_URL:-}" "$work"

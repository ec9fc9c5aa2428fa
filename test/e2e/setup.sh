#!/usr/bin/env bash
# Installs what the end-to-end tests and `npm start` need: Debian's chromium (driven by
# playwright-core), and code-server (VS Code in the browser) into the git-ignored .e2e/code-server/,
# never as a dependency of the extension. Idempotent: when everything is in place it only checks
# and returns within a second or two. Needs Node 20 (code-server 4.100 requires it), root (or sudo)
# for apt-get, and reaches only the npm registry and Debian's archive.
#
#   bash test/e2e/setup.sh          install if needed, then print the code-server version
#   IMBALANCE_LENS_E2E_DIR=DIR      install under DIR/code-server instead of .e2e/code-server
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
E2E_DIR="${IMBALANCE_LENS_E2E_DIR:-$ROOT/.e2e}"
INSTALL_DIR="$E2E_DIR/code-server"
CODE_SERVER="$INSTALL_DIR/node_modules/.bin/code-server"
APT_PACKAGES=(chromium ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config g++ make python3)

say() { printf 'e2e setup: %s\n' "$*"; }
fail() { printf 'e2e setup: error: %s\n' "$*" >&2; exit 1; }

node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo none)"
[ "$node_major" = 20 ] || fail "code-server $CODE_SERVER_VERSION needs Node 20; this is Node $node_major"

mkdir -p "$E2E_DIR"
# One setup at a time (npm start and a test run may both call this).
exec 9>"$E2E_DIR/.setup.lock"
flock 9

# 1. System packages: skip apt entirely when every one is installed.
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  [ "$status" = 'install ok installed' ] || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || fail "need root or sudo to apt-get install ${missing[*]}"
    sudo_cmd=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
fi

installed_version() {
  [ -x "$CODE_SERVER" ] || return 1
  "$CODE_SERVER" --version 2>/dev/null | head -n 1 | cut -d ' ' -f 1
}

if [ "$(installed_version || true)" = "$CODE_SERVER_VERSION" ]; then
  say "code-server $CODE_SERVER_VERSION ready at $CODE_SERVER"
  exit 0
fi

started=$SECONDS
say "installing code-server $CODE_SERVER_VERSION into $INSTALL_DIR"

# 2. @vscode/ripgrep's postinstall downloads ripgrep from GitHub, which this network cannot reach;
# it first looks in its cache under the temp dir, so put Debian's rg there under the asset's name.
tmp_root="${TMPDIR:-/tmp}"
rg_cache="$tmp_root/vscode-ripgrep-cache-1.15.11"
rg_asset="$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$rg_asset" ]; then
  rg_bin="$(command -v rg)" || fail "ripgrep (rg) is not installed"
  mkdir -p "$rg_cache"
  staging="$(mktemp -d "$tmp_root/il-rg.XXXXXX")"
  cp "$rg_bin" "$staging/rg"
  tar -czf "$rg_asset.partial" -C "$staging" rg
  mv "$rg_asset.partial" "$rg_asset"
  rm -rf "$staging"
fi

# 3. code-server from npm, in its own package folder (a package.json here keeps npm from walking
# up to the extension's own package.json).
rm -rf "$INSTALL_DIR"
mkdir -p "$INSTALL_DIR"
cat >"$INSTALL_DIR/package.json" <<'JSON'
{
  "name": "imbalance-lens-e2e-code-server",
  "private": true,
  "description": "code-server for Imbalance Lens's end-to-end tests and npm start; made by test/e2e/setup.sh"
}
JSON
cd "$INSTALL_DIR"
export npm_config_yes=true npm_config_unsafe_perm=true npm_config_audit=false npm_config_fund=false
npm install --loglevel=error "code-server@$CODE_SERVER_VERSION"
# npm 11 skips install scripts unless allowed; run the two that matter: code-server's postinstall
# (installs VS Code's own dependencies and builds their native modules) and argon2's binding.
npm rebuild --loglevel=error code-server argon2

version="$(installed_version || true)"
[ "$version" = "$CODE_SERVER_VERSION" ] || fail "code-server --version gave '${version:-nothing}', expected $CODE_SERVER_VERSION"
say "code-server $version installed in $((SECONDS - started)) s at $CODE_SERVER"

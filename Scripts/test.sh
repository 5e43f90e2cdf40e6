#!/usr/bin/env bash
# Installs what Kontor's build and tests need, checks the build, and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for package in pkg-config libsqlite3-dev libxml2-dev libssl-dev sqlite3 poppler-utils zbar-tools; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# The module boundaries of ARCHITECTURE.md: an import a target does not declare fails the build.
log=$(mktemp)
swift build --build-tests --explicit-target-dependency-import-check error 2>&1 | tee "$log"
if grep -E "^/.*/(Sources|Tests)/.*: warning:" "$log"; then
    echo "the build has warnings in Kontor's own code" >&2
    exit 1
fi
rm -f "$log"

swift test --skip-build "$@"

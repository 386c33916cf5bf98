#!/usr/bin/env bash
# Packages the VS Code extension of editors/vscode as build/vscode/eagraph.vsix: its dependency
# (vscode-languageclient) and the packager (@vscode/vsce) come from the npm registry. Run by
# run-tests.sh where npm is present; tests/test_editors.py then checks the package.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rm -rf build/vscode
mkdir -p build
cp -r editors/vscode build/vscode
cd build/vscode
npm install --omit=dev --no-audit --no-fund --loglevel=error >/dev/null
# vsce's output (a warning that a bundler would make the package smaller) is shown only when it fails
if ! output=$(npx --yes @vscode/vsce@3 package --skip-license --allow-missing-repository -o eagraph.vsix \
    </dev/null 2>&1); then
  echo "$output" >&2
  exit 1
fi

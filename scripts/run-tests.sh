#!/usr/bin/env bash
# The whole test suite on a fresh Debian machine: install, then pytest on both cores.
set -euo pipefail
cd "$(dirname "$0")/.."
# The browser tests of the generated site: Debian's Chromium and its driver, and axe-core from npm
# into build/node (no downloads at test time: the CI network reaches only the package registries).
bash scripts/setup.sh chromium chromium-driver
if [ ! -f build/node/node_modules/axe-core/axe.min.js ]; then
  command -v npm >/dev/null 2>&1 || { echo "eagraph tests: npm is needed for axe-core (apt-get install npm)" >&2; exit 1; }
  npm install --prefix build/node --no-audit --no-fund --loglevel=error axe-core@4 >/dev/null
fi
# The VS Code extension, packaged as build/vscode/eagraph.vsix where npm is present (checked by test_editors.py).
if command -v npm >/dev/null 2>&1; then
  bash scripts/package-vscode.sh
  export EAGRAPH_VSIX=required
fi
export EAGRAPH_BROWSER_TESTS=required   # installed above, so a missing browser fails instead of skipping
exec .venv/bin/python -m pytest -n auto -p no:cacheprovider "$@"

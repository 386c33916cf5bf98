#!/usr/bin/env bash
# The whole test suite on a fresh Debian machine: install, then pytest on both cores.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m pytest -n auto -p no:cacheprovider "$@"

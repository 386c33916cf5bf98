#!/usr/bin/env bash
# Installs what eagraph needs on a fresh Debian machine, into .venv beside this repository.
# Sourced by run-example.sh and run-tests.sh; safe to run again (it skips what is there).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@";
  elif command -v sudo >/dev/null 2>&1; then sudo "$@";
  else echo "eagraph setup: '$*' needs root; run it as root or install the packages listed in README.md" >&2; return 1; fi
}

debian_packages=()
command -v dot >/dev/null 2>&1 || debian_packages+=(graphviz)
command -v python3 >/dev/null 2>&1 || debian_packages+=(python3)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || debian_packages+=(python3-venv)
debian_packages+=("$@")   # callers add what their job needs (chromium for the browser tests, say)
missing=()
for package in "${debian_packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "eagraph setup: please install ${missing[*]} (no apt-get on this machine)" >&2; exit 1
  fi
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "eagraph setup: Python 3.11 or newer is needed, found $(python3 --version)" >&2; exit 1; }
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'

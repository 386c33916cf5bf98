#!/usr/bin/env bash
# Installs what eagraph needs on a fresh Debian machine, into .venv beside this repository.
# Run by run-example.sh and run-tests.sh; safe to run again: it skips what is there, and pip runs
# only when pyproject.toml or this script changed since the last successful install (a stamp in .venv
# holds their hash). It prints nothing when all goes well; pip's output is shown when pip fails.
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

stamp=.venv/eagraph-setup.stamp
wanted="$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -d' ' -f1)"
[ "$(cat "$stamp" 2>/dev/null)" = "$wanted" ] && exit 0
rm -f "$stamp"
log=.venv/eagraph-setup.log
# Quiet on success: an editable install of a package-dir layout makes setuptools print notes (and the
# machine's pip configuration may add its own), which read as a failed install. On failure, all of it.
if ! { .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip &&
       .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "eagraph setup: installing the Python packages into .venv failed (the output above is in $log)" >&2
  exit 1
fi
echo "$wanted" > "$stamp"

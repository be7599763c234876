#!/usr/bin/env bash
# Create a virtual environment and install the project's dependencies (with EXTRAS) when
# pyproject.toml changed. Usage: setup-venv.sh VENV [EXTRAS]
#   .venv       what Rollcall needs to run (./start.sh)
#   .venv-test  that, the test tools and the reference-table builder (./test.sh); kept apart
#               because the builder's pandas would slow every start (sqlite-utils imports it).
set -euo pipefail
cd "$(dirname "$0")/.."
venv="$1"
extras="${2:-}"
python="${PYTHON:-python3}"
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
stamp="$venv/.installed-$(cat pyproject.toml | sha256sum | cut -c1-16)-${extras:-base}"
if [ ! -f "$stamp" ]; then
    "$venv/bin/python" -m pip install --quiet --upgrade pip
    "$venv/bin/python" -m pip install --quiet ".${extras:+[$extras]}"
    rm -f "$venv"/.installed-*
    touch "$stamp"
fi

#!/usr/bin/env bash
# Set up (first time) and open the console on the bundled sources; arguments go to bot.py.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup-venv.sh .venv
if [ $# -eq 0 ]; then set -- ask; fi
exec .venv/bin/python bot.py "$@"

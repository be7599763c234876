#!/usr/bin/env bash
# Set up (first time) and run the whole test suite; arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup-venv.sh test
exec .venv/bin/python -m pytest "$@"

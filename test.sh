#!/usr/bin/env bash
# Set up (first time) and run the whole test suite; arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup-venv.sh .venv-test test,reference
exec .venv-test/bin/python -m pytest "$@"

#!/usr/bin/env bash
# Builds the demo city of 诸暨市 in the running local system (deploy/run-local.sh) through the gateway,
# then writes the day's death feed and DCI message under .run-local/demo-city. See bench/README.md.
source "$(dirname "$0")/common.sh"
run_bench DemoCityLoader "$@"

#!/usr/bin/env bash
# The death-flow benchmark on the loaded city: 10,000 deaths through the bulk CSV import until every
# effect is applied, latency from confirmation to the last effect, and the raw Kafka baseline.
source "$(dirname "$0")/common.sh"
run_bench DeathFlowBenchmark "$@"

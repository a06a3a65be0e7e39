#!/usr/bin/env bash
# Stops what deploy/run-local.sh started, in order: the gateway and the services (graceful
# shutdown), then Kafka, then the embedded database. Uses the pid files in .run-local/pids; a
# process that does not end within STOP_TIMEOUT seconds [30] is killed. Safe to run twice.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=deploy/local/common.sh
source "$ROOT/deploy/local/common.sh"
STOP_TIMEOUT=${STOP_TIMEOUT:-30}

# stop NAME...: sends SIGTERM to each, waits for all, then SIGKILL to those still running.
stop() {
  local name pid pids=() deadline=$((SECONDS + STOP_TIMEOUT))
  for name in "$@"; do
    pid=$(cat "$PID_DIR/$name.pid" 2>/dev/null || true)
    if is_ours "$pid"; then
      log "stopping $name"
      kill -TERM "$pid"
      pids+=("$pid")
    fi
    rm -f "$PID_DIR/$name.pid"
  done
  for pid in "${pids[@]}"; do
    while is_ours "$pid" && ((SECONDS < deadline)); do sleep 0.5; done
    if is_ours "$pid"; then
      log "killing $pid after ${STOP_TIMEOUT} s"
      kill -KILL "$pid"
    fi
  done
}

mapfile -t applications < <(deployables | awk '{ print $1 }' | tac)
stop "${applications[@]}"
stop kafka
stop embedded-db
log "stopped"

#!/usr/bin/env bash
# Empties the local system's data so that the demo city can be loaded again (deploy/demo/load-city.sh):
# the benchmark makes 11,000 of the city's 80,693 persons die on each run (10,000 and a warm-up of 1,000),
# so after about six runs there is nobody left to die. Drops the schema of every service (registry,
# relief, eldercare, veterans, income_verification; run-local.sh creates them again and each service's
# Flyway migrations rebuild it) and the demo city's files (.run-local/demo-city). Kafka's log is kept:
# the services' consumer groups have committed every event on it, so nothing old is applied again.
#
# Destructive: asks for --yes. Run it with the system stopped (deploy/stop-local.sh), then start it again
# with deploy/run-local.sh --performance and load the city. Uses DB_HOST/DB_PORT/DB_USER/DB_PASSWORD as
# run-local.sh does, with the mariadb or mysql client; with run-local.sh's embedded MariaDB (no server
# answering), its data directory .run-local/embedded-db is removed instead.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=deploy/local/common.sh
source "$ROOT/deploy/local/common.sh"

if [[ ${1:-} != --yes ]]; then
  echo "Usage: deploy/demo/reset-city.sh --yes" >&2
  echo "Drops every service's schema at ${DB_HOST:-127.0.0.1}:${DB_PORT:-3306} and .run-local/demo-city." >&2
  exit 2
fi
for file in "$PID_DIR"/*.pid; do
  [[ -r $file ]] || continue
  if is_ours "$(cat "$file")"; then
    fail "$(basename "$file" .pid) is running: stop the system first (deploy/stop-local.sh)"
  fi
done

DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-}
if port_answers "$DB_HOST" "$DB_PORT"; then
  client=$(command -v mariadb || command -v mysql || true)
  [[ -n $client ]] || fail "no mariadb or mysql client on the path to drop the schemas at $DB_HOST:$DB_PORT"
  deployables | awk '$3 != "-" { print $3 }' | while read -r schema; do
    log "dropping schema $schema at $DB_HOST:$DB_PORT"
    MYSQL_PWD=$DB_PASSWORD "$client" --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" \
      -e "DROP DATABASE IF EXISTS \`$schema\`" || fail "could not drop schema $schema as $DB_USER"
  done
elif [[ -d $RUN_DIR/embedded-db ]]; then
  log "removing the embedded database's data ($RUN_DIR/embedded-db)"
  rm -rf "$RUN_DIR/embedded-db"
else
  fail "no database answers at $DB_HOST:$DB_PORT and there is no embedded database's data to remove"
fi
rm -rf "$RUN_DIR/demo-city"
log "emptied; start the system (deploy/run-local.sh --performance) and load the city (deploy/demo/load-city.sh)"

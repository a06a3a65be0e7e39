#!/usr/bin/env bash
# Runs the whole system on this machine with one command: builds what is missing, starts a
# single-node Kafka broker and (when no database answers) an embedded MariaDB, starts every service
# and the gateway, waits until all are ready, prints the URLs and keeps running until Ctrl-C, when
# it stops everything (services, then Kafka, then the embedded database).
#
# Needs only a JDK 17, access to Maven Central and this repository. See deploy/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=deploy/local/common.sh
source "$ROOT/deploy/local/common.sh"

usage() {
  cat <<EOF
Usage: deploy/run-local.sh [--rebuild] [--no-gateway] [--performance] [--help]

Starts Kafka, the database if needed, every service and the gateway; Ctrl-C stops them all.

  --rebuild      rebuild every jar, even those newer than their sources
  --no-gateway   start the services only (reach each on its own port)
  --performance  for the demo city loader and the benchmark: JVM options with C2 on, larger heaps and
                 code cache (about 3.1 GB resident in all) unless SERVICE_JAVA_OPTS is set, and the
                 gateway's per-client rate limit at 5000/s (burst 10000) unless RATE_LIMIT_* are set
  --help         show this text

Environment (defaults in brackets):
  DB_HOST [127.0.0.1]  DB_PORT [3306]  DB_USER [root]  DB_PASSWORD []
      the MySQL-compatible server; when none answers at DB_HOST:DB_PORT and DB_HOST is this
      machine, an embedded MariaDB is started on DB_PORT (data in .run-local/embedded-db)
  KAFKA_BOOTSTRAP_SERVERS  an existing Kafka to use; unset: a local broker on KAFKA_PORT [9092]
                           (controller on KAFKA_CONTROLLER_PORT [9093], data in .run-local/kafka)
  SERVICE_JAVA_OPTS    JVM options of each service and the gateway [$SERVICE_JAVA_OPTS]
  KAFKA_JAVA_OPTS      JVM options of the broker [$KAFKA_JAVA_OPTS]
  SPRING_PROFILES_ACTIVE  [local]       HEALTH_TIMEOUT  seconds to wait for readiness [240]

Logs: .run-local/logs/<name>.log. Stop from another terminal: deploy/stop-local.sh
EOF
}

REBUILD=false
WITH_GATEWAY=true
for argument in "$@"; do
  case "$argument" in
    --rebuild) REBUILD=true ;;
    --no-gateway) WITH_GATEWAY=false ;;
    --performance)
      [[ $SERVICE_JAVA_OPTS == "$LEAN_JAVA_OPTS" ]] && SERVICE_JAVA_OPTS=$PERFORMANCE_JAVA_OPTS
      # the loader is one client making 200,000 calls: the gateway's per-client limit (20/s) would hold it for hours
      export RATE_LIMIT_REQUESTS=${RATE_LIMIT_REQUESTS:-5000} RATE_LIMIT_BURST=${RATE_LIMIT_BURST:-10000}
      ;;
    --help | -h) usage; exit 0 ;;
    *) echo "Unknown option: $argument" >&2; usage >&2; exit 2 ;;
  esac
done

DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-}
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-240}
export SPRING_PROFILES_ACTIVE=${SPRING_PROFILES_ACTIVE:-local}

# --- the deployables to run ---------------------------------------------------------------------

selected_deployables() {
  local name port schema
  while read -r name port schema; do
    if [[ $name == gateway && $WITH_GATEWAY == false ]]; then continue; fi
    echo "$name $port $schema"
  done < <(deployables)
}

refuse_if_running() {
  local name port schema pid_names=()
  for file in "$PID_DIR"/*.pid; do
    [[ -e $file ]] && is_ours "$(cat "$file")" && pid_names+=("$(basename "$file" .pid)")
  done
  if ((${#pid_names[@]})); then
    fail "already running: ${pid_names[*]} (stop with deploy/stop-local.sh)"
  fi
  while read -r name port schema; do
    port_answers 127.0.0.1 "$port" && fail "port $port (for $name) is taken by another process"
  done < <(selected_deployables)
  return 0
}

# --- build ---------------------------------------------------------------------------------------

# The modules whose jar is missing or older than its sources, the platform's or a pom.
stale_modules() {
  local name port schema jar
  while read -r name port schema; do
    jar=$(fat_jar "$name")
    if [[ $REBUILD == true || -z $jar ]] \
      || [[ -n $(find "$ROOT/$name/src" "$ROOT/$name/pom.xml" "$ROOT/platform/src" \
        "$ROOT/platform/pom.xml" "$ROOT/pom.xml" -newer "$jar" -print -quit) ]]; then
      echo "$name"
    fi
  done < <(selected_deployables)
}

build_missing_jars() {
  local modules
  modules=$(stale_modules | paste -sd, -)
  if [[ -z $modules ]]; then
    log "jars are up to date"
    return
  fi
  log "building $modules"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl "$modules" -am)
}

# --- database ------------------------------------------------------------------------------------

start_database() {
  if port_answers "$DB_HOST" "$DB_PORT"; then
    log "using the MySQL-compatible server at $DB_HOST:$DB_PORT"
    create_schemas_with_client
    return
  fi
  if [[ $DB_HOST != 127.0.0.1 && $DB_HOST != localhost ]]; then
    fail "no database answers at $DB_HOST:$DB_PORT"
  fi
  log "no database at $DB_HOST:$DB_PORT: starting an embedded MariaDB there"
  local classpath
  classpath=$(cached_classpath embedded-db)
  local schemas
  schemas=$(deployables | awk '$3 != "-" { print $3 }')
  # shellcheck disable=SC2086 # one argument per schema
  start_process embedded-db java -Xmx64m -cp "$classpath" \
    "$ROOT/deploy/local/embedded-db/EmbeddedDatabase.java" "$DB_PORT" "$RUN_DIR/embedded-db" $schemas
  wait_for "embedded-db" 120 log_contains embedded-db '^READY '
}

# The services create their schemas themselves (createDatabaseIfNotExist, Flyway); a client on the
# path lets us create them first in utf8mb4 whatever the server's default character set.
create_schemas_with_client() {
  local client
  client=$(command -v mariadb || command -v mysql || true)
  [[ -n $client ]] || return 0
  deployables | awk '$3 != "-" { print $3 }' | while read -r schema; do
    MYSQL_PWD=$DB_PASSWORD "$client" --host="$DB_HOST" --port="$DB_PORT" --user="$DB_USER" -e \
      "CREATE DATABASE IF NOT EXISTS \`$schema\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" \
      || fail "could not create schema $schema at $DB_HOST:$DB_PORT as $DB_USER"
  done
}

# --- Kafka ---------------------------------------------------------------------------------------

start_kafka() {
  if [[ -n ${KAFKA_BOOTSTRAP_SERVERS:-} ]]; then
    log "using the Kafka at $KAFKA_BOOTSTRAP_SERVERS"
    return
  fi
  port_answers 127.0.0.1 "$KAFKA_PORT" && fail "port $KAFKA_PORT (for Kafka) is taken by another process"
  export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
  local classpath properties=$RUN_DIR/kafka/server.properties
  classpath=$(cached_classpath kafka)
  mkdir -p "$RUN_DIR/kafka/data"
  # One node that is both broker and controller (KRaft); replication factors 1. Topics are declared
  # by the services (EVENTS.md), never auto-created.
  cat >"$properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$RUN_DIR/kafka/data
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  if [[ ! -f $RUN_DIR/kafka/data/meta.properties ]]; then
    log "formatting the Kafka log directory"
    local cluster_id
    cluster_id=$(java -cp "$classpath" kafka.tools.StorageTool random-uuid 2>/dev/null)
    java -cp "$classpath" kafka.tools.StorageTool format -t "$cluster_id" -c "$properties" \
      >>"$LOG_DIR/kafka.log" 2>&1 || fail "could not format the Kafka log directory; see $LOG_DIR/kafka.log"
  fi
  # shellcheck disable=SC2086 # KAFKA_JAVA_OPTS holds several options
  start_process kafka java $KAFKA_JAVA_OPTS -cp "$classpath" kafka.Kafka "$properties"
  wait_for kafka 60 port_answers 127.0.0.1 "$KAFKA_PORT"
}

# --- services ------------------------------------------------------------------------------------

start_services() {
  local name port schema
  export DB_HOST DB_PORT DB_USER DB_PASSWORD KAFKA_BOOTSTRAP_SERVERS
  export DB_POOL_SIZE=${DB_POOL_SIZE:-5}
  while read -r name port schema; do
    [[ $name == gateway ]] && continue
    start_java_application "$name" "$port"
  done < <(selected_deployables)
  wait_until_ready "$(selected_deployables | grep -v '^gateway ')"
  if [[ $WITH_GATEWAY == true ]]; then
    start_java_application gateway "$(deployables | awk '$1 == "gateway" { print $2 }')"
    wait_until_ready "$(selected_deployables | grep '^gateway ')"
  fi
}

start_java_application() {
  local name=$1 port=$2
  # shellcheck disable=SC2086 # SERVICE_JAVA_OPTS holds several options
  PORT=$port start_process "$name" java $SERVICE_JAVA_OPTS -jar "$(fat_jar "$name")"
}

wait_until_ready() {
  local name port schema
  while read -r name port schema; do
    wait_for "$name" "$HEALTH_TIMEOUT" http_ok "$port" /actuator/health/readiness
    log "$name is ready"
  done <<<"$1"
}

print_urls() {
  local name port schema
  echo
  echo "All started. Logs: $LOG_DIR/<name>.log"
  if [[ $WITH_GATEWAY == true ]]; then
    url_line gateway "http://localhost:8080/"
    url_line "Swagger UI" "http://localhost:8080/swagger-ui.html"
  fi
  while read -r name port schema; do
    [[ $name == gateway ]] || url_line "$name" "http://localhost:$port/  (Swagger UI /swagger-ui.html, health /actuator/health)"
  done < <(selected_deployables)
  url_line Kafka "$KAFKA_BOOTSTRAP_SERVERS"
  url_line database "jdbc:mysql://$DB_HOST:$DB_PORT/ (user $DB_USER)"
  echo "Press Ctrl-C to stop everything."
}

url_line() { printf '  %-28s %s\n' "$1" "$2"; }

# Reports, once, each process that ends while the system runs; the others keep running. Ends when
# deploy/stop-local.sh (from another shell) has stopped everything and removed the pid files.
watch_processes() {
  local reported=()
  while true; do
    if ! compgen -G "$PID_DIR/*.pid" >/dev/null; then
      echo "[run-local] everything was stopped (deploy/stop-local.sh); exiting"
      return 0
    fi
    for file in "$PID_DIR"/*.pid; do
      [[ -e $file ]] || continue
      local name
      name=$(basename "$file" .pid)
      if ! is_ours "$(cat "$file")" && [[ " ${reported[*]} " != *" $name "* ]]; then
        reported+=("$name")
        echo "[run-local] $name has stopped; last lines of $LOG_DIR/$name.log:" >&2
        tail -n 20 "$LOG_DIR/$name.log" >&2
      fi
    done
    sleep 2
  done
}

stop_all() {
  trap - INT TERM EXIT
  echo
  "$ROOT/deploy/stop-local.sh"
}

# Stops what was started when the runner fails (fail, or an unexpected error under set -e).
on_exit() {
  if (($1)); then stop_all; fi
  exit "$1"
}

main() {
  mkdir -p "$LOG_DIR" "$PID_DIR"
  refuse_if_running
  build_missing_jars
  trap 'stop_all; exit 130' INT
  trap 'stop_all; exit 143' TERM
  trap 'on_exit $?' EXIT
  local started=$SECONDS
  start_database
  start_kafka
  start_services
  log "all ready in $((SECONDS - started)) s"
  print_urls
  watch_processes
}

main

# shellcheck shell=bash
# Shared by deploy/run-local.sh and deploy/stop-local.sh (sourced, not run). Expects ROOT to be the
# repository's root.

# The deployables, in start order: name (= Maven module = spring.application.name), HTTP port, and
# the schema it owns ("-" for none). A new deployable is one line here.
deployables() {
  cat <<'EOF'
auth-server                 9000 -
registry-service            8081 registry
relief-service              8082 relief
eldercare-service           8083 eldercare
veterans-service            8084 veterans
income-verification-service 8085 income_verification
gateway                     8080 -
EOF
}

RUN_DIR=$ROOT/.run-local
LOG_DIR=$RUN_DIR/logs
PID_DIR=$RUN_DIR/pids

# Heap and off-heap limits that keep six Spring Boot JVMs and the broker well under 4 GB resident
# (figures in deploy/README.md). C1 only (TieredStopAtLevel=1) starts faster and uses less code
# cache; peak throughput is lower, which does not matter for trying the APIs by hand.
LEAN_JAVA_OPTS="-Xmx192m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=48m -XX:TieredStopAtLevel=1 -XX:MaxDirectMemorySize=64m"
# run-local.sh --performance: C2 on and room for its code, for the demo city loader and the benchmark
# (bench/README.md). Measured on the 2-core machine: the loader's programme calls went from 48-80/s (lean)
# to about 330/s; with a 64 MB code cache relief's C2 thread took 47 % of a core recompiling what the full
# cache flushed. About 3.1 GB resident for all eight processes after the benchmark.
PERFORMANCE_JAVA_OPTS="-Xmx320m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=160m -XX:MaxDirectMemorySize=64m"
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:-$LEAN_JAVA_OPTS}
KAFKA_JAVA_OPTS=${KAFKA_JAVA_OPTS:--Xmx256m -Xms256m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=96m}

log() { echo "[run-local] $*"; }
fail() { echo "[run-local] ERROR: $*" >&2; exit 1; }

# True when something accepts TCP connections at host:port.
port_answers() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# True when GET http://127.0.0.1:port/path answers 200 (bash only: curl may not be installed).
http_ok() (
  exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&3
  read -r -t 5 status_line <&3 && [[ $status_line == HTTP/*' 200'* ]]
) 2>/dev/null

# True when pid is a live process started from this repository (guards against reused pids).
is_ours() { [[ -n $1 && -r /proc/$1/cmdline ]] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -qF "$ROOT"; }

log_contains() { grep -q "$2" "$LOG_DIR/$1.log"; }

# Starts a command in its own session (so that Ctrl-C reaches only the runner, which then stops
# everything in order), its output to .run-local/logs/<name>.log, its pid to .run-local/pids.
start_process() {
  local name=$1
  shift
  log "starting $name (log: $LOG_DIR/$name.log)"
  (cd "$RUN_DIR" && exec setsid "$@" >"$LOG_DIR/$name.log" 2>&1 </dev/null) &
  echo $! >"$PID_DIR/$name.pid"
}

# wait_for NAME SECONDS COMMAND...: waits until COMMAND succeeds; fails naming NAME with the end of
# its log when NAME's process ends or SECONDS pass.
wait_for() {
  local name=$1 timeout=$2 deadline=$((SECONDS + $2))
  shift 2
  until "$@"; do
    if ! is_ours "$(cat "$PID_DIR/$name.pid")"; then
      tail -n 30 "$LOG_DIR/$name.log" >&2
      fail "$name stopped while starting; log: $LOG_DIR/$name.log"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 30 "$LOG_DIR/$name.log" >&2
      fail "$name is not ready after ${timeout} s; log: $LOG_DIR/$name.log"
    fi
    sleep 1
  done
}

# The classpath of deploy/local/<name>/pom.xml, asked of Maven once and cached in .run-local.
cached_classpath() {
  local pom=$ROOT/deploy/local/$1/pom.xml cache=$RUN_DIR/$1.classpath
  if [[ ! -s $cache || $pom -nt $cache || $ROOT/pom.xml -nt $cache ]]; then
    (cd "$ROOT" && ./mvnw -B -q -f "$pom" dependency:build-classpath -Dmdep.outputFile="$cache") >&2 \
      || fail "could not resolve the classpath of $pom"
  fi
  cat "$cache"
}

# The Spring Boot fat jar of a module, or nothing when it is not built.
fat_jar() {
  local jar
  for jar in "$ROOT/$1/target/$1"-*.jar; do
    [[ -e $jar && $jar != *-tests.jar && $jar != *-sources.jar && $jar != *-plain.jar ]] && echo "$jar" && return
  done
  return 0
}

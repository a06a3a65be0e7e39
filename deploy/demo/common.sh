# Shared by the demo scripts: builds the bench module when its classes are missing and runs one of its
# main classes with the bench.* settings taken from BENCH_* environment variables
# (BENCH_HOUSEHOLDS=2000 -> -Dbench.households=2000; see bench/README.md for the list).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"

# The services of run-local.sh's lean default run C1 only: the loader then makes 48-80 programme calls a
# second instead of about 330, and the benchmark measures code C2 never compiled (bench/README.md).
warn_if_lean() {
  local file pid
  for file in .run-local/pids/*-service.pid; do
    [[ -r $file ]] || continue
    pid=$(cat "$file")
    if [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q 'TieredStopAtLevel=1'; then
      echo "NOTE: the services run C1 only (run-local.sh's lean default); for the demo city and the benchmark" \
        "restart them with ./deploy/run-local.sh --performance" >&2
      return
    fi
  done
}

run_bench() {
  local main_class=$1; shift
  if [[ ! -d bench/target/classes || ! -d bench/target/lib ]]; then
    ./mvnw -B -q -pl bench -am package -DskipTests
  fi
  local properties=()
  while IFS='=' read -r name value; do
    local key=${name#BENCH_}
    # BENCH_ROWS_PER_FILE -> rowsPerFile
    key=$(echo "$key" | tr 'A-Z' 'a-z' | sed -E 's/_([a-z])/\U\1/g')
    properties+=("-Dbench.$key=$value")
  done < <(env | grep '^BENCH_' || true)
  warn_if_lean
  exec java ${BENCH_JAVA_OPTS:--Xmx1g} "${properties[@]}" -cp "bench/target/classes:bench/target/lib/*" \
    "gov.civilaffairs.bench.$main_class" "$@"
}

# Shared by the demo scripts: builds the bench module when its classes are missing and runs one of its
# main classes with the bench.* settings taken from BENCH_* environment variables
# (BENCH_HOUSEHOLDS=2000 -> -Dbench.households=2000; see bench/README.md for the list).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"

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
  exec java ${BENCH_JAVA_OPTS:--Xmx1g} "${properties[@]}" -cp "bench/target/classes:bench/target/lib/*" \
    "gov.civilaffairs.bench.$main_class" "$@"
}

#!/usr/bin/env bash
# Makes sure the MySQL-compatible server the tests use answers at 127.0.0.1:3306 as root with an
# empty password, and that every service's test schema exists in utf8mb4.
# Starts the machine's MariaDB when it is stopped (see shared/design/BUILD-NOTES.md).
set -euo pipefail

HOST=127.0.0.1
PORT=3306
SCHEMAS=(registry_test relief_test eldercare_test veterans_test income_verification_test)

answers() { mariadb-admin --host="$HOST" --port="$PORT" --user=root ping >/dev/null 2>&1; }

if ! answers; then
  if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
    echo "No MySQL-compatible server answers at $HOST:$PORT and none is installed; installing MariaDB" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server >/dev/null
  fi
  echo "Starting MariaDB" >&2
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
  for _ in $(seq 1 60); do
    answers && break
    sleep 1
  done
fi

if ! answers; then
  # The server may be up but refuse TCP logins for root (Debian's unix_socket default).
  if mariadb -uroot -e 'SELECT 1' >/dev/null 2>&1; then
    mariadb -uroot <<'SQL'
CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED VIA mysql_native_password USING PASSWORD('');
GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket;
FLUSH PRIVILEGES;
SQL
  fi
fi

if ! mariadb --host="$HOST" --port="$PORT" --user=root -e 'SELECT 1' >/dev/null 2>&1; then
  echo "The MySQL-compatible server at $HOST:$PORT does not accept root with an empty password" >&2
  exit 1
fi

# Every Spring test context keeps its own connection pool while cached, and the system tests start six
# deployables with theirs: MariaDB's default of 151 connections runs out when several builds share the
# server ("Too many connections"). Raise it for this server's lifetime when it is lower.
MAX_CONNECTIONS=$(mariadb --host="$HOST" --port="$PORT" --user=root -N -e 'SELECT @@GLOBAL.max_connections')
if [ "$MAX_CONNECTIONS" -lt 600 ]; then
  mariadb --host="$HOST" --port="$PORT" --user=root -e 'SET GLOBAL max_connections = 600'
  echo "MariaDB max_connections raised from $MAX_CONNECTIONS to 600" >&2
fi

for schema in "${SCHEMAS[@]}"; do
  mariadb --host="$HOST" --port="$PORT" --user=root \
    -e "CREATE DATABASE IF NOT EXISTS \`$schema\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
done
echo "MySQL-compatible server ready at $HOST:$PORT; test schemas: ${SCHEMAS[*]}"

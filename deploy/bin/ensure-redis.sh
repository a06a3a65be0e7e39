#!/usr/bin/env bash
# Makes sure a Redis answers at 127.0.0.1:6379 for the gateway's rate-limit tests (RedisRateLimitIT).
# Starts the machine's Redis when it is stopped; installs it from Debian's packages when missing.
set -euo pipefail

if redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  exit 0
fi
if ! command -v redis-server >/dev/null 2>&1; then
  echo "Installing Redis" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi
mkdir -p /var/lib/redis /var/log/redis
redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
  --dir /var/lib/redis --logfile /var/log/redis/ci.log
for _ in $(seq 1 30); do
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && { echo "Redis ready at 127.0.0.1:6379"; exit 0; }
  sleep 1
done
echo "Redis did not start at 127.0.0.1:6379" >&2
exit 1

#!/usr/bin/env bash
# CPU and wall time of one API start, from launch until it answers /health/ready and a first authenticated read (what
# the tests' ApiProcess waits for), on a throw-away SQLite file. Extra arguments are NAME=VALUE environment settings.
#   bench/Suite/start-cpu.sh [API_DIR] [NAME=VALUE ...]
# API_DIR: a directory holding Restaurant.Api.dll (default: the API tests' build output); for the ReadyToRun copy:
#   dotnet publish src/Api -c Debug -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /tmp/api-r2r
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
api_dir="$repo/tests/Api.Tests/bin/Debug/net10.0"
if [[ $# -gt 0 && "$1" != *=* ]]; then api_dir="$1"; shift; fi
work="$(mktemp -d)"
port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();})')"
cd "$api_dir"
env ASPNETCORE_ENVIRONMENT=Testing Restaurant__StaffKeys__0=bench-key Logging__LogLevel__Default=Warning \
  Restaurant__Database=sqlite "ConnectionStrings__Restaurant=Data Source=$work/restaurant.db" "$@" \
  dotnet Restaurant.Api.dll --urls "http://127.0.0.1:$port" >"$work/log" 2>&1 &
pid=$!
trap 'kill -9 $pid 2>/dev/null || true; rm -rf "$work"' EXIT
started=$(date +%s.%N)
until ! kill -0 $pid 2>/dev/null || { curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null &&
  curl -sf -H "Authorization: Bearer bench-key" "http://127.0.0.1:$port/kitchen/tickets?after=0" >/dev/null; }; do sleep 0.05; done
kill -0 $pid 2>/dev/null || { echo "the API exited:"; tail -20 "$work/log"; exit 1; }
ended=$(date +%s.%N)
read -r user system <<<"$(awk '{print $14, $15}' /proc/$pid/stat)"
ticks=$(getconf CLK_TCK)
awk -v w="$(echo "$ended - $started" | bc)" -v c="$(( user + system ))" -v t="$ticks" 'BEGIN { printf "wall %.2f s, cpu %.2f s\n", w, c / t }'

#!/usr/bin/env bash
# CPU of one part of the API tests, split between the test host and the API processes it started (counted once they
# have been reaped), sampled until the run ends. Run it on an otherwise quiet machine, after `dotnet build Restaurant.sln`.
#   bench/Suite/class-cpu.sh FILTER [NAME=VALUE ...]
# e.g. bench/Suite/class-cpu.sh "FullyQualifiedName~PaymentCrashTests" RESTAURANT_TEST_API_DIR=/tmp/api-r2r
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
filter="$1"; shift
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
started=$SECONDS
env "$@" dotnet test "$repo/tests/Api.Tests" --no-build --filter "$filter" >"$log" 2>&1 &
run=$!
last=""
while kill -0 $run 2>/dev/null; do
  host=$(pgrep -f "testhost.dll" | head -1 || true)
  if [[ -n "$host" ]] && sample=$(awk '{print $14 + $15, $16 + $17}' "/proc/$host/stat" 2>/dev/null); then last="$sample"; fi
  sleep 0.5
done
grep -E "Passed!|Failed!" "$log" || { cat "$log"; exit 1; }
read -r own children <<<"$last"
ticks=$(getconf CLK_TCK)
awk -v o="$own" -v c="$children" -v t="$ticks" -v w=$((SECONDS - started)) \
  'BEGIN { printf "wall %d s; cpu: test host %.0f s, API processes %.0f s\n", w, o / t, c / t }'

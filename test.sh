#!/usr/bin/env bash
# Runs every test of the repository:
#   1. dotnet test Restaurant.Tests.slnf      (domain unit tests, API tests on SQLite, and the pages in Chromium:
#                                             tests/Browser.Tests, with /usr/bin/chromium or RESTAURANT_CHROMIUM)
#   2. the API tests again on PostgreSQL      (the server in RESTAURANT_TEST_POSTGRES, else a throw-away cluster when
#                                             PostgreSQL is installed; skipped, and said so, when there is neither; the
#                                             outage tests start clusters of their own from RESTAURANT_TEST_PG_BIN)
#   3. the http-samples/*.http collection     (httpyac, against a real server on a throw-away SQLite file)
#   4. the OpenAPI contract                   (the same server's /openapi/v1.json: Redocly lint, then a TypeScript
#                                             client generated from it plays the seed's story; clients/typescript;
#                                             the pages' JavaScript is type-checked against the same generated types)
# After one build, 1 and 2 run in the background side by side (each test server has a database of its own, so the runs
# share nothing) while 3 and 4 run in the foreground; each background run's output is printed when it has finished,
# and the summary gives every stage's wall time.
# Exits non-zero if anything failed; the last line is "test.sh: all tests passed" on success.
#
#   ./test.sh                  everything
#   SKIP_DOTNET_TEST=1 ./test.sh   only the .http collection and the contract (it still builds the API)
#   SKIP_POSTGRES=1 ./test.sh      everything but the PostgreSQL run
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$repo"
export DOTNET_NOLOGO=1

ready_timeout=60   # seconds for the API to answer /health/ready
http_timeout=120   # seconds for the whole .http collection

work="$(mktemp -d "${TMPDIR:-/tmp}/restaurant-test.XXXXXX")"
# Scratch space for the test runs (their TMPDIR): the PostgreSQL clusters, the SQLite files, the browsers' profiles. On
# the RAM-backed /dev/shm when it has room: a run creates and deletes tens of thousands of files (each PostgreSQL
# database is a few hundred), and on ext4 every new file's inode search steps over the recently deleted ones, which
# cost the PostgreSQL server more CPU than its queries (docs/benchmarks.md "The test suite").
scratch_parent="${TMPDIR:-/tmp}"
if [[ -d /dev/shm && -w /dev/shm ]] && (($(df -Pk /dev/shm | awk 'NR == 2 { print $4 }') > 2 * 1024 * 1024)); then
  scratch_parent=/dev/shm
fi
scratch="$(mktemp -d "$scratch_parent/restaurant-scratch.XXXXXX")"
chmod 711 "$scratch" # the postgres user reaches the clusters' directories inside it
server_pid=""
pg_dir=""
pg_bin=""
passed=0
failed=0
failures=()
background_pids=()
timings=()

cleanup() {
  local status=$?
  # The background test runs, each with its test hosts and API processes (a process group each).
  for pid in "${background_pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [[ -n "$pg_dir" ]]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
  rm -rf "$work" "$scratch"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step() { printf '\n=== test.sh: %s ===\n' "$*"; }
# initdb and postgres refuse to run as root: run them as the postgres user then.
as_postgres() { if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'; }
# Adds one VSTest log's "Failed: N, Passed: M" counts to the totals.
count_dotnet() {
  local counts
  counts="$(grep -oE 'Failed: +[0-9]+, Passed: +[0-9]+' "$1" || true)"
  dotnet_failed="$(awk '{ gsub(",", ""); f += $2 } END { print f + 0 }' <<<"$counts")"
  dotnet_passed="$(awk '{ gsub(",", ""); p += $4 } END { print p + 0 }' <<<"$counts")"
  passed=$((passed + dotnet_passed))
  failed=$((failed + dotnet_failed))
}
fail() { failures+=("$1"); }
# timing NAME STARTED: notes how long NAME took since SECONDS was STARTED.
timing() { timings+=("$(printf '%-45s %4d s' "$1" $((SECONDS - $2)))"); }
# finish_dotnet NAME PID LOG: waits for a background test run, prints its log and adds its counts.
finish_dotnet() {
  local name="$1" pid="$2" log="$3" ok=1
  wait "$pid" || ok=0
  step "$name (finished; its output follows)"
  cat "$log"
  timings+=("$(printf '%-45s %4d s' "$name" "$(cat "$log.seconds" 2>/dev/null || echo 0)")")
  # VSTest prints one line per test assembly: "Passed!  - Failed: 0, Passed: 154, Skipped: 0, Total: 154, ..."
  count_dotnet "$log"
  if [[ "$ok" != 1 ]]; then
    # A run that failed without test counts (a crash) still counts, so the summary never says "0 failed" on a failure.
    [[ "$dotnet_failed" -gt 0 ]] || failed=$((failed + 1))
    fail "$name"
  fi
}

# --- 1. one build, then the test runs side by side ----------------------------------------------
# The domain tests, the API tests on SQLite and the API tests on PostgreSQL share nothing but the build (every API
# server has a database of its own), so they run at the same time, while the .http collection and the contract run
# in the foreground; each run's log is printed once it has finished.
# What the tests run (Restaurant.Tests.slnf: the API, the domain and the three test projects), not the benchmarks of
# bench/, which no test runs: .ci/run builds the whole solution first, so a benchmark that stops compiling fails CI.
step "dotnet build Restaurant.Tests.slnf"
build_started=$SECONDS
if ! dotnet build Restaurant.Tests.slnf -v:q; then
  echo "test.sh: FAILED: dotnet build Restaurant.Tests.slnf" >&2
  exit 1
fi
timing "build" "$build_started"
api_dll="$(dotnet msbuild src/Api -getProperty:TargetPath)"

# The API tests start the API as a separate process about 140 times (crash, history and multi-node tests). Compiled
# ahead of time (ReadyToRun), each start and its first requests spend about a third less CPU on the JIT, which is more
# than this publish costs; those tests find it through RESTAURANT_TEST_API_DIR (tests/Api.Tests/Support/ApiProcess.cs).
step "dotnet publish src/Api ahead of time (ReadyToRun) for the tests' API processes"
publish_started=$SECONDS
if dotnet publish src/Api -c Debug -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/api" -v:q; then
  export RESTAURANT_TEST_API_DIR="$work/api"
else
  echo "test.sh: the ReadyToRun publish failed; the tests start the API from their own build instead" >&2
fi
timing "publish (ReadyToRun)" "$publish_started"

# run_in_background NAME LOG COMMAND...: runs COMMAND in a process group of its own (so that cleanup can stop it with
# its test hosts and API processes), its output in LOG and its wall time in LOG.seconds.
run_in_background() {
  local name="$1" log="$2"
  shift 2
  TMPDIR="$scratch" setsid bash -c 'started=$SECONDS; "$@" >"$0" 2>&1; status=$?; echo $((SECONDS - started)) >"$0.seconds"; exit $status' \
    "$log" "$@" </dev/null &
  background_pids+=("$!")
  echo "started in the background: $name (log: $log)"
}

if [[ "${SKIP_DOTNET_TEST:-}" == 1 ]]; then
  step "dotnet test skipped (SKIP_DOTNET_TEST=1)"
else
  step "dotnet test Restaurant.Tests.slnf (domain tests, API tests on SQLite)"
  run_in_background "dotnet test Restaurant.Tests.slnf" "$work/dotnet-test.log" dotnet test Restaurant.Tests.slnf --no-build
  sqlite_pid=$!
fi

# --- 2. the API tests on PostgreSQL -----------------------------------------------------------
postgres_pid=""
if [[ "${SKIP_DOTNET_TEST:-}" == 1 || "${SKIP_POSTGRES:-}" == 1 ]]; then
  step "PostgreSQL run skipped (SKIP_DOTNET_TEST or SKIP_POSTGRES)"
else
  step "dotnet test tests/Api.Tests on PostgreSQL"
  for candidate in "${RESTAURANT_TEST_PG_BIN:-}" "$(pg_config --bindir 2>/dev/null)" $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    if [[ -n "$candidate" && -x "$candidate/initdb" && -x "$candidate/pg_ctl" ]]; then pg_bin="$candidate"; break; fi
  done
  # The outage tests stop and start PostgreSQL: they run clusters of their own with these binaries, never the server below.
  [[ -z "$pg_bin" ]] || export RESTAURANT_TEST_PG_BIN="$pg_bin"
  if [[ -z "${RESTAURANT_TEST_POSTGRES:-}" ]]; then
    if [[ -n "$pg_bin" ]] && { [[ "$(id -u)" != 0 ]] || id postgres >/dev/null 2>&1; }; then
      # One throw-away cluster for the whole run, on a free loopback port, in its own directory (readable by the
      # postgres user); every test server gets a database of its own in it.
      pg_dir="$(mktemp -d "$scratch/restaurant-pg.XXXXXX")"
      [[ "$(id -u)" != 0 ]] || chown postgres "$pg_dir"
      pg_port="$(free_port)"
      as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 >"$pg_dir/initdb.log" 2>&1
      # fsync off: this cluster lives for one test run; durability is SQLite's and PostgreSQL's own business.
      as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start \
        -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off" >/dev/null
      export RESTAURANT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres"
      echo "started a throw-away PostgreSQL $("$pg_bin/postgres" --version | grep -oE '[0-9]+\.[0-9]+') cluster on 127.0.0.1:$pg_port"
    fi
  fi
  if [[ -n "${RESTAURANT_TEST_POSTGRES:-}" ]]; then
    run_in_background "dotnet test tests/Api.Tests on PostgreSQL" "$work/dotnet-test-postgres.log" \
      env RESTAURANT_TEST_PROVIDER=postgres dotnet test tests/Api.Tests --no-build
    postgres_pid=$!
  else
    echo "test.sh: SKIPPED the PostgreSQL run: no server (set RESTAURANT_TEST_POSTGRES to a connection string, or install"
    echo "         PostgreSQL 15 so that test.sh can start a throw-away cluster; .ci/run installs it)"
  fi
fi

# --- 3. npm packages: httpyac (http-samples) and the contract's tools (clients/typescript) ----
step "npm ci in http-samples and clients/typescript when needed"
npm_started=$SECONDS
samples="$repo/http-samples"
client="$repo/clients/typescript"
# npm_ci_if_needed DIR PACKAGE BIN: npm ci unless DIR's node_modules already holds the locked version of PACKAGE.
npm_ci_if_needed() {
  local dir="$1" package="$2" bin="$3" installed locked
  installed="$(node -p "require('$dir/node_modules/$package/package.json').version" 2>/dev/null || true)"
  locked="$(node -p "require('$dir/package-lock.json').packages['node_modules/$package'].version")"
  if [[ ! -x "$dir/node_modules/.bin/$bin" ]] ||
     [[ ! -f "$dir/node_modules/.package-lock.json" ]] ||
     [[ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]] ||
     [[ "$installed" != "$locked" ]]; then
    (cd "$dir" && npm ci --no-audit --no-fund)
  else
    echo "${dir#"$repo/"}/node_modules is up to date ($package $installed)"
  fi
}
npm_ci_if_needed "$samples" httpyac httpyac
npm_ci_if_needed "$client" openapi-typescript openapi-typescript
timing "npm ci" "$npm_started"

# --- 4. the API on a free loopback port and a throw-away database -----------------------------
step "start the API (Development, SQLite in $work)"
contract_started=$SECONDS
port="$(free_port)"
base_url="http://127.0.0.1:$port"
(
  cd "$work"
  export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development
  export Restaurant__Database=sqlite
  export ConnectionStrings__Restaurant="Data Source=$work/restaurant.db"
  # SQL statements are noise here; warnings and errors still reach the log.
  exec dotnet "$api_dll" --urls "$base_url" --contentRoot "$repo/src/Api" \
    --Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning
) >"$work/server.log" 2>&1 </dev/null &
server_pid=$!

ready=0
deadline=$((SECONDS + ready_timeout))
while ((SECONDS < deadline)); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "test.sh: the API exited before it was ready" >&2
    break
  fi
  if node -e 'fetch(process.argv[1]).then(r => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))' \
       "$base_url/health/ready" 2>/dev/null; then
    ready=1
    break
  fi
  sleep 0.5
done
if [[ "$ready" != 1 ]]; then
  echo "test.sh: the API at $base_url never answered 200 on /health/ready (waited up to ${ready_timeout}s); its log:" >&2
  sed 's/^/  server| /' "$work/server.log" >&2
  echo "test.sh: FAILED (${failures[*]:+${failures[*]}; }the API never became ready)" >&2
  exit 1
fi
echo "API ready at $base_url"

# --- 5. the .http collection -------------------------------------------------------------------
step "httpyac send http-samples/*.http --all against $base_url"
set +e
(cd "$samples" && timeout "$http_timeout" ./node_modules/.bin/httpyac send '*.http' --all -e dev -o short \
   --timeout 10000 --var "baseUrl=$base_url") 2>&1 | tee "$work/httpyac.log"
http_status=${PIPESTATUS[0]}
set -e
# httpyac closes with "64 requests processed (62 succeeded, 2 failed)"
summary="$(grep -E '^[0-9]+ requests processed' "$work/httpyac.log" | tail -n 1 || true)"
http_passed="$(grep -oE '[0-9]+ succeeded' <<<"$summary" | grep -oE '[0-9]+' || echo 0)"
http_total="$(grep -oE '^[0-9]+' <<<"$summary" || echo 0)"
passed=$((passed + http_passed))
if [[ "$http_status" != 0 || -z "$summary" || "$http_passed" != "$http_total" || "$http_total" == 0 ]]; then
  failed=$((failed + (http_total > http_passed ? http_total - http_passed : 1)))
  fail "http-samples (httpyac exit $http_status)"
  echo "test.sh: server log of the failed .http run:" >&2
  tail -n 100 "$work/server.log" | sed 's/^/  server| /' >&2
fi

# --- 6. the OpenAPI contract: Redocly lint, a generated TypeScript client, the story -------------
step "OpenAPI contract against $base_url (clients/typescript)"
# contract_check NAME COMMAND...: one pass or one failure, in clients/typescript.
contract_check() {
  local name="$1"
  shift
  if (cd "$client" && "$@") 2>&1 | tee -a "$work/contract.log"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    fail "$name"
    return 1
  fi
}
rm -rf "$client/openapi.json" "$client/src/api.d.ts" "$client/dist"
if contract_check "fetch /openapi/v1.json" node fetch-document.mjs "$base_url"; then
  # Recommended rules; each exception is listed with its reason in clients/typescript/.redocly.lint-ignore.yaml.
  contract_check "redocly lint" ./node_modules/.bin/redocly lint --config redocly.yaml openapi.json || true
  # The types are generated from the served document, then the story must compile under tsc --strict with no casts.
  if contract_check "TypeScript client (generate, no casts, tsc --strict)" \
       sh -c './node_modules/.bin/openapi-typescript openapi.json --output src/api.d.ts && node no-casts.mjs && ./node_modules/.bin/tsc -p tsconfig.json'; then
    set +e
    (cd "$client" && timeout "$http_timeout" node dist/story.js "$base_url" dev-staff-key) 2>&1 | tee "$work/story.log"
    story_status=${PIPESTATUS[0]}
    set -e
    # The story closes with "client: 26 passed, 0 failed".
    story_summary="$(grep -E '^client: [0-9]+ passed, [0-9]+ failed$' "$work/story.log" | tail -n 1 || true)"
    story_passed="$(grep -oE '[0-9]+ passed' <<<"$story_summary" | grep -oE '[0-9]+' || echo 0)"
    story_failed="$(grep -oE '[0-9]+ failed' <<<"$story_summary" | grep -oE '[0-9]+' || echo 0)"
    passed=$((passed + story_passed))
    if [[ "$story_status" != 0 || -z "$story_summary" || "$story_failed" != 0 ]]; then
      failed=$((failed + (story_failed > 0 ? story_failed : 1)))
      fail "TypeScript client story (exit $story_status)"
      echo "test.sh: server log of the failed story:" >&2
      tail -n 100 "$work/server.log" | sed 's/^/  server| /' >&2
    fi
  fi
  # The pages the API serves (src/Api/wwwroot/app/js) are plain JavaScript, checked as TypeScript (tsc --checkJs --strict)
  # against the types just generated: a contract change that breaks a page fails here.
  if [[ -f "$client/src/api.d.ts" ]]; then
    contract_check "pages (tsc --checkJs --strict against the generated types)" ./node_modules/.bin/tsc -p tsconfig.pages.json || true
  fi
fi

timing "the .http collection and the contract" "$contract_started"

# --- 7. the background test runs -------------------------------------------------------------------
[[ -z "${sqlite_pid:-}" ]] || finish_dotnet "dotnet test Restaurant.Tests.slnf" "$sqlite_pid" "$work/dotnet-test.log"
[[ -z "${postgres_pid:-}" ]] || finish_dotnet "dotnet test tests/Api.Tests on PostgreSQL" "$postgres_pid" "$work/dotnet-test-postgres.log"

# --- summary -----------------------------------------------------------------------------------
echo
echo "test.sh: wall time of each stage (the test runs overlap the .http collection and the contract):"
printf '  %s\n' "${timings[@]}"
echo "test.sh: $SECONDS s in all"
echo "test.sh: $passed passed, $failed failed"
if ((${#failures[@]} > 0)); then
  echo "test.sh: FAILED: ${failures[*]}" >&2
  exit 1
fi
echo "test.sh: all tests passed"

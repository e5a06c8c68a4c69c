#!/usr/bin/env bash
# Budgets and rate limits benchmark, everything on 127.0.0.1, bounded in count and time (about 4 minutes; --quick
# about 1.5): the added latency of a request with a budget and a rate limit on against the same gateway without them,
# with the counters in memory (embedded: SQLite) and in Redis (PostgreSQL ledger); then the throughput of two
# instances (PostgreSQL + Redis, the load generator spreading its connections over both) against one.
# Prints Markdown tables; docs/benchmarks.md holds a recorded run.
#   bench/gateway/spend.sh [--quick]
# Needs: JDK 25 + Maven (found like ./test does), PostgreSQL at 127.0.0.1:5432 (database test, trust auth; a fresh
# schema is used and dropped) and Redis at 127.0.0.1:6379 (a fresh key prefix), as .ci/run starts them.
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
gapwise_require_maven

quick=0
[ "${1:-}" = "--quick" ] && quick=1
UP=19101 EMB=19102 RA=19103 RB=19104
work="$(mktemp -d /tmp/gapwise-spend-bench.XXXXXX)"
schema="gapwise_bench_$(date +%s)"
prefix="gapwise-bench-$(date +%s):"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
  redis-cli --scan --pattern "$prefix*" | xargs -r redis-cli del >/dev/null 2>&1 || true
}
trap cleanup EXIT

pg_isready -h 127.0.0.1 -q || { echo "bench: PostgreSQL is not running at 127.0.0.1:5432" >&2; exit 1; }
redis-cli ping >/dev/null || { echo "bench: Redis is not running at 127.0.0.1:6379" >&2; exit 1; }
psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema" >/dev/null

echo "bench: building (jar and test classes) ..." >&2
# package, never install: the local Maven repository may be shared with other checkouts of the project
(cd "$root" && mvn -q -B -ntp -DskipTests package -pl cli -am >/dev/null \
  && mvn -q -B -ntp -pl gateway -am test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" \
     -Dmdep.includeScope=test >/dev/null)
cp="$root/gateway/target/test-classes:$root/gateway/target/classes:$(cat "$work/cp.txt")"
gapwise=("$java" -jar "$root/cli/target/gapwise.jar")

wait_for() { for _ in $(seq 1 150); do curl -s -o /dev/null "$1" && return 0; sleep 0.2; done; echo "bench: $1 never answered" >&2; exit 1; }

"$java" -cp "$cp" dev.gapwise.gateway.fake.FakeUpstream "$UP" 20 2 >"$work/upstream.log" 2>&1 &
pids+=($!)

config() {  # config FILE LEDGER_URL PENDING [REDIS]
  bench_gateway_config "$1" "$UP" "$2" "$3" "${4:-}"
}
pg="jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=$schema"
redis="redis: {url: \"redis://127.0.0.1:6379/0\", prefix: \"$prefix\", pool: {max_connections: 64}}"
config "$work/embedded.yaml" "jdbc:sqlite:$work/ledger.db" "$work/embedded.pending" ""
config "$work/shared-a.yaml" "$pg" "$work/a.pending" "$redis"
config "$work/shared-b.yaml" "$pg" "$work/b.pending" "$redis"

keys() {  # keys CONFIG: a key without budgets or limits, and one with a month budget and request and token limits
  off="$("${gapwise[@]}" keys create --config "$1" --name off 2>/dev/null | head -1)"
  on="$("${gapwise[@]}" keys create --config "$1" --name on --budget 1000000/month --budget 100000/day \
      --limit requests=100000000/minute --limit tokens=100000000000/minute 2>/dev/null | head -1)"
}
keys "$work/embedded.yaml"; emb_off=$off; emb_on=$on
keys "$work/shared-a.yaml"; red_off=$off; red_on=$on

"${gapwise[@]}" serve --config "$work/embedded.yaml" --port $EMB >"$work/embedded.log" 2>&1 &
pids+=($!)
"${gapwise[@]}" serve --config "$work/shared-a.yaml" --port $RA >"$work/a.log" 2>&1 &
pids+=($!)
"${gapwise[@]}" serve --config "$work/shared-b.yaml" --port $RB >"$work/b.log" 2>&1 &
pids+=($!)
for port in $UP $EMB $RA $RB; do wait_for "http://127.0.0.1:$port/"; done
sleep 1

url() { echo "http://127.0.0.1:$1/v1/chat/completions"; }
loadgen=("$java" "$root/bench/gateway/LoadGen.java")
if [ $quick = 1 ]; then warm=5; requests=1000; seconds=1.5; levels=1,4,16
else warm=15; requests=3000; seconds=3; levels=1,4,16,32; fi

direct="direct|$(url $UP)"
targets=("embedded, off|$(url $EMB)|Authorization: Bearer $emb_off" "embedded, budget+limits|$(url $EMB)|Authorization: Bearer $emb_on"
         "redis, off|$(url $RA)|Authorization: Bearer $red_off" "redis, budget+limits|$(url $RA)|Authorization: Bearer $red_on")
args=(--target "$direct"); for t in "${targets[@]}"; do args+=(--target "$t"); done
echo "bench: warming up ($warm s per target) ..." >&2
"${loadgen[@]}" warmup --seconds $warm --concurrency 4 "${args[@]}" --target "redis b|$(url $RB)|Authorization: Bearer $red_on"
echo "## Budgets and rate limits — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$java" -version 2>&1 | head -1)"
echo
"${loadgen[@]}" latency --requests $requests "${args[@]}"
one="one instance (redis, budget+limits)|$(url $RA)|Authorization: Bearer $red_on"
two="two instances (redis, budget+limits)|$(url $RA),$(url $RB)|Authorization: Bearer $red_on"
"${loadgen[@]}" throughput --seconds $seconds --levels $levels --target "$direct" --target "$one" --target "$two"
echo "Ledger rows (PostgreSQL): $(psql -tA -h 127.0.0.1 -U postgres -d test -c "SELECT count(*) FROM $schema.ledger" 2>/dev/null || echo n/a)"

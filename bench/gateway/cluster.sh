#!/usr/bin/env bash
# Cluster benchmark (issue 14, item 3), everything on 127.0.0.1, bounded in count and time (about 5 minutes;
# --quick: under 2): one nginx in front of everything, load-balancing with upstream keep-alive over
#   floor: nginx straight to the fake upstream
#   one:   nginx to ONE Gapwise instance
#   two:   nginx to TWO Gapwise instances (round robin)
# The instances share a PostgreSQL ledger (a fresh schema in database test, dropped on exit) and Redis budget and
# rate-limit counters (a fresh key prefix, deleted on exit); the requests carry a virtual key with a month and a day
# budget and request and token rate limits, all far from full. Reports latency at concurrency 1 (added over the
# floor), a closed-loop throughput sweep and the highest req/s with p99 < 5 ms and no errors, and the allocation
# rate of one instance (bytes allocated per request and MB/s, from Probe.java as profile.sh does).
#   bench/gateway/cluster.sh [--quick]
# Needs: JDK 25 + Maven, nginx, PostgreSQL at 127.0.0.1:5432 (db test, trust) and Redis at 127.0.0.1:6379.
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

quick=0
[ "${1:-}" = "--quick" ] && quick=1
if [ $quick = 1 ]; then warm=4; requests=600; seconds=1; levels=1,4,16,64; alloc1=1000; alloc16=4000
else warm=15; requests=3000; seconds=3; levels=1,4,16,32,64; alloc1=5000; alloc16=20000; fi
UP=19201 FLOOR=19202 ONE=19203 TWO=19204 GA=19205 GB=19206
bench_workdir cluster
stamp="$(date +%s)$$"
schema="gapwise_cluster_$stamp" prefix="gapwise-cluster-$stamp:"
bench_cleanup_more() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
  redis-cli --scan --pattern "$prefix*" | xargs -r redis-cli del >/dev/null 2>&1 || true
}

command -v nginx >/dev/null || { echo "bench: nginx is missing (apt-get install nginx-light)" >&2; exit 1; }
pg_isready -h 127.0.0.1 -q || { echo "bench: PostgreSQL is not running at 127.0.0.1:5432" >&2; exit 1; }
redis-cli ping >/dev/null || { echo "bench: Redis is not running at 127.0.0.1:6379" >&2; exit 1; }
bench_build
bench_tools "$work/tools"
psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema" >/dev/null

"$java" -cp "$tests:$jar" dev.gapwise.gateway.fake.FakeUpstream "$UP" 20 2 >"$work/upstream.log" 2>&1 &
pids+=($!)
pg="jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=$schema"
redis="redis: {url: \"redis://127.0.0.1:6379/0\", prefix: \"$prefix\", pool: {max_connections: 64}}"
bench_gateway_config "$work/a.yaml" "$UP" "$pg" "$work/a.pending" "$redis"
bench_gateway_config "$work/b.yaml" "$UP" "$pg" "$work/b.pending" "$redis"
key="$("$java" -jar "$jar" keys create --config "$work/a.yaml" --name cluster --budget 1000000/month \
  --budget 100000/day --limit requests=100000000/minute --limit tokens=100000000000/minute 2>/dev/null | head -1)"
"$java" ${GAPWISE_JAVA_OPTS:-} -jar "$jar" serve --config "$work/a.yaml" --port $GA >"$work/a.log" 2>&1 &
ga=$!; pids+=($ga)
"$java" ${GAPWISE_JAVA_OPTS:-} -jar "$jar" serve --config "$work/b.yaml" --port $GB >"$work/b.log" 2>&1 &
gb=$!; pids+=($gb)

proxy='proxy_http_version 1.1; proxy_set_header Connection ""; proxy_buffering off;'
cat > "$work/nginx.conf" <<NGINX
worker_processes auto; daemon off; pid $work/nginx.pid; error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  upstream fake { server 127.0.0.1:$UP; keepalive 256; }
  upstream one { server 127.0.0.1:$GA; keepalive 256; }
  upstream two { server 127.0.0.1:$GA; server 127.0.0.1:$GB; keepalive 256; }
  server { listen 127.0.0.1:$FLOOR; location / { proxy_pass http://fake; $proxy } }
  server { listen 127.0.0.1:$ONE; location / { proxy_pass http://one; $proxy } }
  server { listen 127.0.0.1:$TWO; location / { proxy_pass http://two; $proxy } }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work" 2>>"$work/nginx-error.log" &
pids+=($!)
for url in "http://127.0.0.1:$UP/" "http://127.0.0.1:$GA/healthz" "http://127.0.0.1:$GB/healthz" "http://127.0.0.1:$FLOOR/"; do
  bench_wait_for "$url"
done
sleep 1

url() { echo "http://127.0.0.1:$1/v1/chat/completions"; }
auth="Authorization: Bearer $key"
floor="nginx → fake upstream (floor)|$(url $FLOOR)"
one="nginx → one gapwise|$(url $ONE)|$auth"
two="nginx → two gapwise|$(url $TWO)|$auth"
echo "bench: warming up ($warm s per target at concurrency 4, then $((warm / 3)) s at 16), work folder $work ..." >&2
loadgen warmup --seconds $warm --concurrency 4 --target "$floor" --target "$one" --target "$two"
loadgen warmup --seconds $((warm / 3)) --concurrency 16 --target "$two"

echo "## Cluster: nginx over one and two Gapwise instances on PostgreSQL + Redis — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$java" -version 2>&1 | head -1)"
echo
echo "Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg). Gapwise: PostgreSQL ledger, Redis counters, a virtual key"
echo "with budgets and rate limits (far from full), access log and the full routing decision on; JVM options: ${GAPWISE_JAVA_OPTS:-none}."
echo
loadgen latency --requests $requests --target "$floor" --target "$one" --target "$two"
loadgen throughput --seconds $seconds --levels $levels --target "$floor" --target "$one" --target "$two"

# Allocation rate of one instance: a probe pair's own cost with no load, then fixed-count windows through nginx.
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
a=$(probe $ga); b=$(probe $ga)
probe_alloc=$(( $(field alloc_bytes "$b") - $(field alloc_bytes "$a") ))
probe_cpu=$(( $(field cpu_ns "$b") - $(field cpu_ns "$a") ))
echo "### Allocation rate of one instance (nginx → one gapwise, fixed request counts)"
echo
echo "| concurrency | requests | req/s | p50 ms | p99 ms | errors | allocated KB/request | allocation MB/s | CPU µs/request |"
echo "|---|---|---|---|---|---|---|---|---|"
for level in "1 $alloc1" "16 $alloc16"; do
  set -- $level
  before=$(probe $ga)
  out=$(loadgen count --requests "$2" --concurrency "$1" --target "$one")
  after=$(probe $ga)
  alloc=$(( $(field alloc_bytes "$after") - $(field alloc_bytes "$before") - probe_alloc ))
  cpu=$(( $(field cpu_ns "$after") - $(field cpu_ns "$before") - probe_cpu ))
  secs=$(field seconds "$out")
  printf '| %s | %s | %s | %s | %s | %s | %.1f | %.0f | %.0f |\n' "$1" "$(field requests "$out")" "$(field rps "$out")" \
    "$(field p50_ms "$out")" "$(field p99_ms "$out")" "$(sed -n 's/.*errors=\(.*\)/\1/p' <<<"$out")" \
    "$(echo "$alloc / $2 / 1024" | bc -l)" "$(echo "$alloc / $secs / 1048576" | bc -l)" "$(echo "$cpu / $2 / 1000" | bc -l)"
done
echo
echo "A probe pair with no load costs the instance $((probe_alloc / 1024)) KB and $((probe_cpu / 1000)) µs of CPU; subtracted. MB/s is the"
echo "allocation over the window's wall time (the instance's allocation rate at that load); CPU µs/request is the whole"
echo "instance process (JIT, GC and its share of the ledger and Redis work included)."
echo
echo "Ledger rows (PostgreSQL, both instances): $(psql -tA -h 127.0.0.1 -U postgres -d test -c "SELECT count(*) FROM $schema.ledger" 2>/dev/null || echo n/a);"
echo "Redis keys under the run's prefix: $(redis-cli --scan --pattern "$prefix*" | wc -l); resident set after the run: instance A $(bench_rss_mb $ga) MiB, B $(bench_rss_mb $gb) MiB;"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
finished=1

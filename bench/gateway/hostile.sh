#!/usr/bin/env bash
# Hostile bodies benchmark (issue 14, item 3), everything on 127.0.0.1, bounded in time (about 2 minutes; --quick:
# under 2): 16 clients send 8 MB JSON bodies of MemoryBoundTest's three shapes (millions of empty objects, one huge
# string, arrays nested as deep as the body allows) without pause, each on a fresh connection with a valid virtual
# key, while /healthz is timed every 100 ms; once with the gateway's default heap (no -Xmx: a quarter of the
# machine's memory) and once with -Xmx1g. server.max_body_bytes is 8 MB; max_inflight_body_bytes keeps its default
# (a quarter of the maximum heap). Gapwise's heap and resident set are sampled every 200 ms over JMX (Probe.java).
#   bench/gateway/hostile.sh [--quick]
# Needs: JDK 25 + Maven (builds the jar and the fake upstream if they are missing), curl.
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

quick=0
[ "${1:-}" = "--quick" ] && quick=1
if [ $quick = 1 ]; then seconds=12; else seconds=20; fi
CLIENTS=16 BODY=$((8 * 1024 * 1024))
UP=19401 GW=19402
bench_workdir hostile

bench_build
bench_tools "$work/tools"
"$java" -cp "$tests:$jar" dev.gapwise.gateway.fake.FakeUpstream "$UP" >"$work/upstream.log" 2>&1 &
pids+=($!)
bench_gateway_config "$work/gapwise.yaml" "$UP" "jdbc:sqlite:$work/ledger.db" "" "server: {max_body_bytes: $BODY}"
key="$("$java" -jar "$jar" keys create --config "$work/gapwise.yaml" --name hostile 2>/dev/null | head -1)"
bench_wait_for "http://127.0.0.1:$UP/"
target="gapwise|http://127.0.0.1:$GW/v1/chat/completions|Authorization: Bearer $key"

echo "## Hostile bodies: $CLIENTS clients × 8 MB for $seconds s — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GB memory, $("$java" -version 2>&1 | head -1)"
echo
echo "Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)."
echo
summary=""
for heap in default -Xmx1g; do
  opts=""; [ "$heap" = default ] || opts="$heap"
  "$java" $opts ${GAPWISE_JAVA_OPTS:-} -jar "$jar" serve --config "$work/gapwise.yaml" --port $GW >"$work/gw$heap.log" 2>&1 &
  gw=$!; pids+=($gw)
  bench_wait_for "http://127.0.0.1:$GW/healthz"
  loadgen warmup --seconds 3 --concurrency 4 --target "$target"
  idle=$(bench_rss_mb $gw)
  rm -f "$work/stop"
  probe $gw watch 200 600 "$work/stop" >"$work/watch$heap.txt" 2>&1 &
  watcher=$!; pids+=($watcher)
  echo "### Heap: $heap"
  echo
  loadgen hostile --clients $CLIENTS --seconds $seconds --body-bytes $BODY --health "http://127.0.0.1:$GW/healthz" \
    --target "$target" > "$work/hostile$heap.txt"
  touch "$work/stop"; wait $watcher || true
  alive=yes; kill -0 $gw 2>/dev/null || alive="no (died: $(grep -m1 -i 'outofmemory\|error' "$work/gw$heap.log" || echo 'see log'))"
  legit=$(curl -s -o /dev/null -w '%{http_code}' -m 30 -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d '{"model":"mock-model","messages":[{"role":"user","content":"Say hello"}],"max_tokens":32}' \
    "http://127.0.0.1:$GW/v1/chat/completions" || true)
  grep -v '^healthz_' "$work/hostile$heap.txt"
  w() { sed -n "s/.*$1=\([0-9.-]*\).*/\1/p" "$work/watch$heap.txt"; }
  h() { sed -n "s/.*$1=\([0-9.-]*\).*/\1/p" "$work/hostile$heap.txt"; }
  grep -q 'samples=' "$work/watch$heap.txt" || echo "Probe: $(cat "$work/watch$heap.txt")"
  echo "Alive after the attack: $alive; a legitimate request right after: HTTP $legit; resident set before the attack $idle MiB."
  echo
  summary+="| $heap | $(w heap_used_max_mb) | $(w heap_after_gc_max_mb) | $(w heap_pool_peaks_mb) | $(w heap_committed_max_mb) / $(w heap_max_mb) | $(w rss_max_mb) ($(w rss_hwm_mb)) | $(h healthz_samples) | $(h healthz_p50_ms) / $(h healthz_p99_ms) / $(h healthz_max_ms) | $(h healthz_over_100ms) | $(h healthz_failures) |"$'\n'
  kill $gw 2>/dev/null || true; wait $gw 2>/dev/null || true
done
echo "### Summary (MB; heap sampled every 200 ms, /healthz every 100 ms)"
echo
echo "| heap | heap in use, max | heap after a collection, max | pools' peaks summed | committed / maximum | resident set max (kernel high-water) | /healthz samples | /healthz p50 / p99 / max ms | /healthz over 100 ms | /healthz failures |"
echo "|---|---|---|---|---|---|---|---|---|---|"
printf '%s' "$summary"
echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
finished=1

#!/usr/bin/env bash
# Streaming benchmark (issue 14, item 3), everything on 127.0.0.1, bounded in count and time (about 4 minutes;
# --quick: under 2). Gapwise as run.sh configures it (SQLite ledger, a virtual key, access log, full routing).
#   a. Long prompt: a chat request of about 200 KB of prose (about 50k tokens at 4 bytes a token; a system prompt and
#      ten turns) with stream:true; the fake upstream streams 30 words, GAP_LONG ms after every event. Streams
#      alternate between the upstream direct and Gapwise: time to the first event (the upstream sends its role chunk
#      as soon as it has parsed the prompt), to the first token (one upstream gap later), and the gaps between events.
#   b. Many streams held open: 1,000 streams (--quick: the same 1,000, shorter) opened over 2 s, each streaming
#      words GAP_HOLD ms apart for about 10 s (--quick: about 4 s), direct and then through Gapwise; a stalled frame
#      is a gap between two events of a stream over 5 × GAP_HOLD; plus Gapwise's heap and resident set meanwhile.
#   bench/gateway/streams.sh [--quick]
# Needs: JDK 25 + Maven (builds the jar and the fake upstream if they are missing), curl, a file limit of 4,096+.
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

quick=0
[ "${1:-}" = "--quick" ] && quick=1
GAP_LONG=20 WORDS_LONG=30 GAP_HOLD=75 STREAMS=1000 RAMP=2
if [ $quick = 1 ]; then warm=5; long=12; words_hold=50
else warm=15; long=40; words_hold=130; fi
stall=$((5 * GAP_HOLD))
UP_LONG=19301 UP_HOLD=19302 GW_LONG=19303 GW_HOLD=19304
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge 4096 ] \
  || { echo "bench: the open-file limit ($(ulimit -n)) is too low for $STREAMS streams; raise ulimit -n" >&2; exit 1; }
bench_workdir streams

bench_build
bench_tools "$work/tools"
"$java" -cp "$tests:$jar" dev.gapwise.gateway.fake.FakeUpstream "$UP_LONG" $WORDS_LONG $GAP_LONG >"$work/up-long.log" 2>&1 &
pids+=($!)
"$java" -cp "$tests:$jar" dev.gapwise.gateway.fake.FakeUpstream "$UP_HOLD" $words_hold $GAP_HOLD >"$work/up-hold.log" 2>&1 &
pids+=($!)
bench_gateway_config "$work/long.yaml" "$UP_LONG" "jdbc:sqlite:$work/long.db"
bench_gateway_config "$work/hold.yaml" "$UP_HOLD" "jdbc:sqlite:$work/hold.db"
key_long="$("$java" -jar "$jar" keys create --config "$work/long.yaml" --name streams 2>/dev/null | head -1)"
key_hold="$("$java" -jar "$jar" keys create --config "$work/hold.yaml" --name streams 2>/dev/null | head -1)"
"$java" ${GAPWISE_JAVA_OPTS:-} -jar "$jar" serve --config "$work/long.yaml" --port $GW_LONG >"$work/gw-long.log" 2>&1 &
gw_long=$!; pids+=($gw_long)
"$java" ${GAPWISE_JAVA_OPTS:-} -jar "$jar" serve --config "$work/hold.yaml" --port $GW_HOLD >"$work/gw-hold.log" 2>&1 &
gw_hold=$!; pids+=($gw_hold)
for url in "http://127.0.0.1:$UP_LONG/" "http://127.0.0.1:$UP_HOLD/" "http://127.0.0.1:$GW_LONG/healthz" "http://127.0.0.1:$GW_HOLD/healthz"; do
  bench_wait_for "$url"
done
sleep 1

url() { echo "http://127.0.0.1:$1/v1/chat/completions"; }
long_direct="direct|$(url $UP_LONG)" long_gw="gapwise|$(url $GW_LONG)|Authorization: Bearer $key_long"
hold_direct="direct|$(url $UP_HOLD)" hold_gw="gapwise|$(url $GW_HOLD)|Authorization: Bearer $key_hold"
echo "bench: warming up both gateways ($warm s each at concurrency 4, non-streaming), work folder $work ..." >&2
loadgen warmup --seconds $warm --concurrency 4 --target "$long_gw" --target "$hold_gw"

echo "## Streaming: a long prompt, and $STREAMS streams at once — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$java" -version 2>&1 | head -1)"
echo
echo "Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg). Gapwise: SQLite ledger, a virtual key (no budget), access log,"
echo "full routing; JVM options: ${GAPWISE_JAVA_OPTS:-none}. The fake upstream waits $GAP_LONG ms after every event of the long-prompt"
echo "answers ($WORDS_LONG words) and $GAP_HOLD ms after every event of the held streams ($words_hold words)."
echo
loadgen longprompt --requests $long --prompt-bytes 200000 --target "$long_direct" --target "$long_gw"
kill $gw_long 2>/dev/null || true
idle=$(bench_rss_mb $gw_hold)
probe $gw_hold watch 200 600 "$work/stop" >"$work/watch.txt" 2>&1 &
watcher=$!; pids+=($watcher)
loadgen holdstreams --concurrent $STREAMS --stall-ms $stall --ramp-seconds $RAMP --target "$hold_direct" --target "$hold_gw"
touch "$work/stop"; wait $watcher || true
field() { sed -n "s/.*$1=\([0-9-]*\).*/\1/p" "$work/watch.txt"; }
echo "Gapwise during the held streams (sampled every 200 ms by Probe.java over JMX): resident set $idle MiB before, peak"
echo "$(field rss_max_mb) MiB (kernel high-water mark $(field rss_hwm_mb) MiB); heap in use at most $(field heap_used_max_mb) MB, after a collection at"
echo "most $(field heap_after_gc_max_mb) MB, pools' peaks summed $(field heap_pool_peaks_mb) MB, committed at most $(field heap_committed_max_mb) MB of a $(field heap_max_mb) MB maximum"
echo "($(field samples) samples). Ledger rows written: $(sqlite3 "$work/hold.db" 'select count(*) from ledger' 2>/dev/null || echo 'n/a (no sqlite3 CLI)')."
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
grep -q 'samples=' "$work/watch.txt" || { echo; echo "Probe: $(cat "$work/watch.txt")"; }
finished=1

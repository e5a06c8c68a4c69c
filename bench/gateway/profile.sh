#!/usr/bin/env bash
# Request-path profile of the gateway (issue 14, item 1), everything on 127.0.0.1, bounded (about 3 minutes;
# --quick: about 2): the fake upstream and the Gapwise configuration of run.sh (ledger, virtual key, access log,
# full routing), started with JFR on (settings=profile, CPU sampled every 2 ms, allocation sampled up to 5000/s).
# After a warm-up, per concurrency level (1 and 16) a fixed number of non-streaming chat requests:
#   1. a recorded window -> its own JFR recording (plus JDK 25's CPU-time sampler, one sample per 1 ms of a
#      thread's CPU), summarised by JfrTop.java and `jfr view`
#   2. at concurrency 1, a short window recording every thread park and virtual-thread start (hand-offs)
#   3. then, JFR stopped, a plain window per level -> allocated bytes, CPU µs, context switches, busy threads
# The recorded windows run while the start-up recording still runs, so allocation samples stay continuous (a
# sample's weight is the bytes its thread allocated since the previous sample). Prints Markdown; the .jfr files
# stay in the work folder it names (open them in JDK Mission Control for flame graphs).
#   bench/gateway/profile.sh [--quick] [--out DIR]
# Needs: JDK 25 + Maven (found like ./test does); builds cli/target/gapwise.jar if it is missing (no install).
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
jcmd="$JAVA_HOME/bin/jcmd" jfr="$JAVA_HOME/bin/jfr"

quick=0 work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --out) work="$2"; shift ;;
    *) echo "usage: bench/gateway/profile.sh [--quick] [--out DIR]" >&2; exit 2 ;;
  esac
  shift
done
if [ $quick = 1 ]; then warm=10; c1=3000; c16=6000; parkreq=500
else warm=30; c1=10000; c16=20000; parkreq=2000; fi
[ -n "$work" ] || work="$(mktemp -d /tmp/gapwise-profile.XXXXXX)"
mkdir -p "$work"
UP=19011 GW=19014
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

jar="$root/cli/target/gapwise.jar" tests="$root/gateway/target/test-classes"
if [ ! -f "$jar" ] || [ ! -f "$tests/dev/gapwise/gateway/fake/FakeUpstream.class" ]; then
  gapwise_require_maven
  echo "profile: building $jar and the test classes (no install) ..." >&2
  (cd "$root" && mvn -B -q -o -pl cli -am package -DskipTests >/dev/null)
fi

wait_for() { for _ in $(seq 1 150); do curl -s -o /dev/null "$1" && return 0; sleep 0.2; done; echo "profile: $1 never answered" >&2; exit 1; }

# The fake upstream of run.sh (its classes and the gateway jar's Jetty and Jackson).
"$java" -cp "$tests:$jar" dev.gapwise.gateway.fake.FakeUpstream "$UP" 20 2 >"$work/upstream.log" 2>&1 &
pids+=($!)
bench_gateway_config "$work/gapwise.yaml" "$UP" "jdbc:sqlite:$work/ledger.db"
key="$("$java" -jar "$jar" keys create --config "$work/gapwise.yaml" --name profile 2>/dev/null | head -1)"
"$java" ${GAPWISE_JAVA_OPTS:-} "-XX:StartFlightRecording=name=boot,settings=profile,jdk.ExecutionSample#period=2ms,jdk.ObjectAllocationSample#throttle=5000/s" \
  -jar "$jar" serve --config "$work/gapwise.yaml" --port $GW >"$work/gapwise.log" 2>&1 &
gw=$!
pids+=($gw)
wait_for "http://127.0.0.1:$UP/"
wait_for "http://127.0.0.1:$GW/healthz"

target="gapwise|http://127.0.0.1:$GW/v1/chat/completions|Authorization: Bearer $key"
loadgen() { "$java" "$root/bench/gateway/LoadGen.java" "$@"; }
probe() { "$java" "$root/bench/gateway/Probe.java" "$gw"; }
# Voluntary and involuntary context switches summed over the gateway's threads (live ones; a thread that ends
# inside the window takes its count with it, so this is a lower bound).
switches() { cat /proc/$gw/task/*/status 2>/dev/null | awk '/^voluntary_ctxt/{v+=$2} /^nonvoluntary_ctxt/{n+=$2} END{print v, n}'; }
# Per-thread CPU ticks (utime+stime) keyed by thread id, with the thread's name.
ticks() { for t in /proc/$gw/task/*; do s=$(cat "$t/stat" 2>/dev/null) || continue; rest="${s##*) }"; set -- $rest
  echo "${t##*/} $((${12} + ${13})) $(tr ' ' '_' < "$t/comm" 2>/dev/null)"; done; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }

echo "profile: warming up ($warm s at concurrency 4, $((warm / 3)) s at 16), then measuring; work folder $work" >&2
loadgen warmup --seconds $warm --concurrency 4 --target "$target"
loadgen warmup --seconds $((warm / 3)) --concurrency 16 --target "$target"
sleep 1
# What one probe pair costs the gateway with no load, subtracted from every window.
a=$(probe); b=$(probe)
probe_alloc=$(( $(field alloc_bytes "$b") - $(field alloc_bytes "$a") ))
probe_cpu=$(( $(field cpu_ns "$b") - $(field cpu_ns "$a") ))

echo "## Request path profile — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $("$java" -version 2>&1 | head -1)"
echo
echo "Non-streaming chat completions (LoadGen's CHAT body, answered without streaming by the fake upstream) through"
echo "Gapwise with ledger (SQLite), virtual key, access log and the full routing decision on; after $warm s of warm-up at"
echo "concurrency 4 and $((warm / 3)) s at 16. One probe pair with no load costs the gateway $probe_alloc bytes and $((probe_cpu / 1000)) µs of CPU;"
echo "that is subtracted below. CPU per request is the whole gateway process (JIT and GC included; their part shown)."
echo
rows=""
window() { # $1 concurrency, $2 requests, $3 label; appends a table row to $rows, leaves $work/threads-LABEL-cN.txt
  local before after sw0 sw1 out
  ticks > "$work/ticks0"; sw0=$(switches); before=$(probe)
  out=$(loadgen count --requests "$2" --concurrency "$1" --target "$target")
  sleep 0.3
  after=$(probe); sw1=$(switches); ticks > "$work/ticks1"
  local alloc=$(( $(field alloc_bytes "$after") - $(field alloc_bytes "$before") - probe_alloc ))
  local cpu=$(( $(field cpu_ns "$after") - $(field cpu_ns "$before") - probe_cpu ))
  read -r v0 n0 <<<"$sw0"; read -r v1 n1 <<<"$sw1"
  awk 'NR==FNR{t[$1]=$2; next} {d=$2-($1 in t ? t[$1] : 0); if (d>0) {g=$3; gsub(/[0-9]+/,"N",g); c[g]++; s[g]+=d}}
       END{for (g in c) printf "%s %d threads, %d ticks\n", g, c[g], s[g]}' "$work/ticks0" "$work/ticks1" \
    | sort -t, -k2 -rn > "$work/threads-$3-c$1.txt"
  local jit gc tick_us
  tick_us=$(( 1000000 / $(getconf CLK_TCK) ))
  jit=$(awk '/Compiler/{s+=$(NF-1)} END{print s+0}' "$work/threads-$3-c$1.txt")
  gc=$(awk '/^(GC_|GN_|G1_|VM_Thread)/{s+=$(NF-1)} END{print s+0}' "$work/threads-$3-c$1.txt")
  rows+=$(printf '| %s | %s | %s | %s | %s | %s | %s | %.1f | %.0f (JIT %.0f, GC %.0f) | %.2f + %.2f | %s |' "$3" "$1" \
    "$(field requests "$out")" "$(field rps "$out")" "$(field p50_ms "$out")" "$(field p99_ms "$out")" "$(sed -n "s/.*errors=\(.*\)/\1/p" <<<"$out")" \
    "$(echo "$alloc / $2 / 1024" | bc -l)" "$(echo "$cpu / $2 / 1000" | bc -l)" \
    "$(echo "$jit * $tick_us / $2" | bc -l)" "$(echo "$gc * $tick_us / $2" | bc -l)" \
    "$(echo "($v1 - $v0) / $2" | bc -l)" "$(echo "($n1 - $n0) / $2" | bc -l)" "$(wc -l < "$work/threads-$3-c$1.txt")")
  rows+=$'\n'
}
for level in "1 $c1" "16 $c16"; do
  set -- $level
  "$jcmd" $gw JFR.start name=c$1 settings=profile "jdk.ExecutionSample#period=2 ms" "jdk.ObjectAllocationSample#throttle=5000/s" \
    "jdk.CPUTimeSample#enabled=true" "jdk.CPUTimeSample#throttle=1 ms" >/dev/null
  window "$1" "$2" recorded
  "$jcmd" $gw JFR.stop name=c$1 filename="$work/c$1.jfr" >/dev/null
done
"$jcmd" $gw JFR.start name=parks settings=profile "jdk.ThreadPark#threshold=0 ms" "jdk.VirtualThreadStart#enabled=true" >/dev/null
loadgen count --requests $parkreq --concurrency 1 --target "$target" >/dev/null
"$jcmd" $gw JFR.stop name=parks filename="$work/parks.jfr" >/dev/null
"$jcmd" $gw JFR.stop name=boot >/dev/null
sleep 1
window 1 $c1 plain
window 16 $c16 plain
echo "| window | concurrency | requests | req/s | p50 ms | p99 ms | errors | allocated KB/request | CPU µs/request | context switches/request (voluntary + involuntary) | kinds of threads that ran |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s' "$rows"
echo
echo "\"recorded\": JFR (settings=profile, 2 ms execution and 1 ms CPU-time sampling) running; \"plain\": no recording. JIT and GC are the CPU ticks"
echo "(10 ms) of the compiler and GC threads; context switches are summed over the gateway's live threads from"
echo "/proc (a thread that ends inside the window takes its count with it). Per-thread detail: $work/threads-*.txt."
echo
for c in 1 16; do
  echo "### JFR, concurrency $c (c$c.jfr)"
  echo
  "$java" "$root/bench/gateway/JfrTop.java" "$work/c$c.jfr" "$( [ $c = 1 ] && echo $c1 || echo $c16 )"
done
echo "### Thread hand-offs at concurrency 1 ($parkreq requests, every platform-thread park and virtual-thread start recorded)"
echo
"$java" "$root/bench/gateway/JfrTop.java" "$work/parks.jfr" $parkreq | sed -n '/^Thread parks/,$p'
echo "Threads that ran during the plain concurrency-1 window (name with digits as N: threads, 10 ms ticks):"
echo
sed 's/^/    /' "$work/threads-plain-c1.txt"
echo
for c in 1 16; do
  "$jfr" view --width 200 hot-methods "$work/c$c.jfr" > "$work/hot-methods-c$c.txt"
  "$jfr" view --width 200 cpu-time-hot-methods "$work/c$c.jfr" > "$work/cpu-time-hot-methods-c$c.txt" 2>&1 || true
  "$jfr" view --width 200 allocation-by-site "$work/c$c.jfr" > "$work/allocation-by-site-c$c.txt"
  "$jfr" view --width 200 allocation-by-class "$work/c$c.jfr" > "$work/allocation-by-class-c$c.txt"
done
echo "The recordings and \`jfr view\` outputs (hot-methods, cpu-time-hot-methods, allocation-by-site, allocation-by-class) are in $work."

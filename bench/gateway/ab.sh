#!/usr/bin/env bash
# Two builds of the gateway side by side in one run (about 3 minutes; --quick about 1.5), everything on 127.0.0.1:
# the fake upstream alone (the floor), gateway A and gateway B, each with run.sh's configuration (its own SQLite
# ledger, a virtual key, the access log, the full routing decision). Warms all three, then measures latency at
# concurrency 1 with requests interleaved round robin (machine noise hits every target alike) and a closed-loop
# throughput sweep. Use it to judge a change: a gateway jar built from the commit before it against one after.
#   bench/gateway/ab.sh [--quick] A.jar B.jar        e.g. a jar built in a worktree at the base commit
# Prints Markdown. Needs JDK 25 + Maven (found like ./test does); builds this checkout's test classes (the fake
# upstream) and jar if missing.
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

quick=0
if [ "${1:-}" = "--quick" ]; then quick=1; shift; fi
[ $# -eq 2 ] && [ -f "$1" ] && [ -f "$2" ] || { echo "usage: bench/gateway/ab.sh [--quick] A.jar B.jar" >&2; exit 2; }
jar_a="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" jar_b="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
if [ $quick = 1 ]; then warm=10 requests=1500 seconds=2 levels=1,4,16,64
else warm=20 requests=4000 seconds=3 levels=1,2,4,8,16,32,64; fi
UP=19021 GA=19022 GB=19023
bench_workdir ab
finished=1  # the work folder goes whatever the outcome (its logs are rarely needed; run the jars by hand to see them)

bench_build
bench_tools "$work/tools"
"$java" -cp "$tests:$jar" dev.gapwise.gateway.fake.FakeUpstream "$UP" 20 2 >"$work/upstream.log" 2>&1 &
pids+=($!)

# start_gateway NAME JAR PORT: one gateway with its own configuration, ledger and key; sets key_NAME.
start_gateway() {
  mkdir -p "$work/$1"
  bench_gateway_config "$work/$1/gapwise.yaml" "$UP" "jdbc:sqlite:$work/$1/ledger.db" "$work/$1/ledger.pending"
  local key
  key="$("$java" -jar "$2" keys create --config "$work/$1/gapwise.yaml" --name ab 2>/dev/null | head -1)"
  printf -v "key_$1" '%s' "$key"
  "$java" ${GAPWISE_JAVA_OPTS:-} -jar "$2" serve --config "$work/$1/gapwise.yaml" --port "$3" >"$work/$1/gapwise.log" 2>&1 &
  pids+=($!)
}
start_gateway a "$jar_a" $GA
start_gateway b "$jar_b" $GB
bench_wait_for "http://127.0.0.1:$UP/"
bench_wait_for "http://127.0.0.1:$GA/healthz"
bench_wait_for "http://127.0.0.1:$GB/healthz"

direct="direct|http://127.0.0.1:$UP/v1/chat/completions"
a="A|http://127.0.0.1:$GA/v1/chat/completions|Authorization: Bearer $key_a"
b="B|http://127.0.0.1:$GB/v1/chat/completions|Authorization: Bearer $key_b"

echo "## Gateway A against B — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$java" -version 2>&1 | head -1)"
echo
echo "A: \`$jar_a\`; B: \`$jar_b\`. Load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "ab: warming up ($warm s each at concurrency 4) ..." >&2
loadgen warmup --seconds $warm --concurrency 4 --target "$direct" --target "$a" --target "$b"
loadgen latency --requests $requests --target "$direct" --target "$a" --target "$b"
loadgen throughput --seconds $seconds --levels $levels --target "$direct" --target "$a" --target "$b"
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."

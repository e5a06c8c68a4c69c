#!/usr/bin/env bash
# Gateway benchmark, everything on 127.0.0.1, bounded in count and time (about 7 minutes; --quick: about 2):
# the fake upstream alone (the floor), nginx proxy_pass, Portkey's gateway from npm, and Gapwise with its ledger,
# virtual-key auth and access log on. Every target is warmed up first (the JVMs' JIT and node's), then measured.
# Prints Markdown tables; docs/benchmarks.md holds a recorded run.
#   bench/gateway/run.sh [--quick]
# Needs: JDK 25 + Maven (found like ./test does), nginx (apt-get install nginx-light), node + npm.
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
gapwise_require_maven

quick=0
[ "${1:-}" = "--quick" ] && quick=1
UP=19001 NGINX=19002 PORTKEY=19003 GW=19004
work="$(mktemp -d /tmp/gapwise-bench.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

command -v nginx >/dev/null || { echo "bench: nginx is missing (apt-get install nginx-light)" >&2; exit 1; }
command -v npm >/dev/null || { echo "bench: node and npm are missing" >&2; exit 1; }

echo "bench: building (jar and test classes) ..." >&2
(cd "$root" && mvn -q -B -ntp -DskipTests install -pl catalog,gap,gateway,cli -am >/dev/null \
  && mvn -q -B -ntp -pl gateway test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" \
     -Dmdep.includeScope=test >/dev/null)
cp="$root/gateway/target/test-classes:$root/gateway/target/classes:$(cat "$work/cp.txt")"

portkey_dir=/tmp/portkey-bench
if [ ! -f "$portkey_dir/node_modules/@portkey-ai/gateway/build/start-server.js" ]; then
  echo "bench: installing @portkey-ai/gateway@1.15.2 in $portkey_dir ..." >&2
  mkdir -p "$portkey_dir" && (cd "$portkey_dir" && npm init -y >/dev/null && npm install --silent @portkey-ai/gateway@1.15.2 >/dev/null)
fi
# Portkey issue #1389: its streaming path needs each upstream fetch response re-wrapped with mutable headers.
cat > "$work/portkey-shim.mjs" <<'JS'
const upstreamFetch = globalThis.fetch;
globalThis.fetch = async (...args) => {
  const response = await upstreamFetch(...args);
  return new Response(response.body, { status: response.status, statusText: response.statusText,
    headers: new Headers(response.headers) });
};
JS

wait_for() { for _ in $(seq 1 150); do curl -s -o /dev/null "$1" && return 0; sleep 0.2; done; echo "bench: $1 never answered" >&2; exit 1; }
rss() { ps -o rss= -p "$1" | awk '{printf "%.0f", $1/1024}'; }

# 1. the fake upstream: 20 chunks 2 ms apart when streaming
"$java" -cp "$cp" dev.gapwise.gateway.fake.FakeUpstream "$UP" 20 2 >"$work/upstream.log" 2>&1 &
pids+=($!)
# 2. nginx: a bare proxy_pass hop with upstream keep-alive, no buffering
cat > "$work/nginx.conf" <<NGINX
worker_processes auto; daemon off; pid $work/nginx.pid; error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  upstream fake { server 127.0.0.1:$UP; keepalive 256; }
  server {
    listen 127.0.0.1:$NGINX;
    location / { proxy_pass http://fake; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_buffering off; }
  }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work" &
pids+=($!)
# 3. Portkey
(cd "$portkey_dir/node_modules/@portkey-ai/gateway" && exec node --import "$work/portkey-shim.mjs" build/start-server.js \
  --headless --port=$PORTKEY) >"$work/portkey.log" 2>&1 &
portkey_pid=$!
pids+=($portkey_pid)
# 4. Gapwise with ledger, a virtual key and the access log
bench_gateway_config "$work/gapwise.yaml" "$UP" "jdbc:sqlite:$work/ledger.db"
key="$("$java" -jar "$root/cli/target/gapwise.jar" keys create --config "$work/gapwise.yaml" --name bench 2>/dev/null | head -1)"
"$java" ${GAPWISE_JAVA_OPTS:-} -jar "$root/cli/target/gapwise.jar" serve --config "$work/gapwise.yaml" --port $GW \
  >"$work/gapwise.log" 2>&1 &
gw_pid=$!
pids+=($gw_pid)

wait_for "http://127.0.0.1:$UP/"
wait_for "http://127.0.0.1:$NGINX/"
wait_for "http://127.0.0.1:$PORTKEY/"
wait_for "http://127.0.0.1:$GW/healthz"
sleep 1
idle_gw=$(rss $gw_pid); idle_pk=$(rss $portkey_pid)

direct="direct|http://127.0.0.1:$UP/v1/chat/completions"
proxy="nginx|http://127.0.0.1:$NGINX/v1/chat/completions"
portkey="portkey|http://127.0.0.1:$PORTKEY/v1/chat/completions|x-portkey-provider: openai|x-portkey-custom-host: http://127.0.0.1:$UP/v1|Authorization: Bearer unused"
gapwise="gapwise|http://127.0.0.1:$GW/v1/chat/completions|Authorization: Bearer $key"
loadgen=("$java" "$root/bench/gateway/LoadGen.java")

if [ $quick = 1 ]; then warm=5; requests=1000; seconds=1.5; levels=1,4,16; streams=50; concurrent=32
else warm=20; requests=4000; seconds=3; levels=1,2,4,8,16,32,64; streams=200; concurrent=100; fi

peak_file="$work/peak"; echo 0 > "$peak_file"
( while kill -0 $gw_pid 2>/dev/null; do r=$(rss $gw_pid); [ "$r" -gt "$(cat "$peak_file")" ] && echo "$r" > "$peak_file"; sleep 0.5; done ) &
pids+=($!)

echo "bench: warming up every target ($warm s each at concurrency 4) ..." >&2
"${loadgen[@]}" warmup --seconds $warm --concurrency 4 --target "$direct" --target "$proxy" --target "$portkey" --target "$gapwise"
echo "## Gateway benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$java" -version 2>&1 | head -1)"
echo
"${loadgen[@]}" latency --requests $requests --target "$direct" --target "$proxy" --target "$portkey" --target "$gapwise"
"${loadgen[@]}" throughput --seconds $seconds --levels $levels --target "$direct" --target "$proxy" --target "$portkey" --target "$gapwise"
"${loadgen[@]}" stream --requests $streams --concurrent $concurrent --target "$direct" --target "$proxy" --target "$portkey" --target "$gapwise"
sleep 1
echo "### Memory (resident set, MiB)"
echo
echo "| process | idle | peak under load | after the run |"
echo "|---|---|---|---|"
echo "| gapwise (JVM, default heap settings) | $idle_gw | $(awk '{printf "%.0f", $1}' "$peak_file") | $(rss $gw_pid) |"
echo "| portkey (node) | $idle_pk | — | $(rss $portkey_pid) |"
echo
echo "Ledger rows written by gapwise during the run: $(sqlite3 "$work/ledger.db" 'select count(*) from ledger' 2>/dev/null || echo 'n/a (no sqlite3 CLI)')"

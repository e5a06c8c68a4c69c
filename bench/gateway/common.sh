# Shared by the gateway benchmarks (run.sh, spend.sh, profile.sh, cluster.sh, streams.sh, hostile.sh); sourced.
# Sets root (the checkout) and java (a JDK 25, found like ./test does); defines bench_gateway_config and helpers.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=../../scripts/jdk.sh
. "$root/scripts/jdk.sh"
gapwise_find_jdk
java="$JAVA_HOME/bin/java"

# bench_gateway_config FILE UPSTREAM_PORT LEDGER_URL [PENDING_FILE] [EXTRA_YAML]
# Writes the gateway configuration every benchmark measures: two priced mock deployments on the fake upstream, the
# dearer one the savings baseline, and a policy that still makes the full routing decision on every request (tier
# rules, risk and complexity classifiers, eligibility, objective); the mock deployments have no catalog lag, so both
# tiers accept unknown lags. EXTRA_YAML (e.g. a redis: line) is appended as it is.
bench_gateway_config() {
  local ledger="url: \"$3\""
  if [ -n "${4:-}" ]; then ledger="$ledger, pending_file: \"$4\""; fi
  cat > "$1" <<YAML
providers:
  mock: {dialect: openai, base_url: "http://127.0.0.1:$2/v1"}
deployments:
  - {id: mock-model@mock, model: mock-model, provider: mock, price: {input: 0.27, output: 1.10}}
  - {id: frontier@mock, model: frontier, provider: mock, price: {input: 2.50, output: 10.00}}
reference: frontier@mock
catalog_deployments: false
ledger: {$ledger}
policy:
  tiers:
    critical: {allow_unknown_lag: true, objective: cheapest}
    routine: {allow_unknown_lag: true, objective: cheapest}
  classifier: {high_stakes: critical}
  default_tier: routine
${5:-}
YAML
}

# bench_build: makes sure cli/target/gapwise.jar and the gateway's test classes (the fake upstream) exist and are
# newer than every source file, building them otherwise (package, never install: the local Maven repository may be
# shared with other checkouts). Sets jar and tests.
bench_build() {
  jar="$root/cli/target/gapwise.jar" tests="$root/gateway/target/test-classes"
  if [ ! -f "$jar" ] || [ ! -f "$tests/dev/gapwise/gateway/fake/FakeUpstream.class" ] \
      || [ -n "$(find "$root"/*/src "$root"/pom.xml "$root"/*/pom.xml -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
    gapwise_require_maven
    echo "bench: building $jar and the test classes (mvn -o -pl cli -am package -DskipTests, no install) ..." >&2
    (cd "$root" && mvn -B -q -o -pl cli -am package -DskipTests >/dev/null) \
      || { echo "bench: the build failed (run the mvn command above without -q to see why)" >&2; return 1; }
    touch "$jar"
  fi
}

# bench_tools DIR: compiles LoadGen and Probe into DIR once (instead of `java File.java` compiling them on every
# call, a second or two of CPU each time) and defines loadgen ARGS... and probe PID [ARGS...] to run them.
bench_tools() {
  mkdir -p "$1"
  "$JAVA_HOME/bin/javac" -d "$1" "$root/bench/gateway/LoadGen.java" "$root/bench/gateway/Probe.java"
  bench_tools_dir="$1"
  loadgen() { "$java" -cp "$bench_tools_dir" LoadGen "$@"; }
  probe() { "$java" -cp "$bench_tools_dir" Probe "$@"; }
}

# bench_workdir NAME: makes $work (a fresh folder /tmp/gapwise-NAME.XXXXXX), $pids (the processes the script starts,
# to be stopped) and an EXIT trap, bench_cleanup: it stops and reaps those processes, runs bench_cleanup_more when the
# script defines one (nginx, a database schema, Redis keys), and removes $work once the script has set finished=1
# (otherwise it keeps it and says where, for the logs).
bench_workdir() {
  work="$(mktemp -d "/tmp/gapwise-$1.XXXXXX")"
  pids=() finished=0
  trap bench_cleanup EXIT
}

bench_cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if declare -F bench_cleanup_more >/dev/null; then bench_cleanup_more; fi
  if [ "$finished" = 1 ]; then rm -rf "$work" || true; else echo "bench: logs kept in $work" >&2; fi
}

# bench_wait_for URL: waits up to 30 s for URL to answer at all.
bench_wait_for() {
  for _ in $(seq 1 150); do curl -s -o /dev/null "$1" && return 0; sleep 0.2; done
  echo "bench: $1 never answered" >&2; return 1
}

# bench_rss_mb PID: the resident set of PID in MiB.
bench_rss_mb() { ps -o rss= -p "$1" | awk '{printf "%.0f", $1/1024}'; }

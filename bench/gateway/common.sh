# Shared by the gateway benchmarks (run.sh, spend.sh, profile.sh); sourced, not run.
# Sets root (the checkout) and java (a JDK 25, found like ./test does), and defines bench_gateway_config.
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

#!/usr/bin/env bash
# Fuzzing campaign (issue 13, "Hostile input refused"): the property-based fuzzers of the test projects, run longer
# than CI runs them. Domain: the framework-pack YAML reader and the service CSV parser fed damaged copies of real
# files. Web (SQLite and PostgreSQL): every JSON body of the API from the OpenAPI document (fixed hostile corpus plus
# schema-shaped bodies), and both CSV importers checked all-or-nothing against the database.
# A failure prints the CsCheck seed; replay it with PMQA_FUZZ_SEED=<seed>.
# Usage: bench/fuzz.sh [iterations=50] [minutes=30]
#   iterations scales every fuzzer (CI runs 4: 200 packs, 1,000 service files, 4 generated bodies per operation and
#   caller, 100 files per importer); minutes bounds the whole run.
# Needs PMQA_TEST_POSTGRES for the PostgreSQL half (test.sh shows how it starts a cluster); without it, SQLite only.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$bench_root" # Debug build and test projects: bench_init's Release build and work folder are not needed
iterations=${1:-50}
minutes=${2:-30}
export PMQA_FUZZ_ITERATIONS=$iterations
filter='FullyQualifiedName~Fuzz'
[ -n "${PMQA_TEST_POSTGRES:-}" ] || filter="$filter&FullyQualifiedName!~_Postgres"
dotnet build Pmqa.slnx -c Debug -nologo -v q -clp:NoSummary >/dev/null
started=$(date +%s)
status=0
for project in tests/Pmqa.Domain.Tests tests/Pmqa.Web.Tests; do
  echo "# $project, PMQA_FUZZ_ITERATIONS=$iterations"
  log=$(mktemp)
  timeout "$((minutes * 60))" dotnet test "$project" -c Debug --no-build --filter "$filter" --logger 'console;verbosity=normal' >"$log" 2>&1 || status=1
  grep -E '^\s+(Passed|Failed) |^(Passed|Failed)!|Set seed|Error Message' "$log" || tail -20 "$log"
  rm -f "$log"
done
echo "# fuzzing took $(( $(date +%s) - started )) s; $([ $status -eq 0 ] && echo PASS || echo FAIL)"
exit $status

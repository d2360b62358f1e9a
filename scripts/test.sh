#!/usr/bin/env bash
# Runs every test: contract lint, package policy, unit tests and the end-to-end tests against
# the real AppHost (real RabbitMQ and Redis). Ends with one line: "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

passed=0
failed=0
check() { # name, command...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "check passed: $name"; else failed=$((failed + 1)); echo "check FAILED: $name"; fi
}

bash scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }

check "buf lint" bash -c 'cd protos && ../tools/node_modules/.bin/buf lint'
check "no MassTransit 9 (commercial)" bash -c '! grep -rqE "Include=\"MassTransit[^\"]*\"[^>]*Version=\"(9|[1-9][0-9])\." --include=*.props --include=*.csproj .'
check "build without warnings" dotnet build IvigSuite.slnx --nologo --no-restore --verbosity quiet -warnaserror
# Known vulnerabilities in any package, direct or transitive (NuGet's advisory data).
check "no known-vulnerable packages" bash -c 'out=$(dotnet list IvigSuite.slnx package --vulnerable --include-transitive 2>&1); \
  if echo "$out" | grep -q "has the following vulnerable packages"; then echo "$out"; exit 1; fi; echo "$out" | grep -q "no vulnerable packages"'

results="$(mktemp -d)"
# Unit, end-to-end and board tests side by side; then the fault and corpus suites (tests/Resilience)
# on their own, since their timings assume the machine is not also running other suites.
test_rc=0
pids=()
for csproj in tests/*/*.csproj; do
  project="$(dirname "$csproj")"
  [ "$project" = tests/Resilience ] && continue
  dotnet test "$project" --no-build --nologo --verbosity quiet --blame-hang-timeout 8m --blame-hang-dump-type none --results-directory "$results" \
    > "$results/$(basename "$project").log" 2>&1 &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || test_rc=1; done
cat "$results"/*.log | tee "$results/test.log"
# A test that hangs is ended (and counted as failed) after 8 minutes instead of holding CI to its limit.
dotnet test tests/Resilience --no-build --nologo --verbosity quiet --blame-hang-timeout 8m --blame-hang-dump-type none \
  --results-directory "$results" 2>&1 | tee -a "$results/test.log"
[ "${PIPESTATUS[0]}" -ne 0 ] && test_rc=1

# "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12" / "Failed!  - Failed: 1, Passed: 11, ..."
read -r t_passed t_failed < <(grep -E '^(Passed|Failed)! +- +Failed:' "$results/test.log" \
  | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+).*/\2 \1/' \
  | awk '{p+=$1; f+=$2} END {print p+0, f+0}')
passed=$((passed + t_passed))
failed=$((failed + t_failed))
if [ "$test_rc" -ne 0 ] && [ "$t_failed" -eq 0 ]; then
  failed=$((failed + 1)); echo "dotnet test exited with $test_rc"
fi

# The benchmark's smoke variant, so the bench never rots (figures: docs/performance.md).
check "benchmark smoke" bash -c "dotnet run --no-build --project bench/LoadGenerator -- --smoke --out '$results/bench-smoke.json' > '$results/bench-smoke.log' 2>&1 || { tail -40 '$results/bench-smoke.log'; exit 1; }"

# The README's run command, as a person uses it: healthy in under 60 s, Ctrl+C leaves no orphans, twice.
check "run command starts healthy and stops clean (twice)" bash scripts/check-run.sh

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

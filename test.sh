#!/usr/bin/env bash
# Runs every test (unit, integration against a real PostgreSQL started by the fixtures, end-to-end
# through the CLI) and ends with the summary line "N passed, N failed".
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
log="$(mktemp)"
dotnet test Evaluation.sln -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
# A crashed test host loses its remaining tests: count each aborted run as a failure.
aborted=$(grep -c 'Test Run Aborted' "$log")
failed=$((failed + aborted))
rm -f "$log"
echo "$passed passed, $failed failed"
exit "$status"

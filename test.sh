#!/usr/bin/env bash
# Runs every test (unit, integration against a real PostgreSQL started by the fixtures, end-to-end
# through the CLI) and ends with the summary line "N passed, N failed". No PostgreSQL server started
# by the run is left running, also when the run fails or is interrupted.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# The test fixture's cluster (tests/TestSupport/PostgresFixture.cs).
fixture_cluster="${EVALUATION_TEST_PG:-${TMPDIR:-/tmp}/evaluation-test-postgres}"

# Every process of this run inherits this mark, down to the servers that the CLI tests start in
# their temporary EVALUATION_HOMEs; it tells them apart from servers of other runs or users.
export EVALUATION_TEST_RUN="$$-$(date +%s)"

# Stops one server: pg_ctl's fast shutdown when its data folder is still there (as the folder's
# owner: the embedded cluster runs as 'postgres' when started by root), else the same by signal
# (a test deletes its home with the server still running).
stop_server() {
    local pid="$1" data="$2" binary="$3"
    local pg_ctl
    pg_ctl="$(dirname "$binary")/pg_ctl"
    if [[ -f "$data/postmaster.pid" && -x "$pg_ctl" ]]; then
        local owner
        owner="$(stat -c %U "$data")"
        if [[ "$(id -u)" == 0 && "$owner" != root ]]; then
            runuser -u "$owner" -- "$pg_ctl" stop -D "$data" -m fast -w -t 30 >/dev/null 2>&1
        else
            "$pg_ctl" stop -D "$data" -m fast -w -t 30 >/dev/null 2>&1
        fi
    fi

    if kill -0 "$pid" 2>/dev/null; then
        kill -INT "$pid" 2>/dev/null
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || return 0
            sleep 0.2
        done
        kill -QUIT "$pid" 2>/dev/null
    fi
}

# The postmasters (the only postgres processes started with -D) of the fixture's cluster or of this run.
stop_servers() {
    local pid command data
    for pid in $(pgrep -x postgres); do
        command="$({ tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null)" || continue
        [[ "$command" =~ -D\ ([^ ]+) ]] || continue
        data="${BASH_REMATCH[1]}"
        if [[ "$data" == "$fixture_cluster"/* ]] || { tr '\0' '\n' <"/proc/$pid/environ"; } 2>/dev/null | grep -qx "EVALUATION_TEST_RUN=$EVALUATION_TEST_RUN"; then
            stop_server "$pid" "$data" "${command%% *}"
        fi
    done
}

log="$(mktemp)"
trap 'stop_servers; rm -f "$log"' EXIT
trap 'exit 130' INT TERM

dotnet test Evaluation.sln -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
# A crashed test host loses its remaining tests: count each aborted run as a failure.
aborted=$(grep -c 'Test Run Aborted' "$log")
failed=$((failed + aborted))
stop_servers
echo "$passed passed, $failed failed"
exit "$status"

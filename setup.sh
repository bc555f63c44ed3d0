#!/usr/bin/env bash
# Setup on a fresh Debian machine with the .NET SDK: installs the system packages the platform
# needs (PostgreSQL 15 server programs, libgdiplus for ClosedXML, fonts for charts, Chromium for the
# dashboard test), restores and builds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

need=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
dpkg -s libgdiplus >/dev/null 2>&1 || need+=(libgdiplus)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
dpkg -s fontconfig >/dev/null 2>&1 || need+=(fontconfig)
# Headless Chromium for the dashboard's browser test (Playwright drives Debian's build; nothing is downloaded).
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} ..."
  # The app runs its own cluster; Debian's default 'main' cluster is not wanted.
  $sudo mkdir -p /etc/postgresql-common
  [ -f /etc/postgresql-common/createcluster.conf ] || echo "create_main_cluster = false" | $sudo tee /etc/postgresql-common/createcluster.conf >/dev/null
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

# The research export's independent Parquet reader check (hyparquet), when Node is there; without it that test reports Skipped.
if command -v npm >/dev/null 2>&1; then
  (cd scripts/parquet-check && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || echo "npm ci in scripts/parquet-check failed: the independent Parquet reader test will report Skipped."
fi

dotnet tool restore >/dev/null
dotnet build Evaluation.sln -c Release --nologo -v quiet -clp:ErrorsOnly
# The CLI that ./evaluation runs: published ReadyToRun (precompiled), so each command starts faster.
./evaluation --version >/dev/null
echo "Setup done: run ./test.sh for the tests, ./evaluation demo for the demo."

#!/usr/bin/env bash
# Runs every test on this machine: installs what the tests need (Azurite, vnu-jar and axe-core from the npm lockfile,
# Chromium and Java from Debian),
# builds the solution once with warnings as errors, runs all test projects with TRX results, and ends
# by printing "N passed, N failed" counted from those results. Fails when any test fails or none ran.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

need() { command -v "$1" >/dev/null 2>&1 || { echo "error: '$1' is not installed. $2" >&2; exit 1; }; }
need dotnet "Install the .NET 10 SDK: https://dotnet.microsoft.com/download"
need node "Install Node.js 20 or later: https://nodejs.org"
need npm "Install Node.js 20 or later (it brings npm): https://nodejs.org"

# npm ci only when node_modules is missing or older than the lockfile (it deletes node_modules first).
if [[ ! -f node_modules/azurite/package.json || ! -f node_modules/vnu-jar/build/dist/vnu.jar || ! -f node_modules/axe-core/axe.min.js \
      || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "==> npm ci (Azurite, the Nu Html Checker, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The browser test needs Debian's Chromium and its driver; install them when missing (root only). When they cannot
# be installed, the browser test fails and says why: it never passes silently.
if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "==> apt-get install chromium chromium-driver"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; } \
      || echo "warning: could not install chromium; the browser test will fail" >&2
  else
    echo "warning: chromium/chromedriver missing and not root; the browser test will fail" >&2
  fi
fi

# The page checks run the Nu Html Checker (npm vnu-jar) with Debian's Java; install it when missing (root only). When it
# cannot be installed, the page checks fail and say why: they never pass silently.
if ! command -v java >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "==> apt-get install default-jre-headless"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; } \
      || echo "warning: could not install Java; the page checks (Nu Html Checker) will fail" >&2
  else
    echo "warning: java missing and not root; the page checks (Nu Html Checker) will fail" >&2
  fi
fi

configuration="${CONFIGURATION:-Debug}"
echo "==> dotnet build ($configuration)"
dotnet build PartyFunctions.sln -c "$configuration" -nologo -clp:ErrorsOnly

results="TestResults"
rm -rf "$results"
echo "==> dotnet test"
status=0
# One TRX per test project, named after it, so that no two runs can overwrite each other's results.
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c "$configuration" --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?
done

passed=0
failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
done

echo "$passed passed, $failed failed"
if (( failed > 0 || passed == 0 || status != 0 )); then
  exit 1
fi

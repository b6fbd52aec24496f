#!/usr/bin/env bash
# Runs the app on local defaults: Azurite (data kept in .azurite/) and the Functions host (`func start`), or, where
# Core Tools cannot be installed, the local runner (`party serve`: the same functions in-process),
# with local.settings.json copied from the example on first run. Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v dotnet >/dev/null || { echo "error: install the .NET 10 SDK: https://dotnet.microsoft.com/download" >&2; exit 1; }
command -v npm >/dev/null || { echo "error: install Node.js 20 or later: https://nodejs.org" >&2; exit 1; }

if [[ ! -f node_modules/azurite/package.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  # Also installs Azure Functions Core Tools (an optional dependency) where the network allows its download.
  npm ci --no-audit --no-fund --loglevel=error
fi

settings=src/PartyFunctions/local.settings.json
if [[ ! -f $settings ]]; then
  # Emails go to the repository's .mail/ folder whatever directory the worker runs in.
  sed "s|\"Email__Directory\": \".mail\"|\"Email__Directory\": \"$PWD/.mail\"|" src/PartyFunctions/local.settings.json.example > "$settings"
  echo "==> created $settings from the example"
fi

func_cmd=""
if command -v func >/dev/null; then func_cmd=func
elif [[ -x node_modules/.bin/func ]]; then func_cmd="$PWD/node_modules/.bin/func"
fi
if [[ -z $func_cmd ]]; then
  cat >&2 <<'MSG'
note: Azure Functions Core Tools ('func') is not installed, and its npm package could not download the host here;
running the app with the repository's own local runner instead (`party serve`: the same functions, HTTP on 7071,
queues and timers in-process). For the real host: npm install -g azure-functions-core-tools@4
MSG
fi

mkdir -p .azurite
node node_modules/azurite/dist/src/azurite.js --silent --location .azurite --disableTelemetry --skipApiVersionCheck \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 &
azurite_pid=$!
trap 'kill $azurite_pid 2>/dev/null || true' EXIT
echo "==> Azurite on 127.0.0.1:10000-10002 (pid $azurite_pid); the app on http://localhost:7071/api/health"
echo "==> emails are written as .eml files to $PWD/.mail (no SendGrid account needed)"

if [[ -z $func_cmd ]]; then
  # Built, then run as its own process (not under `dotnet run`, which does not pass SIGTERM on): a TERM or INT to this
  # script stops the app, which stops its workers, then Azurite.
  dotnet build src/PartyFunctions.Cli -v q --nologo
  dotnet src/PartyFunctions.Cli/bin/Debug/net10.0/party.dll serve --port 7071 &
  app_pid=$!
  trap 'kill -TERM $app_pid 2>/dev/null || true; wait $app_pid 2>/dev/null || true; kill $azurite_pid 2>/dev/null || true' EXIT
  trap 'exit 143' TERM
  trap 'exit 130' INT
  wait $app_pid
else
  cd src/PartyFunctions
  "$func_cmd" start
fi

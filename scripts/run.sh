#!/usr/bin/env bash
# Starts the whole suite: installs what is missing, then runs the Aspire AppHost
# (dashboard, Redis, RabbitMQ, the three services and the gateway). Ctrl+C stops everything.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
dotnet build src/AppHost/AppHost.csproj --nologo --verbosity quiet
exec dotnet run --project src/AppHost/AppHost.csproj --launch-profile http --no-build -- "$@"

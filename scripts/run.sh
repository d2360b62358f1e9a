#!/usr/bin/env bash
# Starts the whole suite: installs what is missing, then runs the Aspire AppHost
# (dashboard, Redis, RabbitMQ, the three services and the gateway). Ctrl+C stops everything.
# Extra arguments are AppHost configuration, e.g. Infrastructure:UseContainers=true.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
dotnet build src/AppHost/AppHost.csproj --nologo --verbosity quiet

# The dashboard over plain HTTP on loopback, so no developer certificate is needed. Each address
# can be overridden from the environment (the run check uses its own ports).
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Development}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:18888}"
export ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="${ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL:-http://127.0.0.1:18889}"
export ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="${ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL:-http://127.0.0.1:18890}"
export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
exec dotnet run --project src/AppHost/AppHost.csproj --no-launch-profile --no-build -- "$@"

#!/usr/bin/env bash
# Installs what the suite needs and is missing, then restores packages.
# Idempotent: a second run finds everything present and only restores.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
command -v curl >/dev/null 2>&1 || missing+=(curl)
# Headless Chromium for the operations board's browser test (Playwright drives it; no browser download).
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The Debian packages start system-wide daemons; the suite runs its own per-user instances.
  for svc in rabbitmq-server redis-server; do
    (command -v systemctl >/dev/null && sudo_if_needed systemctl disable --now "$svc" >/dev/null 2>&1) || true
    (command -v service >/dev/null && sudo_if_needed service "$svc" stop >/dev/null 2>&1) || true
  done
  sudo_if_needed pkill -u rabbitmq beam.smp >/dev/null 2>&1 || true
  sudo_if_needed pkill -u redis redis-server >/dev/null 2>&1 || true
fi

# buf (protobuf linter) from npm, pinned in tools/package.json.
if [ ! -x tools/node_modules/.bin/buf ]; then
  echo "setup: installing npm tools"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "${SKIP_RESTORE:-0}" != "1" ]; then
  dotnet restore IvigSuite.slnx --verbosity quiet
  # The benchmark's profilers (dotnet-counters reads the services' server-side latency), pinned in bench/.
  (cd bench && dotnet tool restore >/dev/null)
fi
echo "setup: ok"

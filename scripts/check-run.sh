#!/usr/bin/env bash
# Proves the README's run command the way a person uses it: start the suite, wait until the AppHost
# reports every resource healthy (under 60 s), check the gateway, press Ctrl+C, and check that no
# process it started is left behind. Then do it all a second time (a second run must work too).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
limit=${RUN_CHECK_READY_SECONDS:-60}

run_once() {
  local round=$1 instance="run-check-$$-$1" log
  log="$(mktemp)"
  local start=$SECONDS
  # Dashboard ports of its own, so the check can run beside a developer's suite.
  local base=$((20000 + ($$ % 5000) * 4 + round * 2))
  export ASPNETCORE_URLS="http://127.0.0.1:$base" ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://127.0.0.1:$((base + 1))"
  export ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://127.0.0.1:$((base + 20001))"
  # Its own process group with SIGINT at its default (a script's background jobs start with SIGINT
  # ignored), so the SIGINT below is exactly what Ctrl+C in a terminal sends. perl-base is always on Debian.
  SKIP_RESTORE=1 perl -e '$SIG{INT} = "DEFAULT"; setpgrp(0, 0); exec @ARGV or die "exec: $!"' bash scripts/run.sh "Infrastructure:InstanceName=$instance" Gateway:HttpPort=0 Gateway:GrpcPort=0 >"$log" 2>&1 &
  local pid=$!
  local gateway=""
  while [ $((SECONDS - start)) -lt 180 ]; do
    gateway=$(grep -oE 'Gateway: http://[0-9.:]+' "$log" | head -1 | sed 's/Gateway: //')
    [ -n "$gateway" ] && break
    kill -0 $pid 2>/dev/null || break
    sleep 1
  done
  local ready=$((SECONDS - start))
  local ok=0
  if [ -z "$gateway" ]; then
    echo "run check $round: the suite did not report ready"; tail -40 "$log"; ok=1
  else
    echo "run check $round: ready in ${ready}s (includes the build check), gateway $gateway"
    grep -E 'Login to the dashboard at' "$log" | head -1
    [ "$ready" -le "$limit" ] || { echo "run check $round: slower than ${limit}s"; ok=1; }
    health=$(curl -s -m 5 "$gateway/health")
    [ "$health" = "Healthy" ] || { echo "run check $round: gateway health is '$health'"; ok=1; }
  fi

  kill -INT -- -$pid 2>/dev/null
  for _ in $(seq 1 60); do kill -0 $pid 2>/dev/null || break; sleep 1; done
  kill -0 $pid 2>/dev/null && { echo "run check $round: the AppHost did not stop on Ctrl+C"; kill -KILL -- -$pid; ok=1; }
  sleep 3
  local leftovers=""
  for p in /proc/[0-9]*; do
    cwd=$(readlink "$p/cwd" 2>/dev/null) || continue
    case "$cwd" in *"/.work/$instance"*) leftovers+=" $(basename "$p"):$(tr '\0' ' ' <"$p/cmdline" | cut -c1-60)";; esac
  done
  if [ -n "$leftovers" ]; then echo "run check $round: orphans left:$leftovers"; ok=1; fi
  rm -rf ".work/$instance" "$log"
  return $ok
}

run_once 1 && run_once 2

#!/bin/sh
# Usage: metrics-with-pushgateway.sh DIR COMMAND...
# Starts a real prometheus-pushgateway on a free 127.0.0.1 port (state in DIR), runs COMMAND with
# PUSHGATEWAY=http://127.0.0.1:PORT, prints "exit: N", then the samples the gateway serves on
# /metrics (its own go_/process_/pushgateway_ series and push times left out), and stops it.
# A missing gateway is a failure, not a skip: tools/setup.sh installs it.
set -u
if ! command -v prometheus-pushgateway >/dev/null 2>&1; then
  echo "metrics-with-pushgateway.sh: prometheus-pushgateway is not installed (run tools/setup.sh)" >&2
  exit 99
fi
dir=$1
shift
mkdir -p "$dir"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
prometheus-pushgateway --web.listen-address="127.0.0.1:$port" \
  --persistence.file="$dir/pushgateway.db" >"$dir/pushgateway.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null' EXIT
ready=no
for _ in $(seq 1 300); do
  if curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null 2>&1; then ready=yes; break; fi
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if [ "$ready" != yes ]; then
  echo "metrics-with-pushgateway.sh: the pushgateway did not start:" >&2
  cat "$dir/pushgateway.log" >&2
  exit 98
fi
PUSHGATEWAY="http://127.0.0.1:$port" "$@"
echo "exit: $?"
curl -sf "http://127.0.0.1:$port/metrics" |
  grep -v -e '^#' -e '^go_' -e '^process_' -e '^pushgateway_' -e '^push_time_seconds' \
    -e '^push_failure_time_seconds'
exit 0

#!/bin/sh
# usage: with-http-server.sh DIR COMMAND...
# Starts the test HTTP server (infra-test-http-server.py) on 127.0.0.1 serving DIR, runs COMMAND
# with HTTP_PORT (the server's port) and CLOSED_PORT (a port nothing listens on) set, stops the
# server and exits with COMMAND's status.
dir=$1
shift
rm -f "$dir/.ports"
/usr/bin/python3 "$(dirname "$0")/infra-test-http-server.py" "$dir" "$dir/.ports" &
server=$!
while [ ! -s "$dir/.ports" ]; do sleep 0.02; done
read HTTP_PORT CLOSED_PORT < "$dir/.ports"
export HTTP_PORT CLOSED_PORT
"$@"
status=$?
kill $server
wait $server 2>/dev/null
exit $status

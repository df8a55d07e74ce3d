#!/usr/bin/env bash
# Start time of a built checkout (issue 22): wall seconds from launching the command to the
# "Charla inbox:" line the server prints when it listens, repeated RUNS times.
# Usage: npm run build && bash bench/start-time.sh [RUNS] [command...]   (default: 5 × npm start)
set -u
runs=${1:-5}
shift || true
[ $# -gt 0 ] || set -- npm start
export PORT=${PORT:-39500}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  setsid "$@" > "$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1500); do
    grep -q "Charla inbox:" "$log" && break
    sleep 0.02
  done
  end=$(date +%s.%N)
  if grep -q "Charla inbox:" "$log"; then
    printf 'start %d: %.2f s\n' "$i" "$(echo "$end - $start" | bc)"
  else
    echo "start $i: not ready within 30 s"; cat "$log"
  fi
  kill -TERM -- "-$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  sleep 1
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

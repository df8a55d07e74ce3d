#!/usr/bin/env bash
# bash scripts/loaded-suite.sh [runs=3]
# The whole suite (`npm test` with CI=true) `runs` times in a row, each beside a CPU hog (`yes`,
# one busy core of two), as the issue tracker asks before a reliability issue is resolved. Prints
# each run's exit code, seconds and the load average sampled every 30 s (min / median / max); the
# logs are under $TMPDIR/charla-loaded-<run>.log. Run it on a checkout after `npm ci`.
set -u
runs=${1:-3}
dir=${TMPDIR:-/tmp}
export CI=true
yes >/dev/null &
hog=$!
trap 'kill $hog 2>/dev/null' EXIT
failed=0
for run in $(seq 1 "$runs"); do
  loads="$dir/charla-loaded-$run.load"
  : >"$loads"
  (while true; do cut -d' ' -f1 /proc/loadavg >>"$loads"; sleep 30; done) &
  sampler=$!
  start=$(date +%s)
  npm test >"$dir/charla-loaded-$run.log" 2>&1
  rc=$?
  kill $sampler
  [ $rc = 0 ] || failed=1
  stats=$(sort -n "$loads" | awk '{a[NR]=$1} END {print "min", a[1], "median", a[int((NR+1)/2)], "max", a[NR]}')
  echo "run $run: exit $rc in $(($(date +%s) - start)) s, load $stats"
done
exit $failed

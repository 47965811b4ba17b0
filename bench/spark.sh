#!/usr/bin/env bash
# The Spark job against the CLI on the same 10,000 mixed files (2,000 each of .txt, .html, .docx,
# .doc, .xlsx: hard links to the corpus forms in turn), in one sitting on this machine:
#   1. ./jixiao convert DIR                 (the CLI, launcher defaults: 2 worker threads here)
#   2. the job on local[2], C1 and serial GC (two task slots on the same two cores, with the JVM
#      options the CLI's launcher uses for itself: docs/spark.md recommends them for executors)
#   3. the job on local[2], JVM defaults     (C2 and G1)
#   4. the job on local[1], C1 and serial GC (one slot: what the second one adds)
# and again in that order for each further round. Prints files/s over the wall time (JVM start
# included) and over the batch time each program reports, and the job/CLI ratio.
# usage: bench/spark.sh [-n FILES_PER_FORMAT=2000] [-r ROUNDS=1] [-w WORKDIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$here/src/test/resources/corpus"
[ -d "$corpus" ] || corpus="$here/core/src/test/resources/corpus"
n=2000 rounds=1 work="${TMPDIR:-/tmp}/jixiao-spark-bench"
while [ $# -gt 0 ]; do
  case "$1" in
    -n) n=$2; shift 2 ;;
    -r) rounds=$2; shift 2 ;;
    -w) work=$2; shift 2 ;;
    *) echo "usage: bench/spark.sh [-n FILES_PER_FORMAT] [-r ROUNDS] [-w WORKDIR]" >&2; exit 2 ;;
  esac
done
rm -rf "$work"; mkdir -p "$work/in"

# The inputs: N names per format, links to that format's corpus files in turn.
for fmt in txt html docx doc xlsx; do
  mapfile -t src < <(find "$corpus" -name "*.$fmt" -not -name 'seed-utf16le-bom.txt' | sort)
  mkdir -p "$work/in/$fmt"
  for ((i = 0; i < n; i++)); do
    f="${src[$((i % ${#src[@]}))]}"; t="$work/in/$fmt/$(printf 'f%06d' "$i").$fmt"
    ln "$f" "$t" 2>/dev/null || cp "$f" "$t"
  done
done
files=$(find "$work/in" -type f | wc -l)

# Builds: the CLI through its launcher, the job jar and Spark's classpath through Maven.
(cd "$here" && ./jixiao --version >/dev/null)
(cd "$here" && mvn -q -B -DskipTests -pl spark -am package dependency:build-classpath \
   -Dmdep.includeScope=provided -Dmdep.outputFile="$work/spark.classpath" >"$work/build.log" 2>&1) \
  || { tail -20 "$work/build.log"; exit 1; }
job_jar=$(ls "$here"/spark/target/jixiao-spark-*-job.jar)
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
 --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
 --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
 --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
 --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
 --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
 --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
 --add-exports=java.base/sun.nio.ch=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false
 -Dio.netty.tryReflectionSetAccessible=true"

now() { date +%s.%N; }
rate() { awk -v f="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? f / s : 0) }'; }
rows=()
cli_rate=0 job_rate=0 same=unchecked
run_cli() {
  local out="$work/cli" t0 t1 batch
  rm -rf "$out"; t0=$(now)
  (cd "$here" && ./jixiao convert "$work/in" --out "$out" >"$work/cli.log" 2>&1) || true
  t1=$(now)
  # The summary's last field: "...; 38.2 s"
  batch=$(grep -o '[0-9.]* s$' "$work/cli.log" | tail -1 | cut -d' ' -f1)
  local wall; wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  cli_rate=$(rate "$files" "$wall")
  rows+=("| CLI (./jixiao convert, 2 threads) | $files | $wall | $cli_rate | $(rate "$files" "${batch:-0}") |")
}
run_job() {
  local master=$1 label=$2 jvm=$3 out="$work/job" t0 t1 line secs wall
  rm -rf "$out"; t0=$(now)
  # shellcheck disable=SC2086
  java $opens -Xmx1g $jvm -Dspark.master="local[$master]" -Dspark.ui.enabled=false \
    -cp "$(cat "$work/spark.classpath"):$job_jar" org.jixiao.spark.ConvertJob --out "$out" "$work/in" \
    >"$work/job.out" 2>"$work/job.log" || true
  t1=$(now)
  line=$(grep '^jixiao-spark:' "$work/job.out" || echo "jixiao-spark: failed, see $work/job.log")
  secs=$(printf '%s\n' "$line" | sed -n 's/.*; \([0-9.]*\) s,.*/\1/p')
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  job_rate=$(rate "$files" "$wall")
  rows+=("| job, local[$master], $label | $files | $wall | $job_rate | $(rate "$files" "${secs:-0}") |")
  echo "  $label local[$master]: $line" >&2
}
ratio() { awk -v a="$job_rate" -v b="$cli_rate" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

echo "bench/spark.sh: $files files in $work/in; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for ((r = 1; r <= rounds; r++)); do
  run_cli
  run_job 2 "C1, serial GC" "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"; r1=$(ratio)
  if [ "$r" = 1 ]; then
    python3 "$here/bench/same_rows.py" "$work/cli" "$work/job" "$work/in" >"$work/same_rows.txt" \
      && same="every table equal" || same="DIFFERENT: see $work/same_rows.txt"
  fi
  run_job 2 "JVM defaults" ""; r2=$(ratio)
  run_job 1 "C1, serial GC" "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
  rows+=("| round $r: job local[2] / CLI (files/s, wall) | | | C1: $r1, defaults: $r2 | |")
done
echo "| run | files | wall s | files/s (wall) | files/s (batch) |"
echo "|---|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo "rows of the job (local[2], C1) against the CLI's: $same"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

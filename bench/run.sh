#!/usr/bin/env bash
# jixiao batch benchmark: generates N files per format from the test corpus, runs the full
# `jixiao convert` once per format and once over everything (one JVM per run, so the JIT warms up
# over the batch), and prints files/second and peak RSS. See bench/README.md.
#
# Usage: bench/run.sh [-n FILES_PER_FORMAT] [-f "txt html docx doc xlsx"] [-t THREADS] [-w WORKDIR]
#                     [--no-scaling] [--no-warm] [-r WARM_ROUNDS]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$here/core/src/test/resources/corpus"
n=10000
formats="txt html docx doc xlsx"
threads=""
work="${TMPDIR:-/tmp}/jixiao-bench"
scaling=1
warm=1
rounds=4

while [ $# -gt 0 ]; do
  case "$1" in
    -n) n="$2"; shift 2 ;;
    -f) formats="$2"; shift 2 ;;
    -t) threads="$2"; shift 2 ;;
    -w) work="$2"; shift 2 ;;
    --no-scaling) scaling=0; shift ;;
    --no-warm) warm=0; shift ;;
    -r) rounds="$2"; shift 2 ;;
    -h|--help) sed -n 2,9p "$0"; exit 0 ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
  esac
done

# Build once, outside the measurements.
"$here/jixiao" --version >/dev/null

# The corpus files of one format, as a newline-separated list.
sources() {
  case "$1" in
    txt) find "$corpus" -name '*.txt' -not -name 'seed-utf16le-bom.txt' | sort ;;
    *) find "$corpus" -name "*.$1" | sort ;;
  esac
}

# generate FORMAT COUNT DIR: COUNT distinct names, hard links to the corpus files in turn.
generate() {
  local fmt="$1" count="$2" dir="$3"
  mapfile -t files < <(sources "$fmt")
  if [ "${#files[@]}" -eq 0 ]; then
    echo "bench: no .$fmt file in the corpus" >&2
    return 1
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  local i=0 k=${#files[@]}
  while [ "$i" -lt "$count" ]; do
    local src="${files[$((i % k))]}"
    ln "$src" "$dir/$(printf 'f%06d' "$i").$fmt" 2>/dev/null || cp "$src" "$dir/$(printf 'f%06d' "$i").$fmt"
    i=$((i + 1))
  done
}

have_time_v() {
  [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1
}

# measure LABEL FILES INPUT...: runs convert, prints one result line.
measure() {
  local label="$1" files="$2"
  shift 2
  local out="$work/out-$label" log="$work/log-$label.txt"
  rm -rf "$out"
  local args=(convert "$@" --out "$out")
  [ -n "$threads" ] && args+=(--threads "$threads")
  local start end rss_kb
  start=$(date +%s.%N)
  if have_time_v; then
    /usr/bin/time -v "$here/jixiao" "${args[@]}" >"$log.stdout" 2>"$log" || true
    rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  else
    # No GNU time: poll the JVM's high-water mark (the launcher execs java, so the pid is the JVM's).
    "$here/jixiao" "${args[@]}" >"$log.stdout" 2>"$log" &
    local pid=$! hwm=0 v
    while kill -0 "$pid" 2>/dev/null; do
      v=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      [ -n "$v" ] && [ "$v" -gt "$hwm" ] && hwm=$v
      sleep 0.2
    done
    wait "$pid" || true
    rss_kb=$hwm
  fi
  end=$(date +%s.%N)
  local summary batch_s
  summary=$(grep -E '^jixiao: [0-9]+ file\(s\), ' "$log" | tail -1)
  batch_s=$(echo "$summary" | sed -E 's/.*; ([0-9.]+) s$/\1/')
  awk -v l="$label" -v f="$files" -v s="$start" -v e="$end" -v b="$batch_s" -v r="$rss_kb" -v sum="$summary" 'BEGIN {
    wall = e - s;
    printf "%-10s %7d files  wall %7.2f s  %8.1f files/s (wall)  %8.1f files/s (batch %.2f s)  peak RSS %4d MB\n",
      l, f, wall, f / wall, (b > 0 ? f / b : 0), b, r / 1024;
    printf "           %s\n", sum
  }'
}

mkdir -p "$work"
echo "jixiao bench: $n files per format, formats: $formats, threads: ${threads:-default (cores)}, $(nproc) cores"
echo "JVM options: ${JIXIAO_JAVA_OPTS:-launcher defaults}"
echo

all=()
total=0
for fmt in $formats; do
  generate "$fmt" "$n" "$work/in/$fmt"
  all+=("$work/in/$fmt")
  total=$((total + n))
done
for fmt in $formats; do
  measure "$fmt" "$n" "$work/in/$fmt"
done
measure overall "$total" "${all[@]}"

if [ "$scaling" = 1 ]; then
  echo
  echo "peak RSS, 1,000 vs 10,000 text files (target: within 20%):"
  generate txt 1000 "$work/in-scale-1k"
  generate txt 10000 "$work/in-scale-10k"
  measure txt-1k 1000 "$work/in-scale-1k"
  measure txt-10k 10000 "$work/in-scale-10k"
fi

if [ "$warm" = 1 ]; then
  echo
  echo "warm JVM (the issue's targets): the same convert run $rounds times in one JVM (bench/WarmConvert.java);"
  echo "the last rounds are the warm rate (targets: docx >= 500, html and txt >= 2,000 files/s):"
  mkdir -p "$work/warm-classes"
  javac -nowarn -cp "$here/cli/target/jixiao.jar" -d "$work/warm-classes" "$here/bench/WarmConvert.java"
  for fmt in $formats; do
    echo "$fmt:"
    targs=()
    [ -n "$threads" ] && targs=(--threads "$threads")
    # The launcher's JVM options for a batch, so the warm figures compare with the runs above.
    java ${JIXIAO_JAVA_OPTS:--XX:+UseSerialGC -Xshare:auto -Xmx176m} -cp "$here/cli/target/jixiao.jar:$work/warm-classes" \
      WarmConvert "$rounds" "$work/in/$fmt" "$work/out-warm" "${targs[@]}" 2>/dev/null
  done
fi

echo
echo "single file, JVM start included (target: <= 1.5 s):"
for i in 1 2 3; do
  s=$(date +%s.%N)
  "$here/jixiao" convert "$here/samples/000_28d3029d6f3e5f97.txt" --out "$work/out-single" --quiet >/dev/null
  e=$(date +%s.%N)
  awk -v s="$s" -v e="$e" -v i="$i" 'BEGIN { printf "  run %d: %.2f s\n", i, e - s }'
done

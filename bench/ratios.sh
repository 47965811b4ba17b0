#!/usr/bin/env bash
# jixiao against the parsers it is built on, in one sitting: per format, the warm rate of the whole
# `convert` against the cheapest walk of the same files with the bare library (bench/Ratios.java),
# as ratios; then two cold batches through the launcher: 1,000 .docx (its rate against the warm
# .docx rate just measured) and 10,000 mixed files (peak RSS). See bench/README.md.
#
# Usage: bench/ratios.sh [-n FILES_PER_FORMAT (400)] [-w WARM_ROUNDS (3)] [-c COUNTED_ROUNDS (3)]
#                        [--no-cold] [--alone ROUNDS] [-d WORKDIR]   TIKA_JAR=path/to/tika-app.jar adds Tika
# --alone ROUNDS also runs each JVM by itself, ROUNDS rounds, for .docx and HTML: every round's
# files/s, C2 compiler time and the ratio of the two: how the ratio moves as the JVMs warm up.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$here/core/src/test/resources/corpus"
n=400 warm=3 cycles=3 cold=1 alone=0 work="${TMPDIR:-/tmp}/jixiao-ratios"
while [ $# -gt 0 ]; do
  case "$1" in
    -n) n="$2"; shift 2 ;;
    -w) warm="$2"; shift 2 ;;
    -c) cycles="$2"; shift 2 ;;
    -d) work="$2"; shift 2 ;;
    --no-cold) cold=0; shift ;;
    --alone) alone="$2"; shift 2 ;;
    -h|--help) sed -n 2,10p "$0"; exit 0 ;;
    *) echo "ratios: unknown option $1" >&2; exit 2 ;;
  esac
done

"$here/jixiao" --version >/dev/null
jar="$here/cli/target/jixiao.jar"
mkdir -p "$work/classes"
cp="$jar:$here/cli/target/lib/*"
[ -n "${TIKA_JAR:-}" ] && cp="$cp:$TIKA_JAR"
javac -nowarn -cp "$cp" -d "$work/classes" "$here/bench/Ratios.java"

forms=(shanxi-2020-it-ops shanxi-2020-cloud-rent shanxi-2020-trading-center xinzhou-2020-it-build)
# copies EXT COUNT DIR: COUNT files named in turn after the four Shanxi forms of that format.
copies() {
  rm -rf "$3"; mkdir -p "$3"
  local i=0
  while [ "$i" -lt "$2" ]; do
    local f="$corpus/${forms[$((i % 4))]}/form.$1"
    ln "$f" "$3/$(printf %06d "$i").$1" 2>/dev/null || cp "$f" "$3/$(printf %06d "$i").$1"
    i=$((i + 1))
  done
}

echo "jixiao ratios: $n files per format, $warm warm-up + $cycles counted rounds, $(nproc) cores, $(date -u +%F)"
line="ratios (jixiao/bare walk, files/s median):"
declare -A warm_rate
for pair in docx:stax html:jsoup xlsx:xssf doc:hwpf; do
  ext=${pair%%:*} peer=${pair#*:}
  copies "$ext" "$n" "$work/in/$ext"
  modes=(jixiao "$peer")
  [ -n "${TIKA_JAR:-}" ] && modes+=(tika)
  table=$(java -cp "$work/classes:$cp" Ratios drive "$work/in/$ext" "$warm" "$cycles" "${modes[@]}")
  echo; echo "$table"
  warm_rate[$ext]=$(echo "$table" | awk -F'|' '$2 ~ /^ jixiao / {gsub(/ /, "", $3); print $3}')
  ratio=$(echo "$table" | awk -F'|' -v p=" $peer " '$2 == p {gsub(/ /, "", $5); print $5}')
  line="$line $ext $ratio"
done
echo; echo "$line"

if [ "$alone" -gt 0 ]; then
  for pair in docx:stax html:jsoup; do
    echo; java -cp "$work/classes:$cp" Ratios alone "$work/in/${pair%%:*}" "$alone" jixiao "${pair#*:}"
  done
fi

if [ "$cold" = 1 ]; then
  echo; echo "cold, through the launcher (JVM start included):"
  # cold LABEL DIR: one ./jixiao convert, wall time, rate and peak RSS.
  cold_run() {
    local out="$work/out-$1" log="$work/cold-$1.log" files start end rss
    files=$(find "$2" -type f | wc -l)
    rm -rf "$out"
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$log.rss" "$here/jixiao" convert "$2" --out "$out" --quiet >"$log" 2>&1 || true
    end=$(date +%s.%N)
    rss=$(tail -1 "$log.rss")
    awk -v l="$1" -v f="$files" -v s="$start" -v e="$end" -v r="$rss" -v w="${3:-}" 'BEGIN {
      printf "  %-12s %6d files  %6.2f s  %6.0f files/s  peak RSS %4d MB", l, f, e - s, f / (e - s), r / 1024;
      if (w != "") printf "  (%.2f of the warm .docx rate, %s files/s)", f / (e - s) / w, w;
      printf "\n" }'
  }
  copies docx 1000 "$work/cold-docx-1k"
  cold_run docx-1k "$work/cold-docx-1k" "${warm_rate[docx]}"
  rm -rf "$work/cold-mixed-10k"; mkdir -p "$work/cold-mixed-10k"
  for ext in docx html xlsx doc txt; do
    copies "$ext" 2000 "$work/cold-mixed-10k/$ext"
  done
  cold_run mixed-10k "$work/cold-mixed-10k"
  s=$(date +%s.%N); "$here/jixiao" convert "$corpus/shanxi-2020-it-ops/form.xlsx" --out "$work/out-one" --quiet >/dev/null; e=$(date +%s.%N)
  awk -v s="$s" -v e="$e" 'BEGIN { printf "  one .xlsx            %.2f s wall\n", e - s }'
fi

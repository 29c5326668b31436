#!/bin/bash
# End-to-end comparison of leadlag against sc on the same models, in one run:
# load + full evaluation + print one cell, memory at the largest size, one piped
# edit of a lead indicator, large edits on the largest chain (every cell changed, :undo,
# :seek), and the start-up of a one-line model.
# sc is skipped (its columns left empty) when it is not installed.
#
# Usage: scripts/peers/compare.sh [LEADLAG_BINARY] [SIZES...]
#   defaults: .build/release/leadlag, 1000 10000 100000 1000000
#   RUNS_1M (3) timed runs at 1M cells, EDITS (2000) edits piped per timing,
#   BEFORE=PATH another leadlag binary (an older build) timed in the same run, in its own column
# Needs hyperfine; models are generated under $PEERS_DIR (default /tmp/leadlag-peers).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
leadlag=$(realpath "${1:-.build/release/leadlag}"); shift || true
sizes=("${@:-1000 10000 100000 1000000}"); sizes=(${sizes[@]})
dir=${PEERS_DIR:-/tmp/leadlag-peers}
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }
have_sc=false; command -v sc >/dev/null && have_sc=true
before=${BEFORE:+$(realpath "$BEFORE")}
mkdir -p "$dir"
for n in "${sizes[@]}"; do
  [ -s "$dir/funnel-$n.sc" ] || "$here/generate-models.sh" "$dir" "$n"
done

# Mean seconds of a command, measured by hyperfine; SHELL_MODE=sh for a command with a redirection,
# STAT=min for the fastest run instead (hyperfine's csv: command,mean,stddev,median,user,system,min,max).
mean() {
  local runs=$1; shift
  local shell=(-N); [ "${SHELL_MODE:-}" = sh ] && shell=(-S sh)
  local column=2; [ "${STAT:-}" = min ] && column=7
  hyperfine "${shell[@]}" --style none --warmup "$([ "$runs" -ge 5 ] && echo 1 || echo 0)" --runs "$runs" --export-csv "$dir/run.csv" "$@" >/dev/null 2>&1
  awk -F, -v column=$column 'NR == 2 { print $column }' "$dir/run.csv"
}
ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }
ratio() { [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }' || echo "-"; }
runs_for() { if [ "$1" -ge 1000000 ]; then echo "${RUNS_1M:-3}"; elif [ "$1" -ge 100000 ]; then echo 5; else echo 20; fi; }

# The older build's column, when BEFORE is given: its time for the same command.
before_cell() { [ -n "$before" ] && echo "$(ms "$(mean "$1" "$before ${*:2}")") | " || true; }
before_header=${before:+"before | "}

echo "| shape, N | ${before_header}leadlag | sc | leadlag / sc |"
echo "| --- | ${before:+"--- | "}--- | --- | --- |"
for shape in chain funnel; do
  for n in "${sizes[@]}"; do
    model="$dir/$shape-$n.model"
    if [ $shape = chain ]; then name="c$((n - 1))"; else name=total; fi
    runs=$(runs_for "$n")
    old=$(before_cell "$runs" eval "$model" --get $name --format csv)
    ours=$(mean "$runs" "$leadlag eval $model --get $name --format csv")
    theirs=""; $have_sc && theirs=$(mean "$runs" "sc -q $dir/$shape-$n.sc")
    echo "| $shape $n | $old$(ms "$ours") | $([ -n "$theirs" ] && ms "$theirs" || echo "-") | $(ratio "$ours" "$theirs") |"
  done
done

largest=${sizes[-1]}
echo
echo "| memory at $largest cells (max RSS) | ${before_header}leadlag | sc |"
echo "| --- | ${before:+"--- | "}--- | --- |"
per_cell() { [ "$1" = - ] && echo - || awk -v kb="$1" -v n="$largest" 'BEGIN { printf "%d B/cell", kb * 1024 / n }'; }
rss() { /usr/bin/time -o "$dir/rss" -f %M "$@" >/dev/null 2>&1 && cat "$dir/rss" || echo -; }
for shape in chain funnel; do
  if [ $shape = chain ]; then name="c$((largest - 1))"; else name=total; fi
  old=""; [ -n "$before" ] && old="$(per_cell "$(rss "$before" eval "$dir/$shape-$largest.model" --get $name --format csv)") | "
  ours=$(rss "$leadlag" eval "$dir/$shape-$largest.model" --get $name --format csv)
  theirs="-"; $have_sc && theirs=$(rss sc -q "$dir/$shape-$largest.sc")
  echo "| $shape | $old$(per_cell "$ours") | $(per_cell "$theirs") |"
done

# One edit: the difference between piping EDITS + 1 edits and piping one, per edit, each the
# fastest of 5 runs (the edits must take longer than the load drifts between runs).
edits=${EDITS:-2000}
echo
echo "| one lead-indicator edit, piped REPL | ${before_header}leadlag |"
echo "| --- | ${before:+"--- | "}--- |"
printf 'leads_1 = 151\n' >"$dir/edit-1.txt"
for i in $(seq $((edits / 2))); do printf 'leads_1 = 150\nleads_1 = 151\n'; done >"$dir/edit-many.txt"
# Milliseconds per edit of a binary on a model: piping EDITS + 1 edits against piping one.
per_edit() {
  local one many
  one=$(STAT=min SHELL_MODE=sh mean 5 "$1 $2 < $dir/edit-1.txt")
  many=$(STAT=min SHELL_MODE=sh mean 5 "$1 $2 < $dir/edit-many.txt")
  awk -v a="$one" -v b="$many" -v e="$edits" 'BEGIN { printf "%.3f ms", (b - a) * 1000 / e }'
}
for n in "${sizes[@]}"; do
  [ "$n" -ge 10000 ] && [ "$n" -le 100000 ] || continue
  old=""; [ -n "$before" ] && old="$(per_edit "$before" "$dir/funnel-$n.model") | "
  echo "| funnel $n | $old$(per_edit "$leadlag" "$dir/funnel-$n.model") |"
done

# Large edits on the largest chain, piped after the load: setting its first cell (every cell
# changes), then :undo, and a goal seek of its last cell by its first; each less the load alone.
chain="$dir/chain-$largest.model"
last="c$((largest - 1))"
goal=$(awk -F, 'NR == 2 { printf "%.17g", 2 * $2 }' <("$leadlag" eval "$chain" --get "$last" --format csv))
: >"$dir/large-none.txt"
printf 'c0 = 2\n' >"$dir/large-edit.txt"
printf 'c0 = 2\n:undo\n' >"$dir/large-undo.txt"
printf ':seek %s = %s by c0\n' "$last" "$goal" >"$dir/large-seek.txt"
# Milliseconds of each large edit of a binary: edit, undo, seek, as a table row. Each is a difference
# of two runs of several seconds (the load), so the fastest of each is taken: a mean would carry the
# load's drift between runs, which on a shared machine is larger than the edit.
large_edits() {
  local runs none edit undo seek
  runs=$(runs_for "$largest")
  none=$(STAT=min SHELL_MODE=sh mean "$runs" "$1 $chain < $dir/large-none.txt")
  edit=$(STAT=min SHELL_MODE=sh mean "$runs" "$1 $chain < $dir/large-edit.txt")
  undo=$(STAT=min SHELL_MODE=sh mean "$runs" "$1 $chain < $dir/large-undo.txt")
  seek=$(STAT=min SHELL_MODE=sh mean "$runs" "$1 $chain < $dir/large-seek.txt")
  echo "$(ms "$(awk -v a="$edit" -v b="$none" 'BEGIN { print a - b }')") | $(ms "$(awk -v a="$undo" -v b="$edit" 'BEGIN { print a - b }')") | $(ms "$(awk -v a="$seek" -v b="$none" 'BEGIN { print a - b }')")"
}
echo
echo "| $largest-cell chain, piped REPL | edit c0 (all change) | then :undo | :seek $last by c0 |"
echo "| --- | --- | --- | --- |"
[ -n "$before" ] && echo "| before | $(large_edits "$before") |"
echo "| leadlag | $(large_edits "$leadlag") |"

echo
echo "| start-up, one-line model | ${before_header}leadlag | sc |"
echo "| --- | ${before:+"--- | "}--- | --- |"
printf 'x = 1\n' >"$dir/one.model"
printf 'let A0 = 1\nrecalc\neval A0\n' >"$dir/one.sc"
old=$(before_cell 50 eval "$dir/one.model" --get x --format csv)
ours=$(mean 50 "$leadlag eval $dir/one.model --get x --format csv")
theirs=""; $have_sc && theirs=$(mean 50 "sc -q $dir/one.sc")
echo "| eval | $old$(ms "$ours") | $([ -n "$theirs" ] && ms "$theirs" || echo "-") |"

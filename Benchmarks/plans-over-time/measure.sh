#!/bin/bash
# Times edits of a plan over 36 months end to end, through `leadlag run` with the change display
# printed (to /dev/null): each script of 200 edits minus the empty script on the same model,
# divided by 200; and the load and evaluation of the 10,000-cell model (the empty script on it,
# start-up included).
#
# Usage: Benchmarks/plans-over-time/measure.sh [LEADLAG_BINARY...]
#   defaults: .build/release/leadlag. Several binaries (an older build first) are timed in the
#   same run, their runs interleaved so a busy machine slows each alike. RUNS (15) runs of each
#   script, the median kept, of wall and of user time each.
#   Models are generated under $PLANS_DIR (default /tmp/leadlag-plans-over-time).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
binaries=("${@:-.build/release/leadlag}")
runs=${RUNS:-15}
dir=${PLANS_DIR:-/tmp/leadlag-plans-over-time}
[ -s "$dir/plan-10000.model" ] || "$here/generate.sh" "$dir" 1000 10000
timings=("edits.leadlag plan-1000.model" "overrides.leadlag plan-1000.model" "empty.leadlag plan-1000.model"
         "empty.leadlag plan-10000.model")

rm -f "$dir"/times-*
for _ in $(seq "$runs"); do
  for t in "${!timings[@]}"; do
    read -r script model <<<"${timings[$t]}"
    for b in "${!binaries[@]}"; do
      /usr/bin/time -a -o "$dir/times-$b-$t" -f "%e %U" "${binaries[$b]}" run "$dir/$script" --model "$dir/$model" >/dev/null 2>&1
    done
  done
done

# Median wall and user seconds of timing T of binary B.
median() {
  local m=$(( (runs + 1) / 2 ))
  echo "$(cut -d' ' -f1 "$dir/times-$1-$2" | sort -n | sed -n "${m}p") $(cut -d' ' -f2 "$dir/times-$1-$2" | sort -n | sed -n "${m}p")"
}
per_edit() {
  read -r wall user < <(median "$1" "$2")
  read -r wall0 user0 < <(median "$1" 2)
  awk -v w="$wall" -v u="$user" -v w0="$wall0" -v u0="$user0" \
    'BEGIN { printf "%.2f ms wall, %.2f ms user", (w - w0) * 1000 / 200, (u - u0) * 1000 / 200 }'
}
for b in "${!binaries[@]}"; do
  echo "${binaries[$b]} (median of $runs runs)"
  echo "  edit of leads, 1,000 cells x 36 months:       $(per_edit "$b" 0) per edit"
  echo "  the same edit in one period (2027-03):        $(per_edit "$b" 1) per edit"
  read -r wall user < <(median "$b" 3)
  echo "  load + evaluate, 10,000 cells x 36 months:    $wall s wall, $user s user"
done

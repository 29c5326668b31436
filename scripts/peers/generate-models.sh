#!/bin/sh
# Writes the models the peer comparison times, in leadlag's format and in sc's:
#   chain-N   c_i = c_{i-1} * 1.0001 + 1, N cells in one long dependency chain
#   funnel-N  N/7 bottoms-up funnels of 7 cells, plus one total: sum() of all of their revenues
# Usage: generate-models.sh DIRECTORY N...
# sc keeps at most 702 columns of 32,767 rows, and recalculates row by row: the chain runs
# along rows of 500 cells, each funnel along one row (2,000 funnels to a block of 7 columns),
# the total in the row below them all, so one pass in sc's order computes everything.
set -eu
dir=$1; shift
mkdir -p "$dir"
for n in "$@"; do
  awk -v n="$n" -v ll="$dir/chain-$n.model" -v sc="$dir/chain-$n.sc" '
    function col(i,   s) { s = ""; i++; while (i > 0) { s = sprintf("%c", 65 + (i - 1) % 26) s; i = int((i - 1) / 26) } return s }
    function cell(i) { return col(i % 500) int(i / 500) }
    BEGIN {
      print "c0 = 1" > ll; print "let A0 = 1" > sc
      for (i = 1; i < n; i++) {
        printf "c%d = c%d * 1.0001 + 1\n", i, i - 1 > ll
        printf "let %s = %s*1.0001+1\n", cell(i), cell(i - 1) > sc
      }
      printf "recalc\neval %s\n", cell(n - 1) > sc
    }'
  awk -v n="$n" -v ll="$dir/funnel-$n.model" -v sc="$dir/funnel-$n.sc" '
    function col(i,   s) { s = ""; i++; while (i > 0) { s = sprintf("%c", 65 + (i - 1) % 26) s; i = int((i - 1) / 26) } return s }
    BEGIN {
      k = int(n / 7); blocks = int((k + 1999) / 2000)
      for (f = 0; f < k; f++) {
        printf "leads_%d = %d\nconversion_%d = 15%%\nopportunities_%d = leads_%d * conversion_%d\n", f, 100 + f % 50, f, f, f, f > ll
        printf "win_rate_%d = 33%%\nwins_%d = opportunities_%d * win_rate_%d\ndeal_%d = $2400\n", f, f, f, f, f > ll
        printf "revenue_%d = wins_%d * deal_%d\n", f, f, f > ll
        r = f % 2000; b = int(f / 2000) * 7
        L = col(b); C = col(b + 1); O = col(b + 2); W = col(b + 3); X = col(b + 4); D = col(b + 5); R = col(b + 6)
        printf "let %s%d = %d\nlet %s%d = 0.15\nlet %s%d = %s%d*%s%d\n", L, r, 100 + f % 50, C, r, O, r, L, r, C, r > sc
        printf "let %s%d = 0.33\nlet %s%d = %s%d*%s%d\nlet %s%d = 2400\n", W, r, X, r, O, r, W, r, D, r > sc
        printf "let %s%d = %s%d*%s%d\n", R, r, X, r, D, r > sc
      }
      printf "total = sum(" > ll
      for (f = 0; f < k; f++) printf "%srevenue_%d", (f ? ", " : ""), f > ll
      printf ")\n" > ll
      total = "A" (k < 2000 ? k : 2000); printf "let %s = ", total > sc
      for (b = 0; b < blocks; b++) {
        last = (b == blocks - 1) ? (k - 1) % 2000 : 1999
        printf "%s@sum(%s0:%s%d)", (b ? "+" : ""), col(b * 7 + 6), col(b * 7 + 6), last > sc
      }
      printf "\nrecalc\neval %s\n", total > sc
    }'
done

#!/bin/sh
# Writes the plans over time that the edit and load timings use, and the scripts they run:
#   plan-N.model   N cells over 36 months (2027-01 .. 2029-12): four shared lead indicators
#                  (leads growing 2% a month), then regions of five cells each (their leads,
#                  wins, new recurring revenue, recurring revenue carried through prev, and a
#                  running total chaining the regions), and one annual total; an edit of leads
#                  recomputes every cell in every period
#   edits.leadlag      200 whole-cell edits of leads, alternating between two growth curves
#   overrides.leadlag  200 edits of leads in one period (2027-03), alternating
#   empty.leadlag      no input: what loading the model and starting costs
# Usage: generate.sh DIRECTORY N...
set -eu
dir=$1; shift
mkdir -p "$dir"
for n in "$@"; do
  awk -v n="$n" -v out="$dir/plan-$n.model" '
    BEGIN {
      regions = int((n - 5) / 5)
      print "periods = 2027-01 .. 2029-12" > out
      print "leads = 150 * 1.02 ^ t\nconversion = 15%\nwin_rate = 33%\ndeal = $2400" > out
      for (r = 1; r <= regions; r++) {
        previous = r == 1 ? "0" : "running_" (r - 1)
        printf "region_%d_leads = leads * (1 + %d / 1000)\n", r, r > out
        printf "region_%d_wins = region_%d_leads * conversion * win_rate\n", r, r > out
        printf "region_%d_new_mrr = region_%d_wins * deal\n", r, r > out
        printf "region_%d_mrr = prev(region_%d_mrr) + region_%d_new_mrr\n", r, r, r > out
        printf "running_%d = %s + region_%d_mrr\n", r, previous, r > out
      }
      printf "annual_total = total(running_%d)\n", regions > out
    }'
done
awk -v edits="$dir/edits.leadlag" -v overrides="$dir/overrides.leadlag" 'BEGIN {
  for (i = 0; i < 200; i++) {
    print "leads = " (i % 2 ? 150 : 151) " * 1.02 ^ t" > edits
    print "leads[2027-03] = " (i % 2 ? 150 : 151) > overrides
  }
}'
: > "$dir/empty.leadlag"

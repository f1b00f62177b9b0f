#!/usr/bin/env bash
# What memory costs `ticket start`: whole-process timings with hyperfine (Debian's package) of
# creating a new ticket on a store with an empty archive and with 10,000 archived tickets (seeded in
# bulk SQL by `Dialtone.Bench seed-archive`: ~30 terms, 3 subtasks and 5 changed files each), for a
# start that matches archived work (prints [ALERT]/[CONTEXT]/[TIP]) and one that matches nothing;
# plus `ticket search` and `stats` on the same store, and the relevance query alone, in process.
# Every timed start creates the ticket anew: --prepare switches back to main and forgets it.
# Prints medians; raw JSON goes to bench/results/memory.json. RUNS=<n> sets the run count (default 30),
# COUNT=<n> the archive size (default 10000).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v hyperfine >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }

"$root/dialtone.sh" --help >/dev/null            # build once, outside the timings
bin="$root/.build/cli/dialtone"
dotnet build -c Release "$root/bench/Dialtone.Bench" -nologo -v quiet >"$root/bench/.build.log" 2>&1 || { cat "$root/bench/.build.log" >&2; exit 1; }
benchdll="$root/bench/Dialtone.Bench/bin/Release/net10.0/Dialtone.Bench.dll"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
results="$root/bench/results"
mkdir -p "$results"
count="${COUNT:-10000}"

make_repo() { # <dir>
  git init -q -b main "$1"
  git -C "$1" -c user.name=b -c user.email=b@b commit -q --allow-empty -m init
}
make_repo "$work/empty"
"$bin" -C "$work/empty" ticket list >/dev/null   # creates and migrates the store
make_repo "$work/archive"
dotnet "$benchdll" seed-archive "$work/archive/.git" "$count"

related="Handle Stripe dispute webhooks and check their signature"
unrelated="Show calories and allergens on each recipe card"
"$bin" -C "$work/archive" ticket start probe --desc "$related" | grep -q '^\[ALERT\] Similar patterns found' || { echo "the related start found nothing" >&2; exit 1; }
if "$bin" -C "$work/archive" ticket start probe-unrelated --desc "$unrelated" | grep -q '^\[ALERT\]'; then echo "the unrelated start found something" >&2; exit 1; fi
git -C "$work/archive" switch -q main

# Forget the benchmark ticket in both repositories so that every timed `ticket start` creates it.
reset="$work/reset.sh"
cat >"$reset" <<SH
#!/bin/sh
for r in "$work/empty" "$work/archive"; do
  git -C "\$r" switch -q main 2>/dev/null
  git -C "\$r" branch -q -D bench-start 2>/dev/null
  rm -f "\$r/.dialtone/tickets/bench-start.json"
  dotnet "$benchdll" forget "\$r/.git" bench-start
done
SH
chmod +x "$reset"

cd "$work"
hyperfine -N --warmup 3 --runs "${RUNS:-30}" --prepare "$reset" --export-json "$results/memory.json" \
  -n "start, empty archive"            "$bin -C $work/empty ticket start bench-start --desc '$related'" \
  -n "start, $count archived, related"   "$bin -C $work/archive ticket start bench-start --desc '$related'" \
  -n "start, $count archived, unrelated" "$bin -C $work/archive ticket start bench-start --desc '$unrelated'" \
  -n "search, $count archived"           "$bin -C $work/archive ticket search 'stripe webhook signature'" \
  -n "stats, $count archived"            "$bin -C $work/archive stats" \
  -n "status, $count archived"           "$bin -C $work/archive ticket status" >/dev/null

python3 - "$results/memory.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
print(f"{'command':34} {'median ms':>10} {'mean ms':>9} {'min ms':>8}")
for r in data["results"]:
    print(f"{r['command']:34} {r['median']*1000:10.1f} {r['mean']*1000:9.1f} {r['min']*1000:8.1f}")
PY
dotnet "$benchdll" time-query "$work/archive/.git" "bench-start $related" 50

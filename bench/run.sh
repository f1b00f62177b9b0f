#!/usr/bin/env bash
# Whole-process timings of the CLI with hyperfine (Debian's package), on stores of 1 and 10,000
# tickets. Prints medians; the raw JSON goes to bench/results/. Micro benchmarks of hot paths:
#   dotnet run -c Release --project bench/Dialtone.Bench -- --filter '*'
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v hyperfine >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }

"$root/dialtone.sh" --help >/dev/null            # build once, outside the timings
bin="$root/.build/cli/dialtone"
dotnet build -c Release "$root/bench/Dialtone.Bench" -nologo -v quiet >"$root/bench/.build.log" 2>&1 || { cat "$root/bench/.build.log" >&2; exit 1; }
seed() { dotnet "$root/bench/Dialtone.Bench/bin/Release/net10.0/Dialtone.Bench.dll" seed "$@"; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
results="$root/bench/results"
mkdir -p "$results"

make_repo() { # <dir> <seeded-ticket-count>
  git init -q -b main "$1"
  git -C "$1" -c user.name=b -c user.email=b@b commit -q --allow-empty -m init
  [ "$2" -gt 0 ] && seed "$1/.git" "$2" >/dev/null
  "$bin" -C "$1" ticket start bench-ticket >/dev/null
  for i in 1 2 3; do "$bin" -C "$1" ticket subtask add "step-$i" --desc "step $i" --condition "exits 0" --test true >/dev/null; done
}

make_repo "$work/one" 0
make_repo "$work/many" 10000

# The loop: a subtask whose test is `true`, so `ticket next` measures Dialtone's own overhead.
make_repo "$work/loop" 0
"$bin" -C "$work/loop" ticket subtask rm step-1 >/dev/null && "$bin" -C "$work/loop" ticket subtask rm step-2 >/dev/null && "$bin" -C "$work/loop" ticket subtask rm step-3 >/dev/null
"$bin" -C "$work/loop" ticket subtask add noop --desc "measure overhead" --condition "exits 0" --test true >/dev/null
git -C "$work/loop" -c user.name=b -c user.email=b@b add -A && git -C "$work/loop" -c user.name=b -c user.email=b@b commit -q -m record

cd "$work"
hyperfine -N --warmup 5 --runs "${RUNS:-40}" --export-json "$results/cli.json" \
  -n "status (1 ticket)"         "$bin -C $work/one ticket status" \
  -n "subtask list (1 ticket)"   "$bin -C $work/one ticket subtask list" \
  -n "status (10,000 tickets)"   "$bin -C $work/many ticket status" \
  -n "subtask list (10,000)"     "$bin -C $work/many ticket subtask list" \
  -n "help, no store"            "$bin --help" \
  -n "dialtone.sh status (1)"    "$root/dialtone.sh -C $work/one ticket status" \
  -n "next (test: true)"         "$bin -C $work/loop ticket next" \
  -n "log (a note)"              "$bin -C $work/loop ticket log 'measuring the log'" \
  -n "sh -c true (baseline)"     "/bin/sh -c true"

python3 - "$results/cli.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
print(f"{'command':28} {'median ms':>10} {'mean ms':>9} {'min ms':>8}")
for r in data["results"]:
    print(f"{r['command']:28} {r['median']*1000:10.1f} {r['mean']*1000:9.1f} {r['min']*1000:8.1f}")
PY

#!/usr/bin/env bash
# What `dialtone verify` costs beyond the tests it re-runs: whole-process timings with hyperfine
# (Debian's package) in fresh, packed clones (no store) of two tickets whose tests are all `true`:
#   * 10 subtasks, 31 commits (per subtask one signed work commit and two bookkeeping commits that
#     rewrite the record, then the validation's commit);
#   * the same ticket with ~1,000 commits (969 more bookkeeping commits, each a record version, so
#     the evidence check reads its cap of 200 versions).
# Prints medians and what verify adds over the CLI's start-up (`dialtone --version`) and over ten
# `sh -c true` (what the tests themselves cost). `--prove-red` exits 1 there (`true` passes at the
# base too), so hyperfine ignores exit codes; every plain verify is checked to pass before timing.
# The raw JSON goes to bench/results/verify.json. RUNS=<n> sets the run count (default 20); BIG=<n>
# the commit count of the big ticket (default 1000).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v hyperfine >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }

"$root/dialtone.sh" --help >/dev/null            # build once, outside the timings
bin="$root/.build/cli/dialtone"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
results="$root/bench/results"
mkdir -p "$results"
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
unset DIALTONE DIALTONE_BIN DIALTONE_DEBUG DIALTONE_TICKET GITHUB_HEAD_REF GITHUB_REF_NAME CI_COMMIT_REF_NAME

# A bookkeeping commit: only the record changes (its revision, which no hash covers).
bookkeeping() { # <dir> <message>
  local file="$1/.dialtone/tickets/bench.json" text n
  text="$(<"$file")"
  [[ $text =~ \"revision\":\ ([0-9]+) ]] || { echo "no revision in $file" >&2; exit 1; }
  n="${BASH_REMATCH[1]}"
  printf '%s\n' "${text/\"revision\": $n/\"revision\": $((n + 1))}" >"$file"
  git -C "$1" commit -q -a -m "$2"
}

make_ticket() { # <dir> <extra bookkeeping commits after validation>
  local dir="$1"
  git init -q -b main "$dir"
  git -C "$dir" config commit.gpgsign false
  printf '# bench\n' >"$dir/README.md"
  mkdir -p "$dir/src"
  for f in $(seq 1 50); do printf 'file %s\n' "$f" >"$dir/src/file-$f.txt"; done
  git -C "$dir" add -A && git -C "$dir" commit -q -m init
  "$bin" -C "$dir" ticket start bench >/dev/null
  for i in $(seq 1 10); do
    "$bin" -C "$dir" ticket subtask add "step-$i" --desc "step $i" --condition "exits 0" --test true >/dev/null
  done
  for i in $(seq 1 10); do
    printf 'work %s\n' "$i" >"$dir/src/work-$i.txt"
    "$bin" -C "$dir" ticket next >/dev/null
    "$bin" -C "$dir" ticket log "SIGN: step-$i test-command is idempotent and PASS" >/dev/null
    git -C "$dir" add -A && git -C "$dir" commit -q -m "step $i"
    bookkeeping "$dir" "step $i: notes"
    bookkeeping "$dir" "step $i: more notes"
  done
  "$bin" -C "$dir" ticket validate >/dev/null
  git -C "$dir" add -A && git -C "$dir" commit -q -m "validate"
  for n in $(seq 1 "$2"); do bookkeeping "$dir" "bookkeeping $n"; done
}

make_ticket "$work/small" 0
cp -r "$work/small" "$work/big"
for n in $(seq 1 $(( ${BIG:-1000} - 31 ))); do bookkeeping "$work/big" "bookkeeping $n"; done
git clone -q --no-local "$work/small" "$work/small-clone"   # packed, as a CI fetch is
git clone -q --no-local "$work/big" "$work/big-clone"
for c in small big; do
  "$bin" -C "$work/$c-clone" verify >"$work/$c.out" || { cat "$work/$c.out" >&2; echo "verify failed on the $c ticket" >&2; exit 1; }
  [ ! -d "$work/$c-clone/.git/dialtone" ] || { echo "verify created a store in the $c clone" >&2; exit 1; }
done
commits() { git -C "$1" rev-list --count origin/main..HEAD; }
echo "tickets: small $(commits "$work/small-clone") commits, big $(commits "$work/big-clone") commits, 10 subtasks each (tests: true)"

cd "$work"
hyperfine -N -i --warmup 3 --runs "${RUNS:-20}" --export-json "$results/verify.json" \
  -n "start-up (--version)"          "$bin --version" \
  -n "10x sh -c true"                "sh -c 'for i in 1 2 3 4 5 6 7 8 9 10; do sh -c true; done'" \
  -n "verify, 10 subtasks, 31 commits" "$bin -C $work/small-clone verify" \
  -n "verify, 10 subtasks, ~1000 commits" "$bin -C $work/big-clone verify" \
  -n "verify --prove-red, 31 commits" "$bin -C $work/small-clone verify --prove-red" >/dev/null

python3 - "$results/verify.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
# Under load the wall clock mostly measures waiting for a core; CPU time (user + system, of the CLI
# and its git and sh children) says what verify itself costs.
print(f"{'command':38} {'median ms':>10} {'min ms':>8} {'cpu ms':>8}")
for name, x in r.items():
    print(f"{name:38} {x['median']*1000:10.1f} {x['min']*1000:8.1f} {(x['user']+x['system'])*1000:8.1f}")
start, tests = r["start-up (--version)"], r["10x sh -c true"]
for name in ("verify, 10 subtasks, 31 commits", "verify, 10 subtasks, ~1000 commits"):
    x = r[name]
    wall = (x["median"] - start["median"] - tests["median"]) * 1000
    fastest = (x["min"] - start["min"] - tests["min"]) * 1000
    cpu = ((x["user"] + x["system"]) - (start["user"] + start["system"]) - (tests["user"] + tests["system"])) * 1000
    print(f"{name}: beyond start-up and the tests: median {wall:6.1f} ms, min {fastest:6.1f} ms, cpu {cpu:6.1f} ms (budget 300 ms for 31 commits)")
PY

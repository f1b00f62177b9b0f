#!/usr/bin/env bash
# What Dialtone's git hooks add to a commit: whole-process `git commit` timed with hyperfine
# (Debian's package) in repositories with the hooks installed and without, on a branch with no
# ticket and on a ticket branch whose staged tree is signed (the gate's full pass path: record
# read, staged tree, record check, trailers). Prints medians and the added milliseconds; the raw
# JSON goes to bench/results/hooks.json. RUNS=<n> sets the run count (default 40). A fifth case
# records the built binary as dialtone.bin instead of dialtone.sh, to show what the script's
# staleness check costs per commit.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v hyperfine >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }

"$root/dialtone.sh" --help >/dev/null            # build once, outside the timings
cli="$root/dialtone.sh"                           # what `hooks install` records, so what hooks run

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
results="$root/bench/results"
mkdir -p "$results"
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
unset DIALTONE DIALTONE_BIN DIALTONE_DEBUG

make_repo() { # <dir> <hooks: yes|no> <branch: ticket|plain>
  local dir="$1"
  git init -q -b main "$dir"
  git -C "$dir" config commit.gpgsign false
  printf '# bench\n' >"$dir/README.md"
  git -C "$dir" add -A && git -C "$dir" commit -q -m init
  [ "$2" = yes ] && "$cli" -C "$dir" hooks install >/dev/null
  [ "$3" = plain ] && return 0
  "$cli" -C "$dir" ticket start feature >/dev/null
  "$cli" -C "$dir" ticket subtask add greet --desc "Create a.txt" --condition "a.txt exists" --test "test -f a.txt" >/dev/null
  printf 'hello\n' >"$dir/a.txt"
  "$cli" -C "$dir" ticket next >/dev/null
  "$cli" -C "$dir" ticket log "SIGN: greet test-command is idempotent and PASS" >/dev/null
  git -C "$dir" add -A && git -C "$dir" commit -q -m "signed work"
  # From here every `commit --allow-empty` stages exactly the signed tree: the gate's pass path.
}

make_repo "$work/plain-bare" no plain
make_repo "$work/plain-hooked" yes plain
make_repo "$work/ticket-bare" no ticket
make_repo "$work/ticket-hooked" yes ticket
make_repo "$work/ticket-hooked-bin" yes ticket
git -C "$work/ticket-hooked-bin" config dialtone.bin "$root/.build/cli/dialtone"
git -C "$work/ticket-hooked" log -1 --format=%B | grep -q '^Dialtone-Subtask: greet$' || { echo "the hooked ticket repo did not pass the gate" >&2; exit 1; }

commit="commit -q --allow-empty -m bench"
hyperfine -N --warmup 5 --runs "${RUNS:-40}" --export-json "$results/hooks.json" \
  -n "no ticket, no hooks"   "git -C $work/plain-bare $commit" \
  -n "no ticket, hooks"      "git -C $work/plain-hooked $commit" \
  -n "ticket, no hooks"      "git -C $work/ticket-bare $commit" \
  -n "ticket, hooks"         "git -C $work/ticket-hooked $commit" \
  -n "ticket, hooks, binary" "git -C $work/ticket-hooked-bin $commit" >/dev/null

git -C "$work/ticket-hooked" log -1 --format=%B | grep -q '^Dialtone-Subtask: greet$' || { echo "benchmarked ticket commits did not pass the gate" >&2; exit 1; }

python3 - "$results/hooks.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
print(f"{'git commit':22} {'median ms':>10} {'mean ms':>9} {'min ms':>8}")
for name, x in r.items():
    print(f"{name:22} {x['median']*1000:10.1f} {x['mean']*1000:9.1f} {x['min']*1000:8.1f}")
for kind, base, budget in (("no ticket, hooks", "no ticket, no hooks", 10), ("ticket, hooks", "ticket, no hooks", 80), ("ticket, hooks, binary", "ticket, no hooks", 80)):
    added = (r[kind]["median"] - r[base]["median"]) * 1000
    fastest = (r[kind]["min"] - r[base]["min"]) * 1000
    print(f"added: {kind:22} median {added:6.1f} ms, min {fastest:6.1f} ms (budget {budget} ms)")
PY

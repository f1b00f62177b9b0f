#!/usr/bin/env bash
# What the design-doc check adds to `ticket log` (DESIGN §6): whole-process runs with hyperfine
# (Debian's package) in a repository with 20 watched Markdown docs of 2,000 lines each (43 sections
# with a 40-row table apiece, cut at 2,000), against the same repository with nothing watched. Cases:
#   unchanged         nothing changed: one `git ls-files` + one `git rev-parse`, no reads, no parses
#   changed, alerted  one doc edited, its alert already raised: that doc is hashed, the alert printed
#   changed, new      one doc edited anew before every run: hashed, both versions parsed and diffed
# Prints medians and the milliseconds added; every run's time goes to bench/results/alerts.json.
# The machine this runs on is shared, so the cases are interleaved: ROUNDS (default 8) rounds of
# RUNS (default 5) hyperfine runs per case, medians over all of them.
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
unset DIALTONE DIALTONE_BIN DIALTONE_DEBUG

make_docs() { # <dir>: 20 docs × 2,000 lines
  python3 - "$1" <<'PY'
import os, sys
root = sys.argv[1]
os.makedirs(os.path.join(root, "docs"), exist_ok=True)
for d in range(20):
    lines = [f"# Service {d} design", ""]
    for s in range(43):
        lines += [f"## Resource {s}", "", f"Resource {s} of service {d} is created, read and deleted through the API.", "",
                  "| Field | Type | Required | Description |", "|---|---|---|---|"]
        lines += [f"| field_{s}_{r} | string | {'yes' if r % 3 == 0 else 'no'} | Field {r} of resource {s}, described at some length |" for r in range(40)]
        lines += [""]
    with open(os.path.join(root, "docs", f"service-{d:02}.md"), "w") as f:
        f.write("\n".join(lines[:2000]) + "\n")
PY
}

make_repo() { # <dir> <watched: yes|no>
  local dir="$1"
  git init -q -b main "$dir"
  make_docs "$dir"
  [ "$2" = no ] && { mkdir -p "$dir/.dialtone" && printf '{ "alerts": { "watch": [] } }\n' >"$dir/.dialtone/config.json"; }
  git -C "$dir" add -A && git -C "$dir" commit -q -m "design docs"
  "$bin" -C "$dir" ticket start bench-ticket >/dev/null
  "$bin" -C "$dir" ticket log "warm the store" >/dev/null
}

make_repo "$work/none" no
make_repo "$work/watched" yes
make_repo "$work/alerted" yes
make_repo "$work/fresh" yes
wc -l "$work/watched/docs/service-00.md" | awk '{ printf "docs: 20 × %s lines\n", $1 }'

# One edit, alerted once, then steady.
sed -i 's/| field_3_7 | string |/| field_3_7_renamed | string |/' "$work/alerted/docs/service-07.md"
"$bin" -C "$work/alerted" ticket log "raise it" | grep -q '^\[ALERT\]'

# A new edit before every run: the two versions alternate, so every run diffs afresh.
toggle="$work/toggle.sh"
cat >"$toggle" <<SH
#!/bin/sh
f="$work/fresh/docs/service-07.md"
if grep -q 'field_3_7_a ' "\$f"; then sed -i 's/| field_3_7_a |/| field_3_7_b |/' "\$f"; else sed -i 's/| field_3_7\(_b\)\{0,1\} |/| field_3_7_a |/' "\$f"; fi
SH
chmod +x "$toggle"

cd "$work"
rounds="$work/rounds"
mkdir -p "$rounds"
for round in $(seq "${ROUNDS:-8}"); do
  hyperfine -N --warmup 2 --runs "${RUNS:-5}" --export-json "$rounds/alerts-$round.json" --style none \
    -n "log, nothing watched"       "$bin -C $work/none ticket log 'measuring the log'" \
    -n "log, 20 docs unchanged"     "$bin -C $work/watched ticket log 'measuring the log'" \
    -n "log, 1 changed, alerted"    "$bin -C $work/alerted ticket log 'measuring the log'" >/dev/null
  # --prepare applies to every command of a run, so the fresh-diff case has a run of its own.
  hyperfine -N --warmup 2 --runs "${RUNS:-5}" --export-json "$rounds/fresh-$round.json" --style none --prepare "$toggle" \
    -n "log, 1 changed, new diff"   "$bin -C $work/fresh ticket log 'measuring the log'" >/dev/null
done

python3 - "$rounds" "$results/alerts.json" <<'PY'
import glob, json, statistics, sys
times = {}
for path in sorted(glob.glob(sys.argv[1] + "/*.json")):
    for r in json.load(open(path))["results"]:
        times.setdefault(r["command"], []).extend(r["times"])
order = ["log, nothing watched", "log, 20 docs unchanged", "log, 1 changed, alerted", "log, 1 changed, new diff"]
base = statistics.median(times[order[0]])
print(f"{'ticket log':28} {'runs':>5} {'median ms':>10} {'added ms':>9} {'min ms':>8}")
for name in order:
    t = times[name]
    print(f"{name:28} {len(t):5} {statistics.median(t)*1000:10.1f} {(statistics.median(t)-base)*1000:+9.1f} {min(t)*1000:8.1f}")
json.dump({name: {"median": statistics.median(times[name]), "times": times[name]} for name in order}, open(sys.argv[2], "w"), indent=1)
PY

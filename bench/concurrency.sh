#!/usr/bin/env bash
# Several agents writing at once (DESIGN §2 "Concurrency", §8: 8 concurrent agents p99 ≤ 1 s with
# none failing). Two contention scenarios, then one uncontended "big ticket" hyperfine run:
#
#   repo       W writer processes, one repository, one ticket: the worst case, every write hits the
#              same store, the same ticket rows and the same record file.
#   worktrees  W linked worktrees (`git worktree add`) of one repository, one ticket each: the
#              store (in the common git dir) is still shared, the record files are not.
#   big        `ticket log` and `ticket subtask add` on a ticket with 500 subtasks and 5,000 log
#              lines vs a fresh one: a write must cost the same whatever the ticket's size.
#
# Every worker runs M commands, round-robin `ticket log`, `ticket subtask add`, `ticket ask --fyi`,
# `ticket summary update`, through bench/load/Load.cs (monotonic per-command latency, exit code,
# the [FAIL] line of failures). Afterwards every acknowledged write (exit 0) is looked up: subtasks
# in the record files and in `ticket subtask list --json`, questions in `inbox --json`; log lines
# and summaries have no CLI read-back (the CLI shows only the latest summary), so they are read
# from the store with the binary's own libduckdb (python3 + ctypes, read-only, after the run).
# Lock hold and wait per store session come from DIALTONE_LOCK_TRACE (binaries that support it).
#
# Environment:
#   DIALTONE_BINS  "label=/path/to/dialtone …" builds to compare in one run (no spaces in paths);
#                  default "current=<repo>/.build/cli/dialtone", built by ./dialtone.sh
#   W, M           writers and commands per writer (default 8 and 200)
#   RUNS           hyperfine runs of the big-ticket commands (default 20)
#   BIG_SUBTASKS, BIG_LOGS   size of the big ticket (default 500 and 5000)
#   SCENARIOS      any of "repo worktrees big" (default all three)
#   DIALTONE_LOCK_TIMEOUT is passed through to the CLI (its default wait is 30 s).
# Prints a table per scenario and binary; JSON goes to bench/results/concurrency.json.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v hyperfine >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
command -v python3 >/dev/null 2>&1 || { echo "python3 is needed to read the store back and to summarise" >&2; exit 1; }

W="${W:-8}" M="${M:-200}" RUNS="${RUNS:-20}"
BIG_SUBTASKS="${BIG_SUBTASKS:-500}" BIG_LOGS="${BIG_LOGS:-5000}"
SCENARIOS="${SCENARIOS:-repo worktrees big}"

# label=path pairs; the default builds this checkout first (outside every timing).
labels=() bins=()
spec="${DIALTONE_BINS:-}"
if [ -z "$spec" ]; then
  "$root/dialtone.sh" --help >/dev/null
  spec="current=$root/.build/cli/dialtone"
fi
for pair in $spec; do
  label="${pair%%=*}" path="${pair#*=}"
  [[ "$pair" == *=* && "$label" =~ ^[A-Za-z0-9_.-]+$ ]] || { echo "DIALTONE_BINS: '$pair' is not label=path" >&2; exit 2; }
  [ -x "$path" ] || { echo "DIALTONE_BINS: $path ($label) is not an executable" >&2; exit 2; }
  for l in "${labels[@]:-}"; do [ "$l" != "$label" ] || { echo "DIALTONE_BINS: label '$label' twice" >&2; exit 2; }; done
  labels+=("$label") bins+=("$(cd "$(dirname "$path")" && pwd)/$(basename "$path")")
done

work="$(mktemp -d)"
# Worktrees live inside $work, so removing it removes them; nothing outside $work is touched.
trap 'rm -rf "$work"' EXIT
results="$root/bench/results"
mkdir -p "$results"
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
unset DIALTONE DIALTONE_BIN DIALTONE_DEBUG
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build "$root/bench/load/Load.cs" -o "$work/load" -nologo -v quiet >"$work/load.log" 2>&1 || { cat "$work/load.log" >&2; exit 1; }
load="$work/load/Load"

# The store's SQL, through the libduckdb that ships next to each binary (same DuckDB version as
# the one that wrote the file). Only COPY TO a CSV, so no result struct has to be decoded.
cat >"$work/duck.py" <<'PY'
import ctypes, sys
def run(lib_path, db_path, statements, read_only):
    lib = ctypes.CDLL(lib_path)
    lib.duckdb_result_error.restype = ctypes.c_char_p
    db, conn, cfg, err = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_char_p()
    lib.duckdb_create_config(ctypes.byref(cfg))
    options = [("autoinstall_known_extensions", "false"), ("autoload_known_extensions", "false")]
    if read_only: options.append(("access_mode", "READ_ONLY"))
    for k, v in options: lib.duckdb_set_config(cfg, k.encode(), v.encode())
    if lib.duckdb_open_ext(db_path.encode(), ctypes.byref(db), cfg, ctypes.byref(err)) != 0:
        raise RuntimeError(f"open {db_path}: {err.value.decode() if err.value else '?'}")
    lib.duckdb_destroy_config(ctypes.byref(cfg))
    lib.duckdb_connect(db, ctypes.byref(conn))
    try:
        for sql in statements:
            res = ctypes.create_string_buffer(256)   # duckdb_result is 48 bytes; room to spare
            if lib.duckdb_query(conn, sql.encode(), res) != 0:
                message = lib.duckdb_result_error(res).decode()
                lib.duckdb_destroy_result(res)
                raise RuntimeError(f"{message}\n{sql}")
            lib.duckdb_destroy_result(res)
    finally:
        lib.duckdb_disconnect(ctypes.byref(conn)); lib.duckdb_close(ctypes.byref(db))
if __name__ == "__main__":   # duck.py <lib> <db> ro|rw  < statements separated by ";\n"
    try: run(sys.argv[1], sys.argv[2], [s for s in sys.stdin.read().split(";\n") if s.strip()], sys.argv[3] == "ro")
    except RuntimeError as e: sys.exit(str(e))
PY
duckdb_lib() { # <bin>: the libduckdb the binary loads
  local dir; dir="$(dirname "$1")"
  if [ -n "${DIALTONE_DUCKDB_LIB:-}" ]; then echo "$DIALTONE_DUCKDB_LIB"
  elif [ -f "$dir/libduckdb.so" ]; then echo "$dir/libduckdb.so"
  elif [ -f "$dir/libduckdb.dylib" ]; then echo "$dir/libduckdb.dylib"
  fi
}
store_of() { echo "$(git -C "$1" rev-parse --path-format=absolute --git-common-dir)/dialtone/dialtone.duckdb"; }

make_repo() { # <dir>
  git init -q -b main "$1"
  git -C "$1" config commit.gpgsign false
  printf '# bench\n' >"$1/README.md"
  git -C "$1" add -A && git -C "$1" commit -q -m init
}

# Checks one scenario's TSV against the store and appends its summary to scenarios.jsonl.
cat >"$work/verify.py" <<'PY'
import csv, json, math, os, re, subprocess, sys, collections
sys.path.insert(0, os.path.dirname(__file__)); import duck
label, scenario, bin_, lib, db, tsv, wall_ms, out, work = sys.argv[1:10]
tickets = json.loads(sys.argv[10])            # [[worktree dir, ticket], …] one per distinct ticket
trace = sys.argv[11] if len(sys.argv) > 11 else ""  # DIALTONE_LOCK_TRACE: command, wait ms, hold ms per store session
rows = [r.rstrip("\n").split("\t") for r in open(tsv) if r.strip()]
ops = [dict(worker=int(r[0]), op=int(r[1]), kind=r[2], key=r[3], start=float(r[4]), ms=float(r[5]), exit=int(r[6]), msg=r[7] if len(r) > 7 else "") for r in rows]

def pct(values, p):                             # nearest rank
    if not values: return None
    s = sorted(values); return s[max(0, math.ceil(p / 100 * len(s)) - 1)]
def stats(sub):
    ms = [o["ms"] for o in sub]
    return {"n": len(sub), "p50_ms": pct(ms, 50), "p90_ms": pct(ms, 90), "p99_ms": pct(ms, 99), "max_ms": max(ms) if ms else None,
            "failed": sum(o["exit"] != 0 for o in sub)}

# What the ticket says it holds. Record files first (before any CLI command could rewrite them).
present = {"subtask": set(), "ask": set(), "log": None, "summary": None}
in_record, notes = set(), []
for wt, ticket in tickets:
    path = os.path.join(wt, ".dialtone", "tickets", ticket + ".json")
    try: in_record |= {s["name"] for s in json.load(open(path))["subtasks"]}
    except Exception as e: notes.append(f"record {path}: {e}")
def cli(*args, cwd):
    p = subprocess.run([bin_, "-C", cwd, *args, "--json"], capture_output=True, text=True)
    try: return json.loads(p.stdout)
    except json.JSONDecodeError: raise SystemExit(f"{' '.join(args)} in {cwd}: exit {p.returncode}: {p.stdout[-500:]}{p.stderr[-500:]}")
for wt, ticket in tickets:
    doc = cli("ticket", "subtask", "list", cwd=wt)
    present["subtask"] |= {s["name"] for s in (doc.get("data") or {}).get("subtasks", [])}
doc = cli("inbox", cwd=tickets[0][0])
present["ask"] = {q["question"] for q in (doc.get("data") or {}).get("questions", [])}
if lib and os.path.exists(lib):
    try:
        csvs = {k: os.path.join(work, f"{label}-{scenario}-{k}.csv") for k in ("log", "summary")}
        duck.run(lib, db, [f"COPY (SELECT text FROM log) TO '{csvs['log']}' (HEADER false)",
                           f"COPY (SELECT text FROM summaries) TO '{csvs['summary']}' (HEADER false)"], read_only=True)
        for k, f in csvs.items(): present[k] = {row[0] for row in csv.reader(open(f, newline="")) if row}
    except Exception as e: notes.append(f"log/summary read-back skipped: {e}")
else: notes.append("log/summary read-back skipped: no libduckdb next to the binary")

lost, phantom = {}, {}
for kind in ("log", "subtask", "ask", "summary"):
    mine = [o for o in ops if o["kind"] == kind]
    if present[kind] is None: lost[kind] = phantom[kind] = None; continue
    lost[kind] = sum(o["exit"] == 0 and o["key"] not in present[kind] for o in mine)
    phantom[kind] = sum(o["exit"] != 0 and o["key"] in present[kind] for o in mine)
lost["record_subtask"] = sum(o["exit"] == 0 and o["kind"] == "subtask" and o["key"] not in in_record for o in ops)
acked = sum(o["exit"] == 0 for o in ops)
failures = collections.Counter(re.sub(r"\d+", "#", re.sub(r"'[^']*'", "'…'", o["msg"]))[:160] or f"exit {o['exit']}" for o in ops if o["exit"] != 0)
entry = {"binary": label, "path": bin_, "scenario": scenario, "workers": len({o["worker"] for o in ops}), "commands": len(ops),
         "wall_s": float(wall_ms) / 1000, "ops_per_s": acked / (float(wall_ms) / 1000), **stats(ops),
         "lost": sum(v or 0 for v in lost.values()), "lost_by_kind": lost, "unacknowledged_but_present": phantom,
         "by_kind": {k: stats([o for o in ops if o["kind"] == k]) for k in ("log", "subtask", "ask", "summary")},
         "failures": [{"count": c, "message": m} for m, c in failures.most_common(8)], "notes": notes}
locks = []
if trace and os.path.exists(trace):
    for line in open(trace):
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 3: locks.append((parts[0], float(parts[1]), float(parts[2])))
if locks:
    held, waited = [l[2] for l in locks], [l[1] for l in locks]
    entry["lock"] = {"sessions": len(locks), "hold_p50_ms": pct(held, 50), "hold_p99_ms": pct(held, 99), "hold_max_ms": max(held),
                     "wait_p50_ms": pct(waited, 50), "wait_p99_ms": pct(waited, 99), "wait_max_ms": max(waited),
                     "hold_by_command": {c: {"p50_ms": pct([l[2] for l in locks if l[0] == c], 50), "max_ms": max(l[2] for l in locks if l[0] == c)}
                                         for c in sorted({l[0] for l in locks})}}
else:
    notes.append("no lock trace (this binary does not write DIALTONE_LOCK_TRACE)")
with open(out, "a") as f: f.write(json.dumps(entry) + "\n")
PY

run_scenario() { # <label> <bin> <scenario> <tickets-json> <worker dirs…>
  local label="$1" bin="$2" scenario="$3" tickets="$4"; shift 4
  local args=() d
  for d in "$@"; do args+=(--worker "$d"); done
  echo "== $label: $scenario, $# writers x $M commands" >&2
  local wall
  wall="$(DIALTONE_LOCK_TRACE="$work/$label-$scenario.locks" "$load" --bin "$bin" --ops "$M" --out "$work/$label-$scenario.tsv" "${args[@]}" | awk '$1 == "wall_ms" { print $2 }')"
  python3 "$work/verify.py" "$label" "$scenario" "$bin" "$(duckdb_lib "$bin")" "$(store_of "$1")" \
    "$work/$label-$scenario.tsv" "$wall" "$work/scenarios.jsonl" "$work" "$tickets" "$work/$label-$scenario.locks"
}

: >"$work/scenarios.jsonl"
for i in "${!labels[@]}"; do
  label="${labels[$i]}" bin="${bins[$i]}"
  if [[ " $SCENARIOS " == *" repo "* ]]; then
    repo="$work/$label-repo"
    make_repo "$repo"
    "$bin" -C "$repo" ticket start shared >/dev/null
    dirs=(); for _ in $(seq 1 "$W"); do dirs+=("$repo"); done
    run_scenario "$label" "$bin" repo "[[\"$repo\", \"shared\"]]" "${dirs[@]}"
  fi
  if [[ " $SCENARIOS " == *" worktrees "* ]]; then
    repo="$work/$label-main"
    make_repo "$repo"
    dirs=() tickets=()
    for w in $(seq 0 $((W - 1))); do
      git -C "$repo" worktree add -q --detach "$work/$label-wt$w"
      "$bin" -C "$work/$label-wt$w" ticket start "agent-$w" --from main >/dev/null
      dirs+=("$work/$label-wt$w") tickets+=("[\"$work/$label-wt$w\", \"agent-$w\"]")
    done
    run_scenario "$label" "$bin" worktrees "[$(IFS=,; echo "${tickets[*]}")]" "${dirs[@]}"
  fi
done

# Big ticket. The subtasks come in through the record (a record with a higher revision than the
# store's is imported, as after a pull), the log lines by one SQL insert: through the CLI the
# seeding alone would take ~15 minutes per binary. If the insert fails (a changed schema), the
# lines are logged through the CLI instead, slowly, and the script says so.
hyper=()
if [[ " $SCENARIOS " == *" big "* ]]; then
  for i in "${!labels[@]}"; do
    label="${labels[$i]}" bin="${bins[$i]}"
    for kind in fresh big; do
      repo="$work/$label-$kind"
      make_repo "$repo"
      "$bin" -C "$repo" ticket start "$kind-ticket" >/dev/null
      "$bin" -C "$repo" ticket subtask add first --desc "the first step" --condition "exits 0" --test true >/dev/null
    done
    repo="$work/$label-big"
    python3 - "$repo/.dialtone/tickets/big-ticket.json" "$BIG_SUBTASKS" <<'PY'
import copy, json, sys
path, n = sys.argv[1], int(sys.argv[2])
record = json.load(open(path))
first = record["subtasks"][0]
record["subtasks"] = [first] + [dict(copy.deepcopy(first), name=f"seeded-{i}", description=f"Seeded step {i} of the big ticket") for i in range(1, n)]
record["revision"] += 1
json.dump(record, open(path, "w"), indent=2)
PY
    got="$("$bin" -C "$repo" ticket subtask list --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["data"]["subtasks"]))')"
    [ "$got" = "$BIG_SUBTASKS" ] || { echo "$label: the big ticket has $got subtasks after the import, not $BIG_SUBTASKS" >&2; exit 1; }
    if ! printf "INSERT INTO log (ticket, logged_at, kind, subtask, text) SELECT 'big-ticket', TIMESTAMP '2026-01-01' + INTERVAL (i) SECOND, 'note', NULL, 'Seeded note ' || i || ': what was tried and what came of it' FROM range(%d) t(i)" "$BIG_LOGS" \
        | python3 "$work/duck.py" "$(duckdb_lib "$bin")" "$(store_of "$repo")" rw; then
      echo "$label: seeding $BIG_LOGS log lines through the CLI (the SQL insert failed)…" >&2
      for n in $(seq 1 "$BIG_LOGS"); do "$bin" -C "$repo" ticket log "Seeded note $n: what was tried and what came of it" >/dev/null; done
    fi
    for kind in fresh big; do
      repo="$work/$label-$kind"
      "$bin" -C "$repo" ticket subtask add probe --desc "timed" --condition "exits 0" --test true >/dev/null
      # subtask add needs a new name every run: each run is prepared by removing the probe (untimed).
      hyper+=(--prepare "true" -n "$label: log, $kind ticket" "$bin -C $repo ticket log 'a timed note about the work'")
      hyper+=(--prepare "sh -c '$bin -C $repo ticket subtask rm probe >/dev/null 2>&1 || true'" \
              -n "$label: subtask add, $kind ticket" "$bin -C $repo ticket subtask add probe --desc timed --condition exits-0 --test true")
    done
  done
  hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$work/big.json" "${hyper[@]}" >/dev/null
fi

python3 - "$work/scenarios.jsonl" "$work/big.json" "$results/concurrency.json" "$W" "$M" "$BIG_SUBTASKS" "$BIG_LOGS" <<'PY'
import json, os, sys, datetime
lines, big_path, out, W, M, nsub, nlog = sys.argv[1:8]
scenarios = [json.loads(l) for l in open(lines) if l.strip()]
big = []
if os.path.exists(big_path):
    for r in json.load(open(big_path))["results"]:
        big.append({"command": r["command"], "median_ms": r["median"] * 1000, "mean_ms": r["mean"] * 1000,
                    "min_ms": r["min"] * 1000, "max_ms": r["max"] * 1000, "runs": len(r["times"])})
doc = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"), "cores": os.cpu_count(),
       "writers": int(W), "commands_per_writer": int(M), "big_ticket": {"subtasks": int(nsub), "log_lines": int(nlog), "results": big},
       "scenarios": scenarios}
json.dump(doc, open(out, "w"), indent=2)

f = lambda v: "-" if v is None else f"{v:.0f}"
if scenarios:
    print(f"{'scenario':10} {'binary':12} {'cmds':>5} {'ops/s':>6} {'p50 ms':>7} {'p90 ms':>7} {'p99 ms':>7} {'max ms':>7} {'failed':>6} {'lost':>5}")
    for s in scenarios:
        print(f"{s['scenario']:10} {s['binary']:12} {s['commands']:5} {s['ops_per_s']:6.2f} {f(s['p50_ms']):>7} {f(s['p90_ms']):>7} {f(s['p99_ms']):>7} {f(s['max_ms']):>7} {s['failed']:6} {s['lost']:5}")
    for s in scenarios:
        kinds = ", ".join(f"{k} p50 {f(v['p50_ms'])} p99 {f(v['p99_ms'])}" for k, v in s["by_kind"].items())
        print(f"  {s['scenario']}/{s['binary']}: {kinds}")
        lost = {k: v for k, v in s["lost_by_kind"].items() if v}
        if lost: print(f"    lost: {lost}")
        phantom = {k: v for k, v in s["unacknowledged_but_present"].items() if v}
        if phantom: print(f"    failed but written anyway: {phantom}")
        for x in s["failures"]: print(f"    {x['count']:4} x {x['message']}")
        if "lock" in s:
            l = s["lock"]
            print(f"    lock: {l['sessions']} sessions, hold p50 {f(l['hold_p50_ms'])} p99 {f(l['hold_p99_ms'])} max {f(l['hold_max_ms'])} ms; wait p99 {f(l['wait_p99_ms'])} max {f(l['wait_max_ms'])} ms")
        for n in s["notes"]: print(f"    note: {n}")
if big:
    print(f"\n{'uncontended (' + nsub + ' subtasks, ' + nlog + ' log lines vs fresh)':50} {'median ms':>10} {'mean ms':>9} {'min ms':>8}")
    for r in big: print(f"{r['command']:50} {r['median_ms']:10.1f} {r['mean_ms']:9.1f} {r['min_ms']:8.1f}")
print(f"\nJSON: {out}")
PY

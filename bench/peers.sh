#!/usr/bin/env bash
# Dialtone side by side with its peers (DESIGN §8), every timing from ONE hyperfine run so that the
# machine's noise (2 cores shared with compilers) hits every command alike, and ratios are fair:
#
#   commit   `git commit`: no hooks / a lefthook no-op pre-commit / Dialtone's hooks off a ticket
#            branch (a one-file change, staged untimed) / Dialtone's hooks on a signed ticket branch
#            (`--allow-empty`: the staged tree is the signed one, the gate's full pass path), plus
#            `gate commit` alone
#   next     `task-master next` on 200 tasks (100 done) / `ticket next` on 200 subtasks, test `true`
#   list     `task-master list`, `backlog task list --plain` (200 tasks each) / `ticket list`,
#            `status`, `subtask list` on the 200-subtask ticket
#   hot      `ticket log`, `ticket start` with 10,000 archived tickets (seeded as bench/memory.sh does)
#   build    no-op build of a 10-project solution, build gate on / off (as bench/build-gate.sh),
#            from each binary's own checkout (<bin>/../../src/Dialtone.MSBuild) when it has one
# then the peak RSS of each command (GNU time's %M: the largest process, e.g. the dialtone a hook
# ran inside `git commit`), max of RSS_RUNS runs.
#
# Peers come from the npm registry into a temporary prefix (`npm install lefthook task-master-ai
# backlog.md`, each on its own); one that fails to install or to run offline is left out, and the
# script says so. task-master runs from a generated .taskmaster/tasks/tasks.json, with an emptied
# environment (no API key can be picked up) and, where `unshare -n` works, checked once without
# any network at all. Its telemetry is switched off in the generated config.
#
# Environment:
#   DIALTONE_BINS  "label=/path/to/dialtone …" builds to compare (no spaces in paths); default
#                  "current=<repo>/.build/cli/dialtone", built by ./dialtone.sh
#   RUNS           hyperfine runs per command (default 20); RSS_RUNS (default 3)
#   COUNT          archived tickets for `ticket start` (default 10000)
#   PEERS_PREFIX   an npm prefix to install into and keep (default: a temporary one)
#   BUILD_GATE=0   leave the build-gate pair out (it is the slowest part)
# JSON goes to bench/results/peers.json; a markdown table to stdout.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v hyperfine >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
command -v python3 >/dev/null 2>&1 || { echo "python3 is needed to seed peers' files and to summarise" >&2; exit 1; }

RUNS="${RUNS:-20}" RSS_RUNS="${RSS_RUNS:-3}" COUNT="${COUNT:-10000}" BUILD_GATE="${BUILD_GATE:-1}"

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
trap 'rm -rf "$work"' EXIT
results="$root/bench/results"
mkdir -p "$results"
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
unset DIALTONE DIALTONE_BIN DIALTONE_DEBUG CI
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
notes=()
note() { notes+=("$*"); echo "note: $*" >&2; }

# ---- the commands, in the order they are timed. Every entry: group, name, command (split by
# hyperfine -N like a shell would, no shell in between), a prepare command run untimed before each
# run, the reference its ratio is taken against, and the DESIGN §8 budget it answers to.
e_group=() e_name=() e_cmd=() e_prep=() e_ref=() e_budget=()
add() { e_group+=("$1") e_name+=("$2") e_cmd+=("$3") e_prep+=("${4:-true}") e_ref+=("${5:-}") e_budget+=("${6:-}"); }

# ---- peers ----
prefix="${PEERS_PREFIX:-$work/npm}"
mkdir -p "$prefix"
[ -f "$prefix/package.json" ] || echo '{"private": true}' >"$prefix/package.json"
peer_ok() { # <package> <bin>: installed (or already there) and runnable
  if [ ! -x "$prefix/node_modules/.bin/$2" ]; then
    command -v npm >/dev/null 2>&1 || { note "$1: npm not found, left out"; return 1; }
    echo "installing $1 from npm…" >&2
    # From inside the prefix: run elsewhere, npm may take a package name for a folder of that name.
    (cd "$prefix" && npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "$1" >"$work/npm-$1.log" 2>&1) \
      || { note "$1: npm install failed ($(tail -1 "$work/npm-$1.log")), left out"; return 1; }
  fi
  [ -x "$prefix/node_modules/.bin/$2" ] || { note "$1: installed but no $2 command, left out"; return 1; }
}
# Run a peer as an agent would, but with no API key in reach: an emptied environment; and, where
# the kernel lets us, with no network either.
offline() { # <dir> <command…>
  local dir="$1"; shift
  if unshare -n true 2>/dev/null; then (cd "$dir" && env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$dir" unshare -n "$@")
  else (cd "$dir" && env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$dir" "$@"); fi
}
unshare -n true 2>/dev/null || note "unshare -n is not allowed here: peers were checked without API keys, but not without network"

make_repo() { # <dir>
  git init -q -b main "$1"
  git -C "$1" config commit.gpgsign false
  printf '# bench\n' >"$1/README.md"
  git -C "$1" add -A && git -C "$1" commit -q -m init
}
commit="commit -q --allow-empty -m bench"

# Two baselines: an empty commit (what the signed-ticket case must be: its staged tree is exactly
# the signed one) and a one-file change, staged untimed by --prepare (lefthook skips its commands
# when nothing is staged, so an empty commit would time lefthook doing nothing).
make_repo "$work/git-plain"
one_file() { echo "sh -c 'date +%s%N >$1/change.txt && git -C $1 add change.txt'"; }
add commit "git commit, no hooks" "git -C $work/git-plain $commit" true "" ""
add commit "git commit, no hooks, one-file change" "git -C $work/git-plain commit -q -m bench" "$(one_file "$work/git-plain")" "" ""

versions="{}"
if peer_ok lefthook lefthook; then
  make_repo "$work/git-lefthook"
  printf 'pre-commit:\n  commands:\n    noop:\n      run: "true"\n' >"$work/git-lefthook/lefthook.yml"
  git -C "$work/git-lefthook" add lefthook.yml && git -C "$work/git-lefthook" commit -q -m lefthook
  (cd "$work/git-lefthook" && "$prefix/node_modules/.bin/lefthook" install >/dev/null 2>&1) || true
  # lefthook reports what it ran: no "noop" line with a tick means the hook never ran it.
  sh -c "$(one_file "$work/git-lefthook")"
  git -C "$work/git-lefthook" commit -m check >"$work/lefthook-check.out" 2>&1 || true
  if grep -q 'noop (' "$work/lefthook-check.out" && ! grep -q 'noop (skip' "$work/lefthook-check.out"; then
    add commit "git commit, lefthook no-op pre-commit, one-file change" "git -C $work/git-lefthook commit -q -m bench" \
      "$(one_file "$work/git-lefthook")" "git commit, no hooks, one-file change" ""
    versions="$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); d["lefthook"]=sys.argv[2]; print(json.dumps(d))' "$versions" "$("$prefix/node_modules/.bin/lefthook" version 2>/dev/null | head -1)")"
  else
    note "lefthook: the pre-commit hook did not run its no-op command, left out ($(tail -3 "$work/lefthook-check.out" | tr '\n' ' '))"
  fi
fi

tm_ok=0
if peer_ok task-master-ai task-master; then
  tm="$prefix/node_modules/.bin/task-master"
  mkdir -p "$work/tm/.taskmaster/tasks" && git init -q "$work/tm"
  # The tagged tasks.json format of task-master 0.16+ ("master" tag), written as add-task writes it.
  python3 - "$work/tm/.taskmaster" <<'PY'
import json, sys
d = sys.argv[1]
tasks = [{"id": i, "title": f"Task {i}", "description": f"Step {i} of the bench project", "details": "", "testStrategy": "true",
          "status": "done" if i <= 100 else "pending", "dependencies": [i - 1] if i > 1 else [], "priority": "medium", "subtasks": []}
         for i in range(1, 201)]
json.dump({"master": {"tasks": tasks, "metadata": {"created": "2026-01-01T00:00:00.000Z", "updated": "2026-01-01T00:00:00.000Z",
                                                    "description": "bench"}}}, open(f"{d}/tasks/tasks.json", "w"), indent=2)
json.dump({"currentTag": "master", "lastSwitched": "2026-01-01T00:00:00.000Z", "branchTagMapping": {}, "migrationNoticeShown": True},
          open(f"{d}/state.json", "w"), indent=2)
json.dump({"global": {"logLevel": "silent", "debug": False, "projectName": "bench", "anonymousTelemetry": False}},
          open(f"{d}/config.json", "w"), indent=2)
PY
  if offline "$work/tm" "$tm" next >"$work/tm-next.out" 2>&1 && grep -q 'Next Task: #101' "$work/tm-next.out"; then
    tm_ok=1
    # Timed the same way it was checked: no API key in reach (env -i), but with the network there.
    tmcmd="env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=$work/tm $tm"
    versions="$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); d["task-master-ai"]=sys.argv[2]; print(json.dumps(d))' "$versions" "$(cd "$work/tm" && "$tm" --version 2>/dev/null | tail -1)")"
  else
    note "task-master: 'next' did not find task 101 offline without an API key, left out ($(tail -3 "$work/tm-next.out" | tr '\n' ' '))"
  fi
fi

bl_ok=0
if peer_ok backlog.md backlog; then
  bl="$prefix/node_modules/.bin/backlog"
  make_repo "$work/bl"
  (cd "$work/bl" && offline "$work/bl" "$bl" init bench --defaults --check-branches false --include-remote false \
      --integration-mode none --auto-open-browser false </dev/null >"$work/bl-init.out" 2>&1) || true
  if [ -f "$work/bl/backlog/config.yml" ]; then
    # 200 task files as `backlog task create` writes them, 100 done.
    python3 - "$work/bl/backlog/tasks" <<'PY'
import os, sys
d = sys.argv[1]; os.makedirs(d, exist_ok=True)
for i in range(1, 201):
    deps = f"dependencies:\n  - TASK-{i-1}\n" if i > 1 else "dependencies: []\n"
    open(os.path.join(d, f"task-{i} - Task-{i}.md"), "w").write(
        f"---\nid: TASK-{i}\ntitle: Task {i}\nstatus: {'Done' if i <= 100 else 'To Do'}\nassignee: []\n"
        f"created_date: '2026-01-01 00:00'\nlabels: []\n{deps}ordinal: {i * 1000}\n---\n\n## Description\n\n"
        f"<!-- SECTION:DESCRIPTION:BEGIN -->\nStep {i} of the bench project\n<!-- SECTION:DESCRIPTION:END -->\n")
PY
    # Checked exactly as it is timed: from elsewhere, the project named by BACKLOG_CWD.
    if offline "$work" env BACKLOG_CWD="$work/bl" "$bl" task list --plain >"$work/bl-list.out" 2>&1 && grep -q 'TASK-200' "$work/bl-list.out"; then
      bl_ok=1
      versions="$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); d["backlog.md"]=sys.argv[2]; print(json.dumps(d))' "$versions" "$("$bl" --version 2>/dev/null | tail -1)")"
    else
      note "backlog.md: 'task list --plain' did not list the 200 tasks offline, left out ($(tail -3 "$work/bl-list.out" | tr '\n' ' '))"
    fi
  else
    note "backlog.md: 'backlog init' failed offline, left out ($(tail -3 "$work/bl-init.out" | tr '\n' ' '))"
  fi
fi

# ---- Dialtone, per binary ----
benchdll=""
if dotnet build -c Release "$root/bench/Dialtone.Bench" -nologo -v quiet >"$work/bench-build.log" 2>&1; then
  benchdll="$root/bench/Dialtone.Bench/bin/Release/net10.0/Dialtone.Bench.dll"
else
  note "Dialtone.Bench did not build (see below): 'ticket start' with an archive is left out"; tail -20 "$work/bench-build.log" >&2
fi
duckdb_lib() { # <bin>: the libduckdb the binary loads
  local dir; dir="$(dirname "$1")"
  if [ -n "${DIALTONE_DUCKDB_LIB:-}" ]; then echo "$DIALTONE_DUCKDB_LIB"
  elif [ -f "$dir/libduckdb.so" ]; then echo "$dir/libduckdb.so"
  elif [ -f "$dir/libduckdb.dylib" ]; then echo "$dir/libduckdb.dylib"; fi
}
# Forgets a ticket between timed `ticket start`s with the binary's own libduckdb (a store that a
# newer binary migrated may be refused by Dialtone.Bench): every row of every table with a
# `ticket` column, and the ticket itself.
cat >"$work/forget.py" <<'PY'
import ctypes, csv, os, sys
lib_path, db_path, ticket, scratch = sys.argv[1:5]
lib = ctypes.CDLL(lib_path); lib.duckdb_result_error.restype = ctypes.c_char_p
db, conn, cfg, err = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_char_p()
lib.duckdb_create_config(ctypes.byref(cfg))
for k in ("autoinstall_known_extensions", "autoload_known_extensions"): lib.duckdb_set_config(cfg, k.encode(), b"false")
if lib.duckdb_open_ext(db_path.encode(), ctypes.byref(db), cfg, ctypes.byref(err)) != 0: sys.exit(f"open {db_path}: {err.value}")
lib.duckdb_connect(db, ctypes.byref(conn))
def q(sql):
    res = ctypes.create_string_buffer(256)
    if lib.duckdb_query(conn, sql.encode(), res) != 0: sys.exit(f"{lib.duckdb_result_error(res).decode()}: {sql}")
    lib.duckdb_destroy_result(res)
out = os.path.join(scratch, "tables.csv")
q(f"COPY (SELECT DISTINCT table_name FROM information_schema.columns WHERE column_name = 'ticket' AND table_schema = 'main') TO '{out}' (HEADER false)")
tables = [r[0] for r in csv.reader(open(out)) if r]
q("BEGIN TRANSACTION")
for t in tables: q(f"DELETE FROM \"{t}\" WHERE ticket = '{ticket}'")
q(f"DELETE FROM tickets WHERE name = '{ticket}'")
q("COMMIT")
lib.duckdb_disconnect(ctypes.byref(conn)); lib.duckdb_close(ctypes.byref(db))
PY
related="Handle Stripe dispute webhooks and check their signature"

for i in "${!labels[@]}"; do
  L="${labels[$i]}" bin="${bins[$i]}"
  echo "preparing $L ($bin)…" >&2

  # Hooks, off a ticket and on a signed ticket branch (as bench/hooks.sh), calling this binary.
  for kind in plain ticket; do
    dir="$work/$L-hooks-$kind"
    make_repo "$dir"
    "$bin" -C "$dir" hooks install >/dev/null
    git -C "$dir" config dialtone.bin "$bin"
    [ "$kind" = plain ] && continue
    "$bin" -C "$dir" ticket start feature >/dev/null
    "$bin" -C "$dir" ticket subtask add greet --desc "Create a.txt" --condition "a.txt exists" --test "test -f a.txt" >/dev/null
    printf 'hello\n' >"$dir/a.txt"
    "$bin" -C "$dir" ticket next >/dev/null
    "$bin" -C "$dir" ticket log "SIGN: greet test-command is idempotent and PASS" >/dev/null
    git -C "$dir" add -A && git -C "$dir" commit -q -m "signed work" >/dev/null 2>&1
    git -C "$dir" commit -q --allow-empty -m check >/dev/null 2>&1
    git -C "$dir" log -1 --format=%B | grep -q '^Dialtone-Subtask: greet$' || { echo "$L: the signed ticket commit did not pass the gate" >&2; exit 1; }
  done
  add commit "$L: git commit, Dialtone hooks, no ticket, one-file change" "git -C $work/$L-hooks-plain commit -q -m bench" \
    "$(one_file "$work/$L-hooks-plain")" "git commit, no hooks, one-file change" "+3 ms"
  add commit "$L: git commit, Dialtone hooks, signed ticket" "git -C $work/$L-hooks-ticket $commit" true "git commit, no hooks" "+20 ms"
  add commit "$L: gate commit (signed ticket)" "$bin -C $work/$L-hooks-ticket gate commit" true "" "15 ms"

  # A ticket of 200 subtasks, test `true`: imported from a record with a higher revision (as after
  # a pull), because 200 `subtask add`s would take a minute.
  dir="$work/$L-loop"
  make_repo "$dir"
  "$bin" -C "$dir" ticket start loop >/dev/null
  "$bin" -C "$dir" ticket subtask add step-0 --desc "Step 0" --condition "exits 0" --test true >/dev/null
  python3 - "$dir/.dialtone/tickets/loop.json" <<'PY'
import copy, json, sys
record = json.load(open(sys.argv[1])); first = record["subtasks"][0]
record["subtasks"] = [first] + [dict(copy.deepcopy(first), name=f"step-{i}", description=f"Step {i} of the bench project") for i in range(1, 200)]
record["revision"] += 1
json.dump(record, open(sys.argv[1], "w"), indent=2)
PY
  n="$("$bin" -C "$dir" ticket subtask list --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["data"]["subtasks"]))')"
  [ "$n" = 200 ] || { echo "$L: the loop ticket has $n subtasks, not 200" >&2; exit 1; }
  git -C "$dir" add -A && git -C "$dir" commit -q -m record
  "$bin" -C "$dir" ticket next >/dev/null
  [ "$tm_ok" = 1 ] && tmref="task-master next (200 tasks)" || tmref=""
  [ "$tm_ok" = 1 ] && lsref="task-master list (200 tasks)" || lsref=""
  add next "$L: ticket next (200 subtasks, test true)" "$bin -C $dir ticket next" true "$tmref" "100 ms"
  add list "$L: ticket list" "$bin -C $dir ticket list" true "$lsref" "60 ms"
  add list "$L: ticket status (200 subtasks)" "$bin -C $dir ticket status" true "$lsref" "60 ms"
  add list "$L: ticket subtask list (200 subtasks)" "$bin -C $dir ticket subtask list" true "$lsref" "60 ms"
  add hot "$L: ticket log" "$bin -C $dir ticket log 'a timed note about the work'" true "" "80 ms"

  # ticket start with an archive (as bench/memory.sh); every run creates the ticket anew.
  lib="$(duckdb_lib "$bin")"
  if [ -n "$benchdll" ] && [ -n "$lib" ]; then
    dir="$work/$L-archive"
    make_repo "$dir"
    dotnet "$benchdll" seed-archive "$dir/.git" "$COUNT" >/dev/null
    "$bin" -C "$dir" ticket start probe --desc "$related" | grep -q '^\[ALERT\] Similar patterns found' || { echo "$L: the archive start found nothing" >&2; exit 1; }
    git -C "$dir" switch -q main
    reset="$work/$L-reset.sh"
    cat >"$reset" <<SH
#!/bin/sh
git -C "$dir" switch -q main 2>/dev/null
git -C "$dir" branch -q -D bench-start 2>/dev/null
rm -f "$dir/.dialtone/tickets/bench-start.json"
exec python3 "$work/forget.py" "$lib" "$dir/.git/dialtone/dialtone.duckdb" bench-start "$work"
SH
    chmod +x "$reset"
    "$reset"
    add hot "$L: ticket start, $COUNT archived" "$bin -C $dir ticket start bench-start --desc '$related'" "$reset" "" "150 ms"
  else
    note "$L: 'ticket start' with an archive left out (no Dialtone.Bench or no libduckdb next to the binary)"
  fi

  # Build gate, from the binary's own checkout (the MSBuild task is not in the CLI binary). Its
  # build output goes to $work (--artifacts-path): never into that checkout's bin/ and obj/.
  src="$(cd "$(dirname "$bin")/../.." && pwd)"
  if [ "$BUILD_GATE" != 0 ] && [ -f "$src/src/Dialtone.MSBuild/Dialtone.MSBuild.csproj" ]; then
    echo "packing the build gate of $src…" >&2
    if dotnet pack "$src/src/Dialtone.MSBuild" -c Release -o "$work/$L-feed" --artifacts-path "$work/$L-artifacts" -nologo -v quiet >"$work/$L-pack.log" 2>&1; then
      dir="$work/$L-build"
      make_repo "$dir"
      version="$(ls "$work/$L-feed" | sed -n 's/^Dialtone\.MSBuild\.\(.*\)\.nupkg$/\1/p' | head -1)"
      printf 'bin/\nobj/\n' >"$dir/.gitignore"
      # Own package folder per binary: both packages may carry the same version number.
      printf '<configuration><config><add key="globalPackagesFolder" value="%s" /></config><packageSources><clear /><add key="d" value="%s" /></packageSources></configuration>\n' \
        "$work/$L-packages" "$work/$L-feed" >"$dir/nuget.config"
      (cd "$dir" && dotnet new sln -n All --format sln >/dev/null
       for p in $(seq 1 10); do
         mkdir "p$p"
         printf '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup><ItemGroup><PackageReference Include="Dialtone.MSBuild" Version="%s" PrivateAssets="all" /></ItemGroup></Project>\n' "$version" >"p$p/p$p.csproj"
         printf 'namespace P%s; public static class C { public static int V => %s; }\n' "$p" "$p" >"p$p/C.cs"
         dotnet sln All.sln add "p$p/p$p.csproj" >/dev/null
       done)
      git -C "$dir" add -A && git -C "$dir" commit -q -m projects
      "$bin" -C "$dir" ticket start bench-gate >/dev/null
      "$bin" -C "$dir" ticket subtask add builds --desc "it builds" --condition "exits 0" --test true >/dev/null
      "$bin" -C "$dir" ticket next >/dev/null && "$bin" -C "$dir" ticket log "SIGN: builds test-command is idempotent and PASS" >/dev/null
      "$bin" -C "$dir" ticket validate >/dev/null
      if (cd "$dir" && MSBUILDDISABLENODEREUSE=1 dotnet build All.sln -nologo -v q >"$work/$L-build.log" 2>&1); then
        add build "$L: no-op build, gate off" "dotnet build $dir/All.sln --no-restore -nologo -v q -p:DialtoneSkip=true" true "" ""
        add build "$L: no-op build, gate on" "dotnet build $dir/All.sln --no-restore -nologo -v q" true "$L: no-op build, gate off" "+40 ms"
      else
        note "$L: the 10-project build failed, build gate left out ($(tail -2 "$work/$L-build.log" | tr '\n' ' '))"
      fi
    else
      note "$L: packing $src/src/Dialtone.MSBuild failed, build gate left out ($(tail -2 "$work/$L-pack.log" | tr '\n' ' '))"
    fi
  elif [ "$BUILD_GATE" != 0 ]; then
    note "$L: no src/Dialtone.MSBuild next to $bin, build gate left out"
  fi
done

if [ "$tm_ok" = 1 ]; then
  add next "task-master next (200 tasks)" "$tmcmd next" true "" ""
  add list "task-master list (200 tasks)" "$tmcmd list" true "" ""
fi
# backlog resolves its project from the working directory (BACKLOG_CWD when set): no -C option.
[ "$bl_ok" = 1 ] && add list "backlog task list --plain (200 tasks)" "env BACKLOG_CWD=$work/bl $bl task list --plain" true "$lsref" ""

# ---- one hyperfine run ----
args=()
for k in "${!e_name[@]}"; do args+=(--prepare "${e_prep[$k]}" -n "${e_name[$k]}" "${e_cmd[$k]}"); done
export MSBUILDDISABLENODEREUSE=1
cd "$work"
echo "timing ${#e_name[@]} commands, $RUNS runs each…" >&2
hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$work/hyperfine.json" "${args[@]}" >/dev/null

# ---- peak RSS, outside the timings (GNU time's own fork and wait would blur them) ----
: >"$work/rss.tsv"
for k in "${!e_name[@]}"; do
  peak=0
  for _ in $(seq 1 "$RSS_RUNS"); do
    sh -c "${e_prep[$k]}" >/dev/null 2>&1 || true
    /usr/bin/time -f %M -o "$work/rss.one" sh -c "exec ${e_cmd[$k]}" >/dev/null 2>&1 || true
    kb="$(tail -1 "$work/rss.one")"
    [[ "$kb" =~ ^[0-9]+$ ]] && [ "$kb" -gt "$peak" ] && peak="$kb"
  done
  printf '%s\t%s\n' "${e_name[$k]}" "$peak" >>"$work/rss.tsv"
done

# ---- table and JSON ----
{
  for k in "${!e_name[@]}"; do printf '%s\t%s\t%s\t%s\n' "${e_group[$k]}" "${e_name[$k]}" "${e_ref[$k]}" "${e_budget[$k]}"; done
} >"$work/entries.tsv"
printf '%s\n' "${notes[@]:-}" >"$work/notes.txt"
python3 - "$work/hyperfine.json" "$work/entries.tsv" "$work/rss.tsv" "$work/notes.txt" "$results/peers.json" "$versions" "$RUNS" <<'PY'
import datetime, json, os, sys
hf, entries, rss, notes_path, out, versions, runs = sys.argv[1:8]
timed = {r["command"]: r for r in json.load(open(hf))["results"]}
peak = {l.split("\t")[0]: int(l.split("\t")[1]) for l in open(rss) if l.strip()}
rows = []
for line in open(entries):
    group, name, ref, budget = line.rstrip("\n").split("\t")
    r = timed[name]
    row = {"group": group, "command": name, "median_ms": r["median"] * 1000, "mean_ms": r["mean"] * 1000, "min_ms": r["min"] * 1000,
           "stddev_ms": (r["stddev"] or 0) * 1000, "peak_rss_mb": peak.get(name, 0) / 1024, "reference": ref or None, "budget": budget or None}
    if ref and ref in timed:
        row["ratio"] = r["median"] / timed[ref]["median"]
        row["added_ms"] = (r["median"] - timed[ref]["median"]) * 1000
    rows.append(row)
notes = [n for n in open(notes_path).read().splitlines() if n]
json.dump({"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"), "cores": os.cpu_count(), "runs": int(runs),
           "peers": json.loads(versions), "results": rows, "notes": notes}, open(out, "w"), indent=2)

print(f"\nOne hyperfine run, {runs} runs per command, medians. Ratio and added ms are against the command named in 'vs'.\n")
print("| group | command | median ms | vs | ratio | added ms | peak RSS MB | budget (DESIGN §8) |")
print("|---|---|---:|---|---:|---:|---:|---|")
for r in rows:
    ratio = f"{r['ratio']:.2f}x" if "ratio" in r else ""
    added = f"{r['added_ms']:+.1f}" if "added_ms" in r else ""
    print(f"| {r['group']} | {r['command']} | {r['median_ms']:.1f} | {r['reference'] or ''} | {ratio} | {added} | {r['peak_rss_mb']:.0f} | {r['budget'] or ''} |")
if json.loads(versions): print("\npeers: " + ", ".join(f"{k} {v}" for k, v in json.loads(versions).items()))
for n in notes: print(f"note: {n}")
print(f"\nJSON: {out}")
PY

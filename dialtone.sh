#!/usr/bin/env bash
# Runs the Dialtone CLI, building it first when it is missing or older than its sources.
# Works from any directory and through symlinks; the CLI sees the caller's working directory.
set -euo pipefail

self="${BASH_SOURCE[0]}"
while [ -L "$self" ]; do
  target="$(readlink "$self")"
  case "$target" in
    /*) self="$target" ;;
    *) self="$(cd "$(dirname "$self")" && pwd)/$target" ;;
  esac
done
root="$(cd "$(dirname "$self")" && pwd)"
out="$root/.build/cli"
bin="$out/dialtone"
stamp="$out/.built"

# Cheap staleness check: one find that stops at the first source file newer than the last build.
stale() {
  [ -x "$bin" ] && [ -f "$stamp" ] || return 0
  [ -n "$(find "$root/src" "$root/build" "$root/Directory.Build.props" "$root/Directory.Packages.props" "$root/global.json" \
      \( -name bin -o -name obj \) -prune -o -type f -newer "$stamp" -print -quit 2>/dev/null)" ]
}

build() {
  command -v dotnet >/dev/null 2>&1 || { echo "[FAIL] dotnet was not found: install the .NET 10 SDK to build Dialtone." >&2; exit 3; }
  echo "[ticket] Building Dialtone (first run or sources changed)..." >&2
  local rid_args=() log
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) rid_args=(-r linux-x64 -p:PublishReadyToRun=true) ;;
    Linux-aarch64) rid_args=(-r linux-arm64 -p:PublishReadyToRun=true) ;;
    Darwin-arm64) rid_args=(-r osx-arm64 -p:PublishReadyToRun=true) ;;
    Darwin-x86_64) rid_args=(-r osx-x64 -p:PublishReadyToRun=true) ;;
  esac
  log="$(mktemp)"
  local started; started="$(date +%s)"
  touch "$log.start"
  if ! dotnet publish "$root/src/Dialtone.Cli/Dialtone.Cli.csproj" -c Release --self-contained false \
      "${rid_args[@]}" -o "$out" -nologo -v quiet >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log" "$log.start"
    echo "[FAIL] Building Dialtone failed (output above)." >&2
    exit 3
  fi
  # The stamp takes the time the build started, so edits made during the build count as newer.
  mv "$log.start" "$stamp"
  rm -f "$log"
  echo "[ticket] Built in $(( $(date +%s) - started )) s." >&2
}

if stale; then
  mkdir -p "$out"
  # One build at a time when several agents start at once; the others wait, then re-check.
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$out/.build.lock"
    flock 9
    if stale; then build; fi
    flock -u 9
    exec 9>&-
  else
    build
  fi
fi

exec "$bin" "$@"

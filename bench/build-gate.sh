#!/usr/bin/env bash
# No-op incremental build of a 10-project solution, with the Dialtone build gate vs without
# (DialtoneSkip=true), whole-process medians with hyperfine. The ticket is validated, so the gate
# runs its full check (record, chain, snapshot tree) once per build and passes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v hyperfine >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
"$root/dialtone.sh" --help >/dev/null
bin="$root/.build/cli/dialtone"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet pack "$root/src/Dialtone.MSBuild" -c Release -o "$work/feed" -nologo -v quiet >/dev/null
export NUGET_PACKAGES="$work/packages" MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
unset CI

repo="$work/repo"
git init -q -b main "$repo" && cd "$repo"
git config user.name bench && git config user.email bench@example.com
printf 'bin/\nobj/\n' > .gitignore
printf '<configuration><packageSources><clear /><add key="d" value="%s" /></packageSources></configuration>\n' "$work/feed" > nuget.config
dotnet new sln -n All --format sln >/dev/null
for i in $(seq 1 10); do
  mkdir "p$i"
  printf '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup><ItemGroup><PackageReference Include="Dialtone.MSBuild" Version="0.1.0" PrivateAssets="all" /></ItemGroup></Project>\n' > "p$i/p$i.csproj"
  printf 'namespace P%s; public static class C { public static int V => %s; }\n' "$i" "$i" > "p$i/C.cs"
  dotnet sln All.sln add "p$i/p$i.csproj" >/dev/null
done
git add -A && git commit -qm projects
"$bin" ticket start bench-gate >/dev/null
"$bin" ticket subtask add builds --desc "it builds" --condition "exits 0" --test true >/dev/null
"$bin" ticket next >/dev/null && "$bin" ticket log "SIGN: builds test-command is idempotent and PASS" >/dev/null
"$bin" ticket validate >/dev/null
dotnet build All.sln -nologo -v q >/dev/null

mkdir -p "$root/bench/results"
hyperfine --warmup 1 --runs "${RUNS:-7}" --export-json "$root/bench/results/build-gate.json" \
  -n "no-op build, gate on"  "dotnet build All.sln --no-restore -nologo -v q" \
  -n "no-op build, gate off" "dotnet build All.sln --no-restore -nologo -v q -p:DialtoneSkip=true"
python3 - "$root/bench/results/build-gate.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
on, off = r["no-op build, gate on"]["median"], r["no-op build, gate off"]["median"]
print(f"gate on  median {on*1000:8.0f} ms")
print(f"gate off median {off*1000:8.0f} ms")
print(f"added    {(on-off)*1000:8.0f} ms ({(on/off-1)*100:.1f}%)")
PY

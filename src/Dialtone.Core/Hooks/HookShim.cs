namespace Dialtone.Core.Hooks;

/// <summary>
/// The POSIX sh shim installed as each git hook (the same text as the repository's hooks/ files).
/// It runs the hook it replaced first, then decides "not a ticket branch" without starting .NET:
/// from the HEAD file, the record (`test -f`) and the branch's marker in the store directory; only
/// pre-commit looks further, into git (the committed record and the last 200 commits' trailers), so
/// that moving the record aside never switches the gate off. Commits on ordinary branches stay as
/// fast as without hooks. prepare-commit-msg applies the trailers pre-commit handed over in sh,
/// post-commit checks pre-commit's note in sh, commit-msg and file checkouts exit there: one .NET
/// start per gated commit. What a hook must record — DIALTONE=0, a commit the gate did not pass —
/// goes into the evidence inbox (docs/hooks.md) in sh, before any dialtone runs; dialtone (now, or
/// the next command) takes it onto the ticket.
/// </summary>
public static class HookShim
{
    /// <summary>The hooks Dialtone installs, in the order git runs them for a commit, then the rest.</summary>
    public static readonly IReadOnlyList<string> Names = ["pre-commit", "prepare-commit-msg", "commit-msg", "post-commit", "post-checkout", "post-merge"];

    /// <summary>The second line of every shim: how install, uninstall and status tell Dialtone's hooks from others'.</summary>
    public const string Marker = "# dialtone-hook ";

    public const int Version = 3;

    public static bool IsKnown(string name) => Names.Contains(name);

    /// <summary>True when <paramref name="content"/> is a Dialtone shim (of any version).</summary>
    public static bool IsShim(string content) =>
        content.StartsWith("#!", StringComparison.Ordinal) && content.Contains("\n" + Marker, StringComparison.Ordinal);

    public static string Text(string hook) => $$"""
        #!/bin/sh
        {{Marker}}v{{Version}} ({{hook}}): installed by `dialtone hooks install`; `dialtone hooks uninstall` restores what was here.
        # A branch without a ticket is decided here, before .NET starts. See docs/hooks.md in Dialtone.
        hook={{hook}}
        if [ -x "$0.dialtone-chained" ]; then "$0.dialtone-chained" "$@" || exit $?; fi
        say() { if [ "${DIALTONE_DEBUG-}" = 1 ]; then echo "dialtone $hook: $*" >&2; fi; }
        gitdir=${GIT_DIR:-.git}
        if [ -f "$gitdir" ]; then read -r gitdir <"$gitdir"; gitdir=${gitdir#gitdir: }; fi
        common=${GIT_COMMON_DIR-}
        if [ -z "$common" ]; then
          common=$gitdir
          if [ -f "$gitdir/commondir" ]; then read -r common <"$gitdir/commondir"; case $common in /*) ;; *) common=$gitdir/$common ;; esac; fi
        fi
        store=$common/dialtone
        head=; read -r head <"$gitdir/HEAD"
        branch=; ticket=
        case $head in "ref: refs/heads/"*) branch=${head#ref: refs/heads/} ;; esac
        record=".dialtone/tickets/$branch.json"
        if [ -z "$branch" ]; then :
        elif [ -f "$record" ]; then ticket=record
        elif [ -f "$store/branches/$branch" ]; then ticket=marker
        elif [ "$hook" = pre-commit ]; then
          git cat-file -e "HEAD:$record" 2>/dev/null & probe=$!
          trailers=$(git log --max-count=200 --format='%(trailers:key=Dialtone-Ticket,valueonly)' HEAD 2>/dev/null)
          nl='
        '
          if wait "$probe"; then ticket=committed-record
          else case "$nl$trailers$nl" in *"$nl$branch$nl"*) ticket=trailer ;; esac; fi
        fi
        inbox() {
          at=$(date -u +%Y-%m-%dT%H:%M:%SZ); commit=$(git rev-parse -q --verify HEAD); subject=
          if [ "$hook" = post-commit ] && [ -n "$commit" ]; then subject=$(git log -1 --format=%s HEAD); fi
          mkdir -p "$store" && printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$at" "$1" "$branch" "$hook" "$commit" "$subject" >>"$store/evidence.log"
        }
        if [ "${DIALTONE-}" = 0 ]; then
          echo "dialtone: DIALTONE=0, $hook checks skipped." >&2
          case $hook in prepare-commit-msg | commit-msg) ;; *)
            if [ -n "$ticket" ] && inbox gate-skipped; then echo "dialtone: '$branch' is a ticket branch: the skip is recorded on its ticket as gate-skipped evidence." >&2; fi ;;
          esac
          exit 0
        fi
        if [ -z "$branch" ]; then say "detached HEAD: no ticket branch, nothing to do"; exit 0; fi
        if [ -z "$ticket" ]; then say "branch '$branch' is not a ticket branch: nothing to do"; exit 0; fi
        say "ticket branch '$branch' (known by: $ticket)"
        case $hook in
          commit-msg) say "nothing to check on '$branch' yet"; exit 0 ;;
          post-checkout) if [ "${3-}" != 1 ]; then say "file checkout: nothing to check"; exit 0; fi ;;
          prepare-commit-msg)
            handoff="$gitdir/dialtone-commit-trailers"
            if [ ! -s "$handoff" ]; then say "no commit gate passed in this commit: no trailers"; exit 0; fi
            { read -r pid; read -r ticket; read -r subtask; } <"$handoff"
            : >"$handoff"
            if [ "$pid" != "$PPID" ]; then say "trailers handed over by another commit: ignored"; exit 0; fi
            case ${2-} in commit | squash) say "message source '$2': no trailers"; exit 0 ;; esac
            msg=$1
            set -- --in-place --if-exists doNothing --trailer "Dialtone-Ticket: $ticket"
            if [ -n "$subtask" ]; then set -- "$@" --trailer "Dialtone-Subtask: $subtask"; fi
            say "adding trailers for ticket '$ticket' ${subtask:+subtask '$subtask'}"
            exec git interpret-trailers "$@" "$msg" ;;
          post-commit)
            note="$gitdir/dialtone-commit-gate"; pid=; tree=
            if [ -s "$note" ]; then { read -r pid; read -r tree; } <"$note"; : >"$note"; fi
            if [ "$pid" = "$PPID" ] && [ -n "$tree" ] && git diff-tree --quiet -r "$tree" HEAD -- . ':(exclude).dialtone' 2>/dev/null; then
              say "the commit gate passed this commit"; exit 0
            fi
            if git diff-tree --quiet -r HEAD~1 HEAD -- . ':(exclude).dialtone' 2>/dev/null; then say "only .dialtone/ changed: bookkeeping needs no note"; exit 0; fi
            if git rev-parse -q --verify 'HEAD^2' >/dev/null; then say "a merge needs no note"; exit 0; fi
            inbox unverified-commit || exit 0
            export DIALTONE_GATE_NOTE=recorded ;;
        esac
        bin=${DIALTONE_BIN-}
        if [ -n "$bin" ] && [ ! -x "$bin" ]; then echo "dialtone $hook: DIALTONE_BIN='$bin' is not executable; ignoring it." >&2; fi
        if [ ! -x "$bin" ]; then bin=$(git config --get dialtone.bin); fi
        if [ ! -x "$bin" ]; then say "git config dialtone.bin='$bin' is not executable; trying PATH"; bin=$(command -v dialtone); fi
        if [ -z "$bin" ] || [ ! -x "$bin" ]; then
          case $hook in
            pre-commit)
              echo "[BLOCK] '$branch' is a ticket branch, but no dialtone CLI was found (DIALTONE_BIN, git config dialtone.bin, dialtone on PATH), so the commit gate fails closed." >&2
              echo "[MESSAGE] Point the hooks at Dialtone: its dialtone.sh, a dialtone on PATH, or DIALTONE_BIN; running <path-to-dialtone>/dialtone.sh hooks install here records it too." >&2
              echo "[ACTION] git config dialtone.bin <path-to-dialtone.sh>" >&2
              exit 1 ;;
            post-commit) echo "dialtone $hook: no dialtone CLI found; this commit is recorded for the next dialtone command as made without the commit gate." >&2; exit 0 ;;
            *) echo "dialtone $hook: no dialtone CLI found; skipped." >&2; exit 0 ;;
          esac
        fi
        say "ticket branch '$branch': running $bin hook $hook"
        export DIALTONE_GIT_PID="$PPID"
        exec "$bin" hook "$hook" "$@"

        """;
}

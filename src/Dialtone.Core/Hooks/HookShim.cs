namespace Dialtone.Core.Hooks;

/// <summary>
/// The POSIX sh shim installed as each git hook (the same text as the repository's hooks/ files).
/// It runs the hook it replaced first, then decides "no ticket on this branch" without starting
/// .NET (HEAD file + one test -f), so commits on ordinary branches stay as fast as without hooks.
/// prepare-commit-msg applies the trailers pre-commit handed over in sh too, and commit-msg (nothing
/// to do yet) and file checkouts exit there: one .NET start per commit keeps a gated commit cheap.
/// post-checkout on a branch switch and post-merge start dialtone for the design-doc check.
/// </summary>
public static class HookShim
{
    /// <summary>The hooks Dialtone installs, in the order git runs them for a commit, then the rest.</summary>
    public static readonly IReadOnlyList<string> Names = ["pre-commit", "prepare-commit-msg", "commit-msg", "post-checkout", "post-merge"];

    /// <summary>The second line of every shim: how install, uninstall and status tell Dialtone's hooks from others'.</summary>
    public const string Marker = "# dialtone-hook ";

    public const int Version = 2;

    public static bool IsKnown(string name) => Names.Contains(name);

    /// <summary>True when <paramref name="content"/> is a Dialtone shim (of any version).</summary>
    public static bool IsShim(string content) =>
        content.StartsWith("#!", StringComparison.Ordinal) && content.Contains("\n" + Marker, StringComparison.Ordinal);

    public static string Text(string hook) => $$"""
        #!/bin/sh
        {{Marker}}v{{Version}} ({{hook}}): installed by `dialtone hooks install`; `dialtone hooks uninstall` restores what was here.
        # A branch without a ticket record is decided here, before .NET starts. See docs/hooks.md in Dialtone.
        hook={{hook}}
        if [ -x "$0.dialtone-chained" ]; then "$0.dialtone-chained" "$@" || exit $?; fi
        if [ "${DIALTONE-}" = 0 ]; then echo "dialtone: DIALTONE=0, $hook checks skipped." >&2; exit 0; fi
        say() { if [ "${DIALTONE_DEBUG-}" = 1 ]; then echo "dialtone $hook: $*" >&2; fi; }
        gitdir=${GIT_DIR:-.git}
        if [ -f "$gitdir" ]; then read -r gitdir <"$gitdir"; gitdir=${gitdir#gitdir: }; fi
        head=; read -r head <"$gitdir/HEAD"
        case $head in "ref: refs/heads/"*) branch=${head#ref: refs/heads/} ;; *) say "detached HEAD: no ticket branch, nothing to do"; exit 0 ;; esac
        record=".dialtone/tickets/$branch.json"
        if [ ! -f "$record" ] && { [ "$hook" != pre-commit ] || ! git cat-file -e "HEAD:$record" 2>/dev/null; }; then
          say "branch '$branch' has no $record: no ticket, nothing to do"; exit 0
        fi
        case $hook in
          commit-msg) say "nothing to check on '$branch' yet"; exit 0 ;;
          post-checkout) if [ "${3-}" != 1 ]; then say "file checkout: nothing to check"; exit 0; fi ;;
          prepare-commit-msg)
            handoff="$gitdir/dialtone-commit-trailers"
            if [ ! -s "$handoff" ]; then say "no commit gate passed in this commit: no trailers"; exit 0; fi
            { read -r pid; read -r ticket; read -r subtask; } <"$handoff"
            : >"$handoff"
            if [ "$pid" != "$PPID" ]; then say "trailers handed over by another commit: ignored"; exit 0; fi
            case ${2-} in merge | commit | squash) say "message source '$2': no trailers"; exit 0 ;; esac
            msg=$1
            set -- --in-place --if-exists doNothing --trailer "Dialtone-Ticket: $ticket"
            if [ -n "$subtask" ]; then set -- "$@" --trailer "Dialtone-Subtask: $subtask"; fi
            say "adding trailers for ticket '$ticket' ${subtask:+subtask '$subtask'}"
            exec git interpret-trailers "$@" "$msg" ;;
        esac
        bin=${DIALTONE_BIN-}
        if [ -n "$bin" ] && [ ! -x "$bin" ]; then echo "dialtone $hook: DIALTONE_BIN='$bin' is not executable; ignoring it." >&2; fi
        if [ ! -x "$bin" ]; then bin=$(git config --get dialtone.bin); fi
        if [ ! -x "$bin" ]; then say "git config dialtone.bin='$bin' is not executable; trying PATH"; bin=$(command -v dialtone); fi
        if [ -z "$bin" ] || [ ! -x "$bin" ]; then
          [ "$hook" = pre-commit ] || { echo "dialtone $hook: no dialtone CLI found; skipped." >&2; exit 0; }
          echo "[BLOCK] '$branch' is a ticket branch, but no dialtone CLI was found (DIALTONE_BIN, git config dialtone.bin, dialtone on PATH), so the commit gate fails closed." >&2
          echo "[ACTION] git config dialtone.bin /path/to/dialtone/dialtone.sh   (or run /path/to/dialtone/dialtone.sh hooks install)" >&2
          exit 1
        fi
        say "ticket branch '$branch': running $bin hook $hook"
        export DIALTONE_GIT_PID="$PPID"
        exec "$bin" hook "$hook" "$@"

        """;
}

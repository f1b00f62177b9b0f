using System.CommandLine;
using Dialtone.Cli.Rendering;
using Dialtone.Core;
using Dialtone.Core.Grants;
using Dialtone.Core.Output;
using Dialtone.Core.Storage.DuckDb;
using Dialtone.Core.Workflow;
using Dialtone.Git;

namespace Dialtone.Cli.Commands;

/// <summary>
/// Runs a command body and turns every outcome into a Reply with the contract's exit code:
/// DialtoneError carries its own; git and DuckDB failures are environment errors (3). Nothing
/// reaches the user as a stack trace (DIALTONE_DEBUG=1 prints one to stderr).
/// </summary>
public static class Handler
{
    public static void Set(Command command, GlobalOptions globals, string name, Func<CommandContext, Reply> body) =>
        command.SetAction(parsed =>
        {
            var json = parsed.GetValue(globals.Json);
            var context = new CommandContext(parsed, globals, name);
            return Respond(() => WithRepairs(context, body(context)), json, name, mask: context.MaskOutput);
        });

    /// <summary>
    /// Runs the body and renders its reply inside the same guard: building --json data runs
    /// use-case code too, and an exception there must still end as a tagged answer with an exit code.
    /// What the ticket session did to the command (a test run with or without a granted variable)
    /// comes first; while a grant is live, <paramref name="mask"/> takes its secret out of the whole
    /// answer, text or JSON, whatever put it there (docs/grants.md).
    /// </summary>
    public static int Respond(Func<Reply> body, bool json, string name, Action<string>? emit = null, Func<string, string>? mask = null)
    {
        var reply = GrantNotices.Collect(() => Execute(body), out var notices);
        string text;
        try
        {
            text = ReplyWriter.Render(reply, json, name, notices);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            reply = Execute(() => throw new RenderException(error));
            text = ReplyWriter.Render(reply, json, name, notices);
        }

        if (mask is not null)
        {
            try
            {
                text = mask(text);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // What could not be masked is never printed: the failure is said instead.
                reply = Execute(() => throw new RenderException(error));
                text = ReplyWriter.Render(reply, json, name);
            }
        }

        (emit ?? ReplyWriter.Emit)(text);
        if (Core.Grants.LeaseSweeper.LastFailure is { } sweep)
        {
            Debug(sweep);
        }

        return reply.ExitCode;
    }

    /// <summary>Says once that a record lagging the store (a command was killed mid-write) was put back in step.</summary>
    private static Reply WithRepairs(CommandContext context, Reply reply)
    {
        foreach (var notice in Enumerable.Reverse(context.UsedWorkspace?.Notices ?? []))
        {
            reply.AddFirst(Tag.Warn, notice);
        }

        foreach (var repaired in context.UsedWorkspace?.Repaired ?? [])
        {
            reply.AddFirst(Tag.Ticket, $"Repaired the ticket record of {repaired}: it lagged the store after an interrupted command.");
        }

        return reply;
    }

    public static Reply Execute(CommandContext context, Func<CommandContext, Reply> body) => Execute(() => body(context));

    public static Reply Execute(Func<Reply> body)
    {
        try
        {
            return body();
        }
        catch (DialtoneError error)
        {
            Debug(error);
            return Failure(error.ExitCode, error.Message, error.Action);
        }
        catch (GitNotFoundException error)
        {
            Debug(error);
            return Failure(ExitCodes.Environment, error.Message, "Install git (https://git-scm.com) or add it to PATH, then rerun.");
        }
        catch (GitException error)
        {
            Debug(error);
            return Failure(ExitCodes.Environment, error.Message, null);
        }
        catch (DuckDbLibraryException error)
        {
            Debug(error);
            return Failure(ExitCodes.Environment, error.Message, null);
        }
        catch (DuckDbException error)
        {
            Debug(error);
            return Failure(ExitCodes.Environment, $"The store failed: {error.Message}", $"{NextStep.Cli} doctor");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Debug(error);
            return Failure(ExitCodes.Environment, error.Message, null);
        }
        catch (RenderException error)
        {
            Debug(error.InnerException!);
            return Failure(ExitCodes.Environment, $"Internal error while writing the answer ({error.InnerException!.GetType().Name}): {error.InnerException.Message}", $"{NextStep.Cli} doctor");
        }
        // The last line of defence: an unexpected error still gets the contract's shape.
        catch (Exception error)
        {
            Debug(error);
            return Failure(ExitCodes.Environment, $"Internal error ({error.GetType().Name}): {error.Message}", "Rerun with DIALTONE_DEBUG=1 for details and report it.");
        }
    }

    private static Reply Failure(int exitCode, string message, string? action)
    {
        var reply = new Reply();
        reply.Add(exitCode == ExitCodes.Blocked ? Tag.Block : Tag.Fail, message);
        reply.Set("error", () => message);

        // The contract: every failed answer ends with an [ACTION]; fall back to the general ones.
        return reply.Fail(exitCode, action ?? (exitCode == ExitCodes.Environment ? $"{NextStep.Cli} doctor" : $"{NextStep.Cli} --help"));
    }

    private static void Debug(Exception error)
    {
        if (Environment.GetEnvironmentVariable("DIALTONE_DEBUG") == "1")
        {
            Console.Error.WriteLine(error.ToString());
        }
    }
}

/// <summary>Carries an exception thrown while rendering a reply back through <see cref="Handler.Execute(Func{Reply})"/>.</summary>
internal sealed class RenderException(Exception inner) : Exception(inner.Message, inner);

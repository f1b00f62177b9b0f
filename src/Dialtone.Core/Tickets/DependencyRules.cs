namespace Dialtone.Core.Tickets;

/// <summary>Checks a subtask's dependencies against its ticket: known names, not itself, no cycles.</summary>
public static class DependencyRules
{
    /// <summary>Parses "a,b" (spaces allowed) into distinct names, validating each.</summary>
    public static List<string> Parse(string? text)
    {
        var names = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return names;
        }

        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = Names.Require(part, "dependency", "--deps parse-config,write-record");
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Throws a usage error when <paramref name="subtask"/>'s dependencies do not fit the ticket.</summary>
    public static void Check(Ticket ticket, Subtask subtask)
    {
        foreach (var dependency in subtask.Dependencies)
        {
            if (dependency == subtask.Name)
            {
                throw DialtoneError.Usage($"Subtask '{subtask.Name}' cannot depend on itself.");
            }

            if (ticket.FindSubtask(dependency) is null)
            {
                var known = ticket.Subtasks.Count == 0 ? "none yet" : string.Join(", ", ticket.Subtasks.Select(s => s.Name));
                throw DialtoneError.Usage($"Subtask '{subtask.Name}' depends on '{dependency}', which is not a subtask of '{ticket.Name}' (known: {known}).");
            }
        }

        var cycle = FindCycle(ticket, subtask.Name, subtask.Dependencies);
        if (cycle is not null)
        {
            throw DialtoneError.Usage($"Dependencies would form a cycle: {string.Join(" -> ", cycle)}.");
        }
    }

    private static List<string>? FindCycle(Ticket ticket, string start, List<string> startDependencies)
    {
        // Depth-first from the edited subtask through the (possibly new) dependency lists.
        var path = new List<string> { start };
        var visited = new HashSet<string>();
        return Visit(startDependencies);

        List<string>? Visit(List<string> dependencies)
        {
            foreach (var dependency in dependencies)
            {
                if (dependency == start)
                {
                    return [.. path, start];
                }

                if (!visited.Add(dependency))
                {
                    continue;
                }

                var next = ticket.FindSubtask(dependency);
                if (next is null)
                {
                    continue;
                }

                path.Add(dependency);
                var found = Visit(next.Dependencies);
                if (found is not null)
                {
                    return found;
                }

                path.RemoveAt(path.Count - 1);
            }

            return null;
        }
    }
}

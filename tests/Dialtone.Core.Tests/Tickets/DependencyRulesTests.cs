using Dialtone.Core.Tickets;

namespace Dialtone.Core.Tests.Tickets;

public sealed class DependencyRulesTests
{
    private static Ticket TicketWith(params (string Name, string[] Deps)[] subtasks)
    {
        var ticket = new Ticket { Name = "t", Branch = "t" };
        foreach (var (name, deps) in subtasks)
        {
            ticket.Subtasks.Add(new Subtask { Name = name, Dependencies = [.. deps] });
        }

        return ticket;
    }

    [Fact]
    public void Parse_SplitsTrimsAndDeduplicates() =>
        Assert.Equal(["a", "b"], DependencyRules.Parse(" a, b ,a,,"));

    [Fact]
    public void Parse_RejectsBadNames() =>
        Assert.Throws<DialtoneError>(() => DependencyRules.Parse("a,B c"));

    [Fact]
    public void Check_UnknownDependency()
    {
        var ticket = TicketWith(("a", []));
        var error = Assert.Throws<DialtoneError>(() => DependencyRules.Check(ticket, new Subtask { Name = "b", Dependencies = ["zzz"] }));
        Assert.Contains("known: a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Self() =>
        Assert.Throws<DialtoneError>(() => DependencyRules.Check(TicketWith(("a", [])), new Subtask { Name = "a", Dependencies = ["a"] }));

    [Fact]
    public void Check_LongCycle_IsNamed()
    {
        var ticket = TicketWith(("a", []), ("b", ["a"]), ("c", ["b"]));
        var edited = new Subtask { Name = "a", Dependencies = ["c"] };

        var error = Assert.Throws<DialtoneError>(() => DependencyRules.Check(ticket, edited));

        Assert.Contains("a -> c -> b -> a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Diamond_IsFine()
    {
        var ticket = TicketWith(("a", []), ("b", ["a"]), ("c", ["a"]));
        DependencyRules.Check(ticket, new Subtask { Name = "d", Dependencies = ["b", "c"] });
    }
}

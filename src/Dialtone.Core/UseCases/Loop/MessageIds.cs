using System.Globalization;
using Dialtone.Core.Workflow;

namespace Dialtone.Core.UseCases.Loop;

/// <summary>Question numbers as typed: "3" or "#3".</summary>
public static class MessageIds
{
    public static bool TryParse(string? text, out long id) =>
        long.TryParse(text?.Trim().TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    public static long Parse(string text) => TryParse(text, out var id)
        ? id
        : throw DialtoneError.Usage($"'{Core.Tickets.Names.Printable(text)}' is not a question number.", $"{NextStep.Cli} inbox");
}

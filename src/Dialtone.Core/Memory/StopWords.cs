namespace Dialtone.Core.Memory;

/// <summary>
/// Words that say nothing about what a ticket is about: English function words, and the words
/// every ticket and test condition uses ("add", "fix", "test", "exits", "passes"). Matching on
/// them would make every ticket look like every other.
/// </summary>
public static class StopWords
{
    // A HashSet, not a FrozenSet: building a FrozenSet costs more at start-up than its lookups save
    // in the few hundred a command makes.
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // English function words.
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "cannot", "could",
        "did", "do", "does", "doing", "done", "down", "during", "each", "else", "etc", "even", "ever", "every", "few", "for", "from",
        "further", "get", "gets", "got", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how",
        "i", "if", "in", "into", "is", "it", "its", "itself", "just", "let", "like", "may", "me", "might", "more", "most",
        "much", "must", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our",
        "ours", "out", "over", "own", "per", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
        "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "two", "under", "until", "up",
        "upon", "us", "very", "via", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
        "will", "with", "within", "without", "would", "yet", "you", "your", "yours",

        // Ticket and test-condition boilerplate.
        "add", "added", "adding", "fix", "fixed", "fixes", "fixing", "make", "makes", "making", "new", "use", "used",
        "using", "update", "updated", "updating", "change", "changed", "changes", "implement", "implemented", "implementing",
        "support", "supported", "feature", "ticket", "subtask", "task", "step", "todo", "wip", "work", "works", "working",
        "test", "tests", "tested", "testing", "pass", "passes", "passed", "passing", "fail", "fails", "failed", "failing",
        "exit", "exits", "exited", "code", "run", "runs", "ran", "running", "command", "output", "result", "results",
        "return", "returns", "returned", "true", "false", "ok", "correct", "correctly", "properly", "should", "ensure",
        "check", "checks", "verify", "verified", "able", "now", "still", "thing", "things", "stuff", "way", "ways",
        "come", "comes", "came", "show", "shows", "shown", "instead", "want", "wants", "need", "needs", "allow", "allows",
        "see", "look", "looks", "seem", "seems", "please", "http", "https", "www", "com",
        "time", "times", "issue", "issues", "problem", "bug", "bugs", "case", "cases", "also", "already",
        "first", "next", "last", "previous", "remember", "tip", "note", "agent", "better", "good", "bad", "sure",

        // Path and file-type noise, so a path in a description does not match every ticket on "src" and "cs".
        "src", "lib", "dist", "bin", "obj", "cs", "js", "ts", "jsx", "tsx", "py", "rb", "go", "rs", "java", "kt",
        "md", "txt", "json", "yml", "yaml", "toml", "xml", "csproj", "sln", "sh", "html", "css",
    };

    public static bool Contains(string word) => Words.Contains(word);
}

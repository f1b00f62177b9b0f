namespace Dialtone.Core.DocDiff;

/// <summary>
/// The diff of two parsed versions of a doc. Children are matched by kind and key; what is left
/// over on each side is paired as renames, best pair first and one-to-one, by
/// <see cref="Similarity"/> (content, position, name) when the score reaches the threshold. Matched
/// and renamed pairs are then compared for type, required-ness and content, and recursed into.
/// Order alone never counts, and neither does whitespace: the parsers normalise it away.
/// </summary>
public static class StructuralDiff
{
    /// <summary>Above this many removed×added candidates in one parent, renames are not searched (a rewrite, not an edit).</summary>
    private const int MaxPairs = 40_000;

    public static IReadOnlyList<DocChange> Compare(DocNode before, DocNode after)
    {
        var run = new RunState(before, after);
        run.DiffNode(before, after, null);
        return run.Sorted();
    }

    private sealed class RunState
    {
        private readonly List<(DocChange Change, int Order)> changes = [];
        private readonly Dictionary<(string Noun, string Name), int> names = [];

        public RunState(DocNode before, DocNode after)
        {
            // Where an element lives is said only when its name alone is ambiguous (or always, for YAML/JSON).
            var seenBefore = new Dictionary<(string, string), int>();
            var seenAfter = new Dictionary<(string, string), int>();
            CountNames(before, seenBefore);
            CountNames(after, seenAfter);
            foreach (var (name, count) in seenBefore)
            {
                names[name] = count;
            }

            foreach (var (name, count) in seenAfter)
            {
                names[name] = Math.Max(names.GetValueOrDefault(name), count);
            }
        }

        public List<DocChange> Sorted() =>
            changes.OrderBy(c => c.Change.Rank).ThenBy(c => c.Order).Select(c => c.Change).ToList();

        public void DiffNode(DocNode before, DocNode after, DocNode? parent)
        {
            var typeChanged = before.Type is not null && after.Type is not null && before.Type != after.Type;
            var textChanged = before.Text != after.Text;
            if (typeChanged)
            {
                var values = textChanged && before.Children.Count == 0 && after.Children.Count == 0 && before.Kind is NodeKind.Field or NodeKind.Cell
                    ? $" ('{TextDelta.Short(before.Text, 30)}' → '{TextDelta.Short(after.Text, 30)}')"
                    : "";
                Emit(ChangeKind.TypeChanged, after.IsAttribute && parent is not null
                    ? $"{Label(parent)} {AttributeName(after)} type changed from '{before.Type}' to '{after.Type}'{values}{Where(parent)}."
                    : $"{Label(after)} type changed from '{before.Type}' to '{after.Type}'{values}{Where(after)}.");
                textChanged &= values.Length == 0;
            }

            if (before.Required is { } wasRequired && after.Required is { } isRequired && wasRequired != isRequired)
            {
                Emit(ChangeKind.RequiredChanged, $"{Label(after)} is now {(isRequired ? "required" : "optional")}{Where(after)}.");
            }

            if (textChanged)
            {
                EmitTextChange(before, after, parent);
            }

            DiffChildren(before, after);
        }

        private void DiffChildren(DocNode before, DocNode after)
        {
            var old = before.Children;
            var now = after.Children;
            if (old.Count == 0 && now.Count == 0)
            {
                return;
            }

            // The common case, an unchanged list of children: pair them in order, no bookkeeping.
            if (old.Count == now.Count && SameKeys(old, now))
            {
                for (var i = 0; i < old.Count; i++)
                {
                    DiffNode(old[i], now[i], after);
                }

                return;
            }

            // Exact matches by kind and key; duplicates pair up in order.
            var waiting = new Dictionary<(NodeKind, string), Queue<int>>();
            for (var j = 0; j < now.Count; j++)
            {
                var key = (now[j].Kind, now[j].Key);
                if (!waiting.TryGetValue(key, out var queue))
                {
                    waiting[key] = queue = new Queue<int>();
                }

                queue.Enqueue(j);
            }

            var oldToNew = new int[old.Count];
            var newToOld = new int[now.Count];
            Array.Fill(oldToNew, -1);
            Array.Fill(newToOld, -1);
            for (var i = 0; i < old.Count; i++)
            {
                if (waiting.TryGetValue((old[i].Kind, old[i].Key), out var queue) && queue.Count > 0)
                {
                    var j = queue.Dequeue();
                    oldToNew[i] = j;
                    newToOld[j] = i;
                }
            }

            var renames = PairRenames(old, now, oldToNew, newToOld);
            for (var i = 0; i < old.Count; i++)
            {
                if (oldToNew[i] < 0 && !renames.ContainsKey(i))
                {
                    EmitRemoved(old[i], before);
                }
            }

            var renamedFrom = renames.ToDictionary(r => r.Value.Added, r => (Old: r.Key, r.Value.Score));
            for (var j = 0; j < now.Count; j++)
            {
                if (newToOld[j] >= 0)
                {
                    DiffNode(old[newToOld[j]], now[j], after);
                }
                else if (renamedFrom.TryGetValue(j, out var rename))
                {
                    EmitRenamed(old[rename.Old], now[j], rename.Score);
                    DiffNode(old[rename.Old], now[j], after);
                }
                else
                {
                    EmitAdded(now[j], after);
                }
            }
        }

        private static bool SameKeys(List<DocNode> old, List<DocNode> now)
        {
            for (var i = 0; i < old.Count; i++)
            {
                if (old[i].Kind != now[i].Kind || old[i].Key != now[i].Key)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Removed (old index) → added (new index) pairs, best first, one-to-one, above the threshold.</summary>
        private static Dictionary<int, (int Added, double Score)> PairRenames(List<DocNode> old, List<DocNode> now, int[] oldToNew, int[] newToOld)
        {
            var result = new Dictionary<int, (int, double)>();
            var removed = Enumerable.Range(0, old.Count).Where(i => oldToNew[i] < 0).ToList();
            var added = Enumerable.Range(0, now.Count).Where(j => newToOld[j] < 0).ToList();
            if (removed.Count == 0 || added.Count == 0 || (long)removed.Count * added.Count > MaxPairs)
            {
                return result;
            }

            var candidates = new List<(double Score, int Old, int New)>();
            foreach (var i in removed)
            {
                foreach (var j in added)
                {
                    if (old[i].Kind != now[j].Kind)
                    {
                        continue;
                    }

                    var score = Similarity.Score(
                        Similarity.Content(old[i], now[j]),
                        Position(i, j, old.Count, now.Count, oldToNew, newToOld),
                        Similarity.Name(old[i].Name, now[j].Name));
                    if (score >= Similarity.RenameThreshold)
                    {
                        candidates.Add((score, i, j));
                    }
                }
            }

            var taken = new HashSet<int>();
            foreach (var (score, i, j) in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Old).ThenBy(c => c.New))
            {
                if (!result.ContainsKey(i) && !taken.Contains(j))
                {
                    result[i] = (j, score);
                    taken.Add(j);
                }
            }

            return result;
        }

        /// <summary>1 when both sit between the same matched neighbours at the same relative place; less as they drift apart.</summary>
        private static double Position(int i, int j, int oldCount, int newCount, int[] oldToNew, int[] newToOld)
        {
            var oldPrev = -1;
            for (var k = i - 1; k >= 0; k--)
            {
                if (oldToNew[k] >= 0)
                {
                    oldPrev = oldToNew[k];
                    break;
                }
            }

            var oldNext = newCount;
            for (var k = i + 1; k < oldCount; k++)
            {
                if (oldToNew[k] >= 0)
                {
                    oldNext = oldToNew[k];
                    break;
                }
            }

            var newPrev = -1;
            for (var k = j - 1; k >= 0; k--)
            {
                if (newToOld[k] >= 0)
                {
                    newPrev = k;
                    break;
                }
            }

            var newNext = newCount;
            for (var k = j + 1; k < newCount; k++)
            {
                if (newToOld[k] >= 0)
                {
                    newNext = k;
                    break;
                }
            }

            var relative = 1 - Math.Abs(((double)i / Math.Max(1, oldCount - 1)) - ((double)j / Math.Max(1, newCount - 1)));
            return (0.4 * (oldPrev == newPrev ? 1 : 0)) + (0.4 * (oldNext == newNext ? 1 : 0)) + (0.2 * relative);
        }

        private void EmitRenamed(DocNode before, DocNode after, double score)
        {
            var possibly = score < Similarity.ConfidentThreshold;
            var kind = possibly ? ChangeKind.PossiblyRenamed : ChangeKind.Renamed;
            switch (after.Kind)
            {
                case NodeKind.Cell:
                    // A renamed column: said once, at the table.
                    return;
                case NodeKind.Line:
                    Emit(kind, $"Line {after.Line} {(possibly ? "possibly " : "")}changed from '{TextDelta.Short(before.Name)}' to '{TextDelta.Short(after.Name)}'.");
                    return;
                default:
                    Emit(kind, $"{after.Noun} '{before.Name}' {(possibly ? "possibly " : "")}renamed to '{(after.Kind == NodeKind.Field ? RenamedTo(before.Name, after.Name) : after.Name)}'{Where(after)}.");
                    return;
            }
        }

        private void EmitAdded(DocNode node, DocNode parent)
        {
            switch (node.Kind)
            {
                case NodeKind.Cell:
                    return;
                case NodeKind.Line:
                    Emit(ChangeKind.Added, $"Line {node.Line} added: '{TextDelta.Short(node.Name)}'.");
                    return;
                default:
                    if (node.IsAttribute && parent.Kind != NodeKind.Document)
                    {
                        Emit(ChangeKind.Added, $"{Label(parent)} {AttributeName(node)} added{Value(node)}{Where(parent)}.");
                        return;
                    }

                    Emit(ChangeKind.Added, $"{Label(node)}{Attributes(node)} added{Where(node)}.");
                    return;
            }
        }

        private void EmitRemoved(DocNode node, DocNode parent)
        {
            switch (node.Kind)
            {
                case NodeKind.Cell:
                    return;
                case NodeKind.Line:
                    Emit(ChangeKind.Removed, $"Line {node.Line} removed: '{TextDelta.Short(node.Name)}'.");
                    return;
                default:
                    if (node.IsAttribute && parent.Kind != NodeKind.Document)
                    {
                        Emit(ChangeKind.Removed, $"{Label(parent)} {AttributeName(node)} removed{Where(parent)}.");
                        return;
                    }

                    Emit(ChangeKind.Removed, $"{Label(node)} removed{Where(node)}.");
                    return;
            }
        }

        private void EmitTextChange(DocNode before, DocNode after, DocNode? parent)
        {
            var (was, now) = TextDelta.Excerpt(before.Text, after.Text);
            if (after.IsAttribute && parent is not null && parent.Kind != NodeKind.Document)
            {
                Emit(ChangeKind.Changed, $"{Label(parent)} {AttributeName(after)} changed from '{was}' to '{now}'{Where(parent)}.");
                return;
            }

            var text = after.Kind switch
            {
                NodeKind.Section or NodeKind.Document => $"{Label(after)} text changed: '{was}' → '{now}'{Where(after)}.",
                NodeKind.Item => $"{Label(after)} description changed from '{was}' to '{now}'{Where(after)}.",
                _ => $"{Label(after)} changed from '{was}' to '{now}'{Where(after)}.",
            };
            Emit(ChangeKind.Changed, text);
        }

        private void Emit(ChangeKind kind, string text) => changes.Add((new DocChange(kind, text), changes.Count));

        private string Where(DocNode node) =>
            node.Location.Length > 0 && (node.AlwaysLocate || names.GetValueOrDefault(NameKey(node)) > 1) ? node.Location : "";

        private static string Label(DocNode node) =>
            node.Kind == NodeKind.Document ? "The document" : $"{node.Noun} '{node.Name}'";

        private static string AttributeName(DocNode node) => node.Kind == NodeKind.Cell ? node.Name.ToLowerInvariant() : node.Key;

        private static string Value(DocNode node) => node.Text.Length == 0 ? "" : $" ('{TextDelta.Short(node.Text)}')";

        private static string Attributes(DocNode node)
        {
            var parts = new List<string>(2);
            if (node.Type is { Length: > 0 } type)
            {
                parts.Add(type);
            }

            if (node.Required is { } required)
            {
                parts.Add(required ? "required" : "optional");
            }

            return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
        }

        /// <summary>The new name, without the dotted path both names share ("a.b.old" → "new", not "a.b.new").</summary>
        private static string RenamedTo(string before, string after)
        {
            var cut = after.LastIndexOf('.');
            return cut > 0 && before.Length > cut && string.CompareOrdinal(before, 0, after, 0, cut + 1) == 0 && before.IndexOf('.', cut + 1) < 0
                ? after[(cut + 1)..]
                : after;
        }

        private static (string, string) NameKey(DocNode node) => (node.Noun, node.Name);

        private static void CountNames(DocNode node, Dictionary<(string, string), int> counts)
        {
            foreach (var child in node.Children)
            {
                var key = NameKey(child);
                counts[key] = counts.GetValueOrDefault(key) + 1;
                CountNames(child, counts);
            }
        }
    }
}

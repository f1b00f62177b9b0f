using System.Buffers;
using System.Text;

namespace Dialtone.Core.Grants;

/// <summary>
/// Replaces every form of one or more secrets in a byte stream with `&lt;redacted:VAR&gt;`, also when
/// a form is split across writes: bytes that could still become a form are held back until the next
/// write decides (or the end of the stream). Only such a partial match is ever held, so ordinary
/// output passes through at once. Of the forms that start at one position the longest wins. One
/// filter per stream; not thread-safe.
/// </summary>
public sealed class MaskingFilter
{
    private readonly byte[][] forms;
    private readonly byte[][] replacements;
    private readonly SearchValues<byte> firstBytes;
    private byte[] pending = new byte[4096];
    private int pendingLength;

    public MaskingFilter(IReadOnlyList<byte[]> forms, string variable)
        : this([(variable, forms)])
    {
    }

    /// <param name="secrets">Each granted variable with the forms of its value.</param>
    public MaskingFilter(IEnumerable<(string Variable, IReadOnlyList<byte[]> Forms)> secrets)
    {
        var pairs = secrets
            .SelectMany(s => s.Forms.Where(f => f.Length > 0).Select(f => (Form: f, Replacement: Encoding.UTF8.GetBytes(Replacement(s.Variable)))))
            .OrderByDescending(p => p.Form.Length)
            .ToArray();
        forms = pairs.Select(p => p.Form).ToArray();
        replacements = pairs.Select(p => p.Replacement).ToArray();
        firstBytes = SearchValues.Create(forms.Select(f => f[0]).Distinct().ToArray());
    }

    public static string Replacement(string variable) => $"<redacted:{variable}>";

    /// <summary>Bytes held back because they might be the start of a secret.</summary>
    public int Held => pendingLength;

    /// <summary>Filters <paramref name="data"/>; what is safe to show now goes to <paramref name="output"/>.</summary>
    public void Write(ReadOnlySpan<byte> data, IBufferWriter<byte> output)
    {
        Append(data);
        Drain(output, final: false);
    }

    /// <summary>The end of the stream: nothing more can complete a held form, so the rest goes out.</summary>
    public void Complete(IBufferWriter<byte> output) => Drain(output, final: true);

    /// <summary>Masks a whole text at once (commands for the store, a mint command's error output).</summary>
    public static string MaskText(string text, IReadOnlyList<byte[]> forms, string variable) => MaskText(text, [(variable, forms)]);

    /// <summary>Masks a whole text at once for several secrets (what Dialtone stores or prints while grants are live).</summary>
    public static string MaskText(string text, IEnumerable<(string Variable, IReadOnlyList<byte[]> Forms)> secrets)
    {
        var filter = new MaskingFilter(secrets);
        var output = new ArrayBufferWriter<byte>();
        filter.Write(Encoding.UTF8.GetBytes(text), output);
        filter.Complete(output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        if (pendingLength + data.Length > pending.Length)
        {
            Array.Resize(ref pending, Math.Max(pending.Length * 2, pendingLength + data.Length));
        }

        data.CopyTo(pending.AsSpan(pendingLength));
        pendingLength += data.Length;
    }

    private void Drain(IBufferWriter<byte> output, bool final)
    {
        var buffer = pending.AsSpan(0, pendingLength);
        var position = 0;
        var emitted = 0;
        while (position < buffer.Length)
        {
            var next = forms.Length == 0 ? -1 : buffer[position..].IndexOfAny(firstBytes);
            if (next < 0)
            {
                position = buffer.Length;
                break;
            }

            position += next;
            var rest = buffer[position..];
            var longest = 0;
            var chosen = -1;
            var couldGrow = false;
            for (var i = 0; i < forms.Length; i++)
            {
                var form = forms[i];
                if (rest.Length >= form.Length)
                {
                    if (form.Length > longest && rest.StartsWith(form))
                    {
                        longest = form.Length;
                        chosen = i;
                    }
                }
                else if (!final && rest.SequenceEqual(form.AsSpan(0, rest.Length)))
                {
                    // A longer form may still complete here: decide when more bytes arrive.
                    couldGrow = true;
                }
            }

            if (couldGrow)
            {
                break;
            }

            if (longest > 0)
            {
                output.Write(buffer[emitted..position]);
                output.Write(replacements[chosen]);
                position += longest;
                emitted = position;
                continue;
            }

            position++;
        }

        output.Write(buffer[emitted..position]);
        buffer[position..].CopyTo(pending);
        pendingLength = buffer.Length - position;
    }
}

namespace Dialtone.Core.Records;

/// <summary>A record written to a temporary file, ready to replace the real one in one rename.</summary>
public sealed class StagedRecord(string temp, string path, string relative)
{
    /// <summary>
    /// Moves the new record into place. A rename across file systems (the scratch directory is in
    /// the git dir, which can live elsewhere) falls back to a temporary file beside the record.
    /// </summary>
    public void Publish()
    {
        try
        {
            try
            {
                File.Move(temp, path, overwrite: true);
            }
            catch (IOException) when (File.Exists(temp) && Path.GetDirectoryName(temp) != Path.GetDirectoryName(path))
            {
                var beside = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
                File.Copy(temp, beside, overwrite: true);
                File.Move(beside, path, overwrite: true);
                RecordFile.TryDelete(temp);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            RecordFile.TryDelete(temp);
            throw DialtoneError.Environment(
                $"The change is in the store, but the ticket record '{relative}' could not be replaced: {RecordFile.Describe(ex)}. The next command rewrites it once it can.",
                $"ls -ld {Path.GetDirectoryName(relative)}",
                ex);
        }
    }

    /// <summary>Drops the new record: the store did not take the change either.</summary>
    public void Discard() => RecordFile.TryDelete(temp);
}

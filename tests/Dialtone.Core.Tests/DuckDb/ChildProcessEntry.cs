using Dialtone.Core.Storage.DuckDb;

namespace Dialtone.Core.Tests.DuckDb;

/// <summary>
/// Entry point for the second process <see cref="ChildProcess"/> starts. Each mode does one thing
/// with the binding and prints a single line: the result, or the exception type, kind and message.
/// </summary>
public static class ChildProcessEntry
{
    public static int Main(string[] args)
    {
        try
        {
            switch (args.FirstOrDefault())
            {
                case "version":
                    Console.WriteLine(DuckDbLibrary.Version);
                    return 0;

                case "open":
                    using (DuckDbDatabase.Open(args[1], readOnly: args[2] == "read-only"))
                    {
                        Console.WriteLine("opened");
                    }

                    return 0;

                case "timestamptz":
                    Console.WriteLine(TimestampTzRoundTrip(args[1]));
                    return 0;

                default:
                    Console.Error.WriteLine("usage: version | open <path> read-only|read-write | timestamptz <path>");
                    return 2;
            }
        }
        catch (DuckDbException error)
        {
            Console.WriteLine($"DuckDbException|{error.Kind}|{error.Message}");
            return 3;
        }
        catch (DuckDbLibraryException error)
        {
            Console.WriteLine($"DuckDbLibraryException|{error.Message}");
            return 4;
        }
    }

    /// <summary>
    /// Binds a UTC DateTime into a TIMESTAMPTZ column and reads it back; the parent runs this under a
    /// non-UTC TZ, where a session in local time would shift the value.
    /// </summary>
    private static string TimestampTzRoundTrip(string path)
    {
        var instant = new DateTime(2024, 7, 1, 12, 30, 45, DateTimeKind.Utc).AddTicks(1_234_560);
        using var database = DuckDbDatabase.Open(path);
        using var connection = database.Connect();
        connection.Execute("CREATE TABLE t (instant TIMESTAMPTZ, naive TIMESTAMP)");
        connection.Execute("INSERT INTO t VALUES ($1, $2)", instant, instant);
        using var reader = connection.Query("SELECT instant, naive, instant::TIMESTAMP, current_setting('TimeZone') FROM t");
        reader.Read();
        var ok = reader.GetDateTime(0) == instant && reader.GetDateTime(1) == instant && reader.GetDateTime(2) == instant;
        return $"{(ok ? "same" : "shifted")}|{reader.GetString(3)}|{reader.GetDateTime(0):O}";
    }
}

namespace Evaluation.Data.Embedded;

/// <summary>Where <c>initdb</c> and <c>pg_ctl</c> are: <c>EVALUATION_PG_BIN</c>, Debian's <c>/usr/lib/postgresql/N/bin</c> (15 first), or PATH.</summary>
internal sealed record PostgresBinaries(string InitDb, string PgCtl)
{
    public static PostgresBinaries Find()
    {
        var candidates = new List<string>();
        var configured = Environment.GetEnvironmentVariable("EVALUATION_PG_BIN");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            candidates.Add(configured);
        }

        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            candidates.Add(Path.Combine(debian, "15", "bin"));
            candidates.AddRange(Directory.GetDirectories(debian).OrderDescending().Select(d => Path.Combine(d, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        foreach (var dir in candidates)
        {
            var initdb = Path.Combine(dir, "initdb");
            var pgctl = Path.Combine(dir, "pg_ctl");
            if (File.Exists(initdb) && File.Exists(pgctl))
            {
                return new PostgresBinaries(initdb, pgctl);
            }
        }

        throw new EmbeddedClusterException(
            "PostgreSQL server programs (initdb, pg_ctl) were not found. Install them with 'apt-get install -y postgresql-15', " +
            "set EVALUATION_PG_BIN to their folder, or set EVALUATION_DB to a connection string.");
    }
}

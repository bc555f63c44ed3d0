using Microsoft.EntityFrameworkCore;

namespace Evaluation.Data.Storage;

/// <summary>Brings a database to the current schema by applying the EF Core migrations (on every start).</summary>
public static class Schema
{
    public static async Task MigrateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var context = new EvaluationDbContext(EvaluationDbContext.Options(connectionString));
        await context.Database.MigrateAsync(cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore.Design;

namespace Evaluation.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EvaluationDbContext>
{
    public EvaluationDbContext CreateDbContext(string[] args) =>
        new(EvaluationDbContext.Options("Host=127.0.0.1;Database=design_time"));
}

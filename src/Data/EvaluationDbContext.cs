using Evaluation.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Evaluation.Data;

/// <summary>The schema of the platform (EF Core owns it and its migrations); bulk paths use Npgsql directly.</summary>
public sealed class EvaluationDbContext(DbContextOptions<EvaluationDbContext> options) : DbContext(options)
{
    public DbSet<CourseEntity> Courses => Set<CourseEntity>();
    public DbSet<ChecklistEntity> Checklists => Set<ChecklistEntity>();
    public DbSet<ContactEntity> Contacts => Set<ContactEntity>();
    public DbSet<PlanEntity> Plans => Set<PlanEntity>();
    public DbSet<AnswerEntity> Answers => Set<AnswerEntity>();
    public DbSet<ShelterStayEntity> ShelterStays => Set<ShelterStayEntity>();
    public DbSet<TenancyEntity> Tenancies => Set<TenancyEntity>();
    public DbSet<StaffEntity> Staff => Set<StaffEntity>();
    public DbSet<IngestFileEntity> IngestFiles => Set<IngestFileEntity>();
    public DbSet<QuarantineEntity> Quarantine => Set<QuarantineEntity>();
    public DbSet<ChangeHistoryEntity> ChangeHistory => Set<ChangeHistoryEntity>();
    public DbSet<AuditEntity> Audit => Set<AuditEntity>();

    public DbSet<ResultRunEntity> ResultRuns => Set<ResultRunEntity>();

    public DbSet<SettingEntity> Settings => Set<SettingEntity>();

    public static DbContextOptions<EvaluationDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<EvaluationDbContext>()
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .Options;

    // Rows that refer to a course (checklists, contacts, plans, answers) carry no foreign key:
    // PostgreSQL checks a foreign key row by row with a trigger, which tripled the time of a bulk
    // load. Ingest checks the references instead: per row with a clear quarantine reason, and once
    // more set-based before each upsert. Courses are never deleted.
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CourseEntity>(e =>
        {
            e.ToTable("courses");
            e.HasKey(x => x.CourseId);
            e.HasIndex(x => x.PersonKey);
            e.HasIndex(x => x.Municipality);
            e.Property(x => x.Sex).HasMaxLength(1);

            // The snake_case convention would write phase1start; the SPEC column names win.
            e.Property(x => x.Phase1Start).HasColumnName("phase1_start");
            e.Property(x => x.Phase2Start).HasColumnName("phase2_start");
            e.Property(x => x.Phase3Start).HasColumnName("phase3_start");
        });
        modelBuilder.Entity<ChecklistEntity>(e =>
        {
            e.ToTable("checklists");
            e.HasKey(x => new { x.CourseId, x.Checklist });
            e.Property(x => x.Items).HasColumnType("jsonb");
        });
        modelBuilder.Entity<ContactEntity>(e =>
        {
            e.ToTable("contacts");
            e.HasKey(x => new { x.CourseId, x.ContactKey });
        });
        modelBuilder.Entity<PlanEntity>(e =>
        {
            e.ToTable("plans");
            e.HasKey(x => new { x.CourseId, x.Date });
        });
        modelBuilder.Entity<AnswerEntity>(e =>
        {
            e.ToTable("answers");
            e.HasKey(x => new { x.CourseId, x.Wave });
            e.Property(x => x.Items).HasColumnType("jsonb");
        });
        modelBuilder.Entity<ShelterStayEntity>(e =>
        {
            e.ToTable("shelter_stays");
            e.HasKey(x => new { x.PersonKey, x.ShelterId, x.EntryDate });
        });
        modelBuilder.Entity<TenancyEntity>(e =>
        {
            e.ToTable("tenancies");
            e.HasKey(x => new { x.PersonKey, x.StartDate });
        });
        modelBuilder.Entity<StaffEntity>(e =>
        {
            e.ToTable("staff");
            e.HasKey(x => x.WorkerId);
        });
        modelBuilder.Entity<IngestFileEntity>(e =>
        {
            e.ToTable("ingest_files");
            e.HasIndex(x => x.Sha256).IsUnique();
        });
        modelBuilder.Entity<QuarantineEntity>(e =>
        {
            e.ToTable("quarantine");
            e.HasIndex(x => x.FileId);
            e.HasOne<IngestFileEntity>().WithMany().HasForeignKey(x => x.FileId);
        });
        modelBuilder.Entity<ChangeHistoryEntity>(e =>
        {
            e.ToTable("change_history");
            e.Property(x => x.OldValues).HasColumnType("jsonb");
            e.Property(x => x.NewValues).HasColumnType("jsonb");
            e.HasIndex(x => new { x.TableName, x.NaturalKey });
        });
        modelBuilder.Entity<AuditEntity>(e =>
        {
            e.ToTable("audit_log");
            e.Property(x => x.Details).HasColumnType("jsonb");
        });
        modelBuilder.Entity<ResultRunEntity>(e => e.ToTable("result_runs"));
        modelBuilder.Entity<SettingEntity>(e =>
        {
            e.ToTable("settings");
            e.HasKey(x => x.Name);
        });
    }
}

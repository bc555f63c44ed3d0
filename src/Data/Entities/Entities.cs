namespace Evaluation.Data.Entities;

// Storage shapes of the SPEC §2 inputs. Codes (group, wave, kinds, reasons) are stored as the
// same text codes as in the input files, so that the tables read plainly in psql.
// The natural key of each table is its primary key; ingest upserts on it (README, "Natural keys").

public sealed class CourseEntity
{
    public required string CourseId { get; set; }
    public required string PersonKey { get; set; }
    public DateOnly BirthDate { get; set; }
    public required string Sex { get; set; }
    public required string Municipality { get; set; }
    public required string Group { get; set; }
    public string? WorkerId { get; set; }
    public DateOnly? ShelterExitDate { get; set; }
    public DateOnly? MoveInDate { get; set; }
    public DateOnly? ContactStart { get; set; }
    public DateOnly? Phase1Start { get; set; }
    public DateOnly? Phase2Start { get; set; }
    public DateOnly? Phase3Start { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? EndReason { get; set; }
    public int? Children { get; set; }
    public long SourceFileId { get; set; }
}

public sealed class ChecklistEntity
{
    public required string CourseId { get; set; }
    public required string Checklist { get; set; }
    public DateOnly? Date { get; set; }
    public string? WorkerId { get; set; }

    /// <summary>Item code → "yes" / "no" / "na", as JSON.</summary>
    public required string Items { get; set; }
    public long SourceFileId { get; set; }
}

public sealed class ContactEntity
{
    public required string CourseId { get; set; }

    /// <summary>date|kind|worker|n, n counting identical contacts in one file, so two calls on one day stay two.</summary>
    public required string ContactKey { get; set; }
    public DateOnly Date { get; set; }
    public required string Kind { get; set; }
    public int? Minutes { get; set; }
    public string? WorkerId { get; set; }
    public long SourceFileId { get; set; }
}

public sealed class PlanEntity
{
    public required string CourseId { get; set; }
    public DateOnly Date { get; set; }
    public int? Goals { get; set; }
    public bool? Housing { get; set; }
    public bool? MentalHealth { get; set; }
    public bool? PhysicalHealth { get; set; }
    public bool? Economy { get; set; }
    public bool? Network { get; set; }
    public bool? DailyActivities { get; set; }
    public bool? EducationEmployment { get; set; }
    public long SourceFileId { get; set; }
}

public sealed class AnswerEntity
{
    public required string CourseId { get; set; }
    public required string Wave { get; set; }
    public DateOnly? AnsweredDate { get; set; }

    /// <summary>Item column → raw numeric value, as JSON; missing items are absent.</summary>
    public required string Items { get; set; }
    public long SourceFileId { get; set; }
}

public sealed class ShelterStayEntity
{
    public required string PersonKey { get; set; }
    public required string ShelterId { get; set; }
    public DateOnly EntryDate { get; set; }
    public DateOnly? ExitDate { get; set; }
    public long SourceFileId { get; set; }
}

public sealed class TenancyEntity
{
    public required string PersonKey { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? EndReason { get; set; }
    public long SourceFileId { get; set; }
}

public sealed class StaffEntity
{
    public required string WorkerId { get; set; }
    public required string Municipality { get; set; }
    public double Fte { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public long SourceFileId { get; set; }
}

/// <summary>One ingested file: its content hash makes re-ingesting the same file a no-op.</summary>
public sealed class IngestFileEntity
{
    public long Id { get; set; }
    public required string FileName { get; set; }
    public required string Kind { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset IngestedAt { get; set; }
    public int Rows { get; set; }
    public int Loaded { get; set; }
    public int Unchanged { get; set; }
    public int Quarantined { get; set; }
}

/// <summary>One rejected value of an input row: file, row (header = 1), column, masked value and reason.</summary>
public sealed class QuarantineEntity
{
    public long Id { get; set; }
    public long FileId { get; set; }
    public int Row { get; set; }
    public string? Column { get; set; }
    public string? Value { get; set; }
    public required string Reason { get; set; }
}

/// <summary>What a correction file changed: the old and new values of one natural key.</summary>
public sealed class ChangeHistoryEntity
{
    public long Id { get; set; }
    public required string TableName { get; set; }
    public required string NaturalKey { get; set; }
    public long FileId { get; set; }
    public required string OldValues { get; set; }
    public required string NewValues { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>Who did what and when: exports, ingests, report renders.</summary>
public sealed class AuditEntity
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserName { get; set; }
    public required string Action { get; set; }
    public required string Details { get; set; }
}

/// <summary>
/// One computation of outcomes and fidelity by the scheduled platform (SPEC §9): from which data
/// (the newest ingest file that changed rows), as of which date, and whether workbooks were rendered.
/// </summary>
public sealed class ResultRunEntity
{
    public long Id { get; set; }
    public long DataVersion { get; set; }
    public DateOnly AsOf { get; set; }
    public bool Workbooks { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public required string Folder { get; set; }
}

/// <summary>A named platform setting kept with the data, such as the fingerprint of the pseudonym key the data were made with.</summary>
public sealed class SettingEntity
{
    public required string Name { get; set; }
    public required string Value { get; set; }
}

using System.Text.Json;
using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;
using NpgsqlTypes;

namespace Evaluation.Ingest.Loading;

/// <summary>The staging and upsert shape of each input kind's table (natural keys as in the README).</summary>
public static class TableSpecs
{
    public static TableSpec<Course> Courses { get; } = new(
        "courses",
        ["course_id"],
        ["person_key", "birth_date", "sex", "municipality", "group", "worker_id", "shelter_exit_date", "move_in_date", "contact_start", "phase1_start", "phase2_start", "phase3_start", "end_date", "end_reason", "children"],
        [
            new("course_id", NpgsqlDbType.Text, c => c.CourseId),
            new("person_key", NpgsqlDbType.Text, c => c.PersonKey),
            new("birth_date", NpgsqlDbType.Date, c => c.BirthDate),
            new("sex", NpgsqlDbType.Varchar, c => c.Sex.ToString()),
            new("municipality", NpgsqlDbType.Text, c => c.Municipality),
            new("group", NpgsqlDbType.Text, c => Codes.Of(c.Group)),
            new("worker_id", NpgsqlDbType.Text, c => c.WorkerId),
            new("shelter_exit_date", NpgsqlDbType.Date, c => c.ShelterExitDate),
            new("move_in_date", NpgsqlDbType.Date, c => c.MoveInDate),
            new("contact_start", NpgsqlDbType.Date, c => c.ContactStart),
            new("phase1_start", NpgsqlDbType.Date, c => c.Phase1Start),
            new("phase2_start", NpgsqlDbType.Date, c => c.Phase2Start),
            new("phase3_start", NpgsqlDbType.Date, c => c.Phase3Start),
            new("end_date", NpgsqlDbType.Date, c => c.EndDate),
            new("end_reason", NpgsqlDbType.Text, c => c.EndReason is { } r ? Codes.Of(r) : null),
            new("children", NpgsqlDbType.Integer, c => c.Children),
        ]);

    public static TableSpec<Checklist> Checklists { get; } = new(
        "checklists",
        ["course_id", "checklist"],
        ["date", "worker_id", "items"],
        [
            new("course_id", NpgsqlDbType.Text, c => c.CourseId),
            new("checklist", NpgsqlDbType.Text, c => Codes.Of(c.Kind)),
            new("date", NpgsqlDbType.Date, c => c.Date),
            new("worker_id", NpgsqlDbType.Text, c => c.WorkerId),
            new("items", NpgsqlDbType.Jsonb, c => JsonSerializer.Serialize(c.Items.ToDictionary(i => i.Key, i => Codes.Of(i.Value)))),
        ]);

    /// <summary>Contacts are numbered within their file: the n-th identical (course, date, kind, worker) row gets n.</summary>
    public static TableSpec<(int Row, Contact Contact)> Contacts { get; } = new(
        "contacts",
        ["course_id", "contact_key"],
        ["date", "kind", "minutes", "worker_id"],
        [
            new("course_id", NpgsqlDbType.Text, c => c.Contact.CourseId),
            new("date", NpgsqlDbType.Date, c => c.Contact.Date),
            new("kind", NpgsqlDbType.Text, c => Codes.Of(c.Contact.Kind)),
            new("minutes", NpgsqlDbType.Integer, c => c.Contact.Minutes),
            new("worker_id", NpgsqlDbType.Text, c => c.Contact.WorkerId),
            new("row", NpgsqlDbType.Integer, c => c.Row),
        ],
        """
        SELECT course_id,
               to_char(date, 'YYYY-MM-DD') || '|' || kind || '|' || coalesce(worker_id, '') || '|' ||
                   row_number() OVER (PARTITION BY course_id, date, kind, worker_id ORDER BY row) AS contact_key,
               date, kind, minutes, worker_id
        FROM stage
        """);

    public static TableSpec<Plan> Plans { get; } = new(
        "plans",
        ["course_id", "date"],
        ["goals", "housing", "mental_health", "physical_health", "economy", "network", "daily_activities", "education_employment"],
        [
            new("course_id", NpgsqlDbType.Text, p => p.CourseId),
            new("date", NpgsqlDbType.Date, p => p.Date),
            new("goals", NpgsqlDbType.Integer, p => p.Goals),
            .. Plan.Domains.Select((d, i) => new StageColumn<Plan>(d, NpgsqlDbType.Boolean, p => p.Needs[i])),
        ]);

    public static TableSpec<Answer> Answers { get; } = new(
        "answers",
        ["course_id", "wave"],
        ["answered_date", "items"],
        [
            new("course_id", NpgsqlDbType.Text, a => a.CourseId),
            new("wave", NpgsqlDbType.Text, a => Codes.Of(a.Wave)),
            new("answered_date", NpgsqlDbType.Date, a => a.AnsweredDate),
            new("items", NpgsqlDbType.Jsonb, a => JsonSerializer.Serialize(a.Items)),
        ]);

    public static TableSpec<ShelterStay> ShelterStays { get; } = new(
        "shelter_stays",
        ["person_key", "shelter_id", "entry_date"],
        ["exit_date"],
        [
            new("person_key", NpgsqlDbType.Text, s => s.PersonKey),
            new("shelter_id", NpgsqlDbType.Text, s => s.ShelterId),
            new("entry_date", NpgsqlDbType.Date, s => s.EntryDate),
            new("exit_date", NpgsqlDbType.Date, s => s.ExitDate),
        ]);

    public static TableSpec<Tenancy> Tenancies { get; } = new(
        "tenancies",
        ["person_key", "start_date"],
        ["end_date", "end_reason"],
        [
            new("person_key", NpgsqlDbType.Text, t => t.PersonKey),
            new("start_date", NpgsqlDbType.Date, t => t.StartDate),
            new("end_date", NpgsqlDbType.Date, t => t.EndDate),
            new("end_reason", NpgsqlDbType.Text, t => t.EndReason is { } r ? Codes.Of(r) : null),
        ]);

    public static TableSpec<StaffMember> Staff { get; } = new(
        "staff",
        ["worker_id"],
        ["municipality", "fte", "start_date", "end_date"],
        [
            new("worker_id", NpgsqlDbType.Text, s => s.WorkerId),
            new("municipality", NpgsqlDbType.Text, s => s.Municipality),
            new("fte", NpgsqlDbType.Double, s => s.Fte),
            new("start_date", NpgsqlDbType.Date, s => s.StartDate),
            new("end_date", NpgsqlDbType.Date, s => s.EndDate),
        ]);
}

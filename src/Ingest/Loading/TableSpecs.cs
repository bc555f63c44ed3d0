using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;

namespace Evaluation.Ingest.Loading;

/// <summary>The staging and upsert shape of each input kind's table (natural keys as in the README).</summary>
public static class TableSpecs
{
    public static TableSpec<Course> Courses { get; } = new(
        "courses",
        ["course_id"],
        ["person_key", "birth_date", "sex", "municipality", "group", "worker_id", "shelter_exit_date", "move_in_date", "contact_start", "phase1_start", "phase2_start", "phase3_start", "end_date", "end_reason", "children"],
        [
            Stage.Text<Course>("course_id", c => c.CourseId),
            Stage.Text<Course>("person_key", c => c.PersonKey),
            Stage.Date<Course>("birth_date", c => c.BirthDate),
            Stage.Text<Course>("sex", c => c.Sex.ToString()),
            Stage.Text<Course>("municipality", c => c.Municipality),
            Stage.Text<Course>("group", c => Codes.Of(c.Group)),
            Stage.Text<Course>("worker_id", c => c.WorkerId),
            Stage.Date<Course>("shelter_exit_date", c => c.ShelterExitDate),
            Stage.Date<Course>("move_in_date", c => c.MoveInDate),
            Stage.Date<Course>("contact_start", c => c.ContactStart),
            Stage.Date<Course>("phase1_start", c => c.Phase1Start),
            Stage.Date<Course>("phase2_start", c => c.Phase2Start),
            Stage.Date<Course>("phase3_start", c => c.Phase3Start),
            Stage.Date<Course>("end_date", c => c.EndDate),
            Stage.Text<Course>("end_reason", c => c.EndReason is { } r ? Codes.Of(r) : null),
            Stage.Integer<Course>("children", c => c.Children),
        ]);

    public static TableSpec<Checklist> Checklists { get; } = new(
        "checklists",
        ["course_id", "checklist"],
        ["date", "worker_id", "items"],
        [
            Stage.Text<Checklist>("course_id", c => c.CourseId),
            Stage.Text<Checklist>("checklist", c => Codes.Of(c.Kind)),
            Stage.Date<Checklist>("date", c => c.Date),
            Stage.Text<Checklist>("worker_id", c => c.WorkerId),
            Stage.Jsonb<Checklist>("items", (json, c) =>
            {
                foreach (var (item, answer) in c.Items)
                {
                    json.WriteString(item, Codes.Of(answer));
                }
            }),
        ]);

    /// <summary>Contacts carry their key, numbered within their file by <see cref="ContactKeys"/>.</summary>
    public static TableSpec<(string Key, Contact Contact)> Contacts { get; } = new(
        "contacts",
        ["course_id", "contact_key"],
        ["date", "kind", "minutes", "worker_id"],
        [
            Stage.Text<(string Key, Contact Contact)>("course_id", c => c.Contact.CourseId),
            Stage.Text<(string Key, Contact Contact)>("contact_key", c => c.Key),
            Stage.Date<(string Key, Contact Contact)>("date", c => c.Contact.Date),
            Stage.Text<(string Key, Contact Contact)>("kind", c => Codes.Of(c.Contact.Kind)),
            Stage.Integer<(string Key, Contact Contact)>("minutes", c => c.Contact.Minutes),
            Stage.Text<(string Key, Contact Contact)>("worker_id", c => c.Contact.WorkerId),
        ]);

    public static TableSpec<Plan> Plans { get; } = new(
        "plans",
        ["course_id", "date"],
        ["goals", "housing", "mental_health", "physical_health", "economy", "network", "daily_activities", "education_employment"],
        [
            Stage.Text<Plan>("course_id", p => p.CourseId),
            Stage.Date<Plan>("date", p => p.Date),
            Stage.Integer<Plan>("goals", p => p.Goals),
            .. Plan.Domains.Select((d, i) => Stage.Boolean<Plan>(d, p => p.Needs[i])),
        ]);

    public static TableSpec<Answer> Answers { get; } = new(
        "answers",
        ["course_id", "wave"],
        ["answered_date", "items"],
        [
            Stage.Text<Answer>("course_id", a => a.CourseId),
            Stage.Text<Answer>("wave", a => Codes.Of(a.Wave)),
            Stage.Date<Answer>("answered_date", a => a.AnsweredDate),
            Stage.Jsonb<Answer>("items", (json, a) =>
            {
                foreach (var (item, value) in a.Items)
                {
                    // Answers are whole numbers (checked when read); writing them as integers is
                    // the same JSON and skips the general double formatting.
                    if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
                    {
                        json.WriteNumber(item, (long)value);
                    }
                    else
                    {
                        json.WriteNumber(item, value);
                    }
                }
            }),
        ]);

    public static TableSpec<ShelterStay> ShelterStays { get; } = new(
        "shelter_stays",
        ["person_key", "shelter_id", "entry_date"],
        ["exit_date"],
        [
            Stage.Text<ShelterStay>("person_key", s => s.PersonKey),
            Stage.Text<ShelterStay>("shelter_id", s => s.ShelterId),
            Stage.Date<ShelterStay>("entry_date", s => s.EntryDate),
            Stage.Date<ShelterStay>("exit_date", s => s.ExitDate),
        ]);

    public static TableSpec<Tenancy> Tenancies { get; } = new(
        "tenancies",
        ["person_key", "start_date"],
        ["end_date", "end_reason"],
        [
            Stage.Text<Tenancy>("person_key", t => t.PersonKey),
            Stage.Date<Tenancy>("start_date", t => t.StartDate),
            Stage.Date<Tenancy>("end_date", t => t.EndDate),
            Stage.Text<Tenancy>("end_reason", t => t.EndReason is { } r ? Codes.Of(r) : null),
        ]);

    public static TableSpec<StaffMember> Staff { get; } = new(
        "staff",
        ["worker_id"],
        ["municipality", "fte", "start_date", "end_date"],
        [
            Stage.Text<StaffMember>("worker_id", s => s.WorkerId),
            Stage.Text<StaffMember>("municipality", s => s.Municipality),
            Stage.Double<StaffMember>("fte", s => s.Fte),
            Stage.Date<StaffMember>("start_date", s => s.StartDate),
            Stage.Date<StaffMember>("end_date", s => s.EndDate),
        ]);
}

using System.Text.Json;
using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;
using Npgsql;

namespace Evaluation.Data.Storage;

/// <summary>Reads everything the analytics need from the database into memory, with plain readers (fast, no tracking).</summary>
public sealed class DatasetRepository(NpgsqlDataSource dataSource)
{
    public async Task<Dataset> LoadAsync(CancellationToken cancellationToken = default)
    {
        var courses = await ReadAsync(
            "SELECT course_id, person_key, birth_date, sex, municipality, \"group\", worker_id, shelter_exit_date, move_in_date, contact_start, phase1_start, phase2_start, phase3_start, end_date, end_reason, children FROM courses ORDER BY course_id",
            r => new Course(
                r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), r.GetString(3)[0], r.GetString(4), Parse<Group>(r.GetString(5)),
                Text(r, 6), Date(r, 7), Date(r, 8), Date(r, 9), Date(r, 10), Date(r, 11), Date(r, 12), Date(r, 13),
                r.IsDBNull(14) ? null : Parse<EndReason>(r.GetString(14)), r.IsDBNull(15) ? null : r.GetInt32(15)),
            cancellationToken);
        var checklists = await ReadAsync(
            "SELECT course_id, checklist, date, worker_id, items::text FROM checklists ORDER BY course_id, checklist",
            r => new Checklist(r.GetString(0), Parse<ChecklistKind>(r.GetString(1)), Date(r, 2), Text(r, 3),
                JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(4))!.ToDictionary(i => i.Key, i => Parse<ItemAnswer>(i.Value))),
            cancellationToken);
        var contacts = await ReadAsync(
            "SELECT course_id, date, kind, minutes, worker_id FROM contacts ORDER BY course_id, date, contact_key",
            r => new Contact(r.GetString(0), r.GetFieldValue<DateOnly>(1), Parse<ContactKind>(r.GetString(2)), r.IsDBNull(3) ? null : r.GetInt32(3), Text(r, 4)),
            cancellationToken);
        var plans = await ReadAsync(
            "SELECT course_id, date, goals, housing, mental_health, physical_health, economy, network, daily_activities, education_employment FROM plans ORDER BY course_id, date",
            r => new Plan(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.IsDBNull(2) ? null : r.GetInt32(2),
                Enumerable.Range(3, 7).Select(i => r.IsDBNull(i) ? (bool?)null : r.GetBoolean(i)).ToArray()),
            cancellationToken);
        var answers = await ReadAsync(
            "SELECT course_id, wave, answered_date, items::text FROM answers ORDER BY course_id, wave",
            r => new Answer(r.GetString(0), Parse<Wave>(r.GetString(1)), Date(r, 2), JsonSerializer.Deserialize<Dictionary<string, double>>(r.GetString(3))!),
            cancellationToken);
        var stays = await ReadAsync(
            "SELECT person_key, shelter_id, entry_date, exit_date FROM shelter_stays ORDER BY person_key, entry_date",
            r => new ShelterStay(r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2), Date(r, 3)),
            cancellationToken);
        var tenancies = await ReadAsync(
            "SELECT person_key, start_date, end_date, end_reason FROM tenancies ORDER BY person_key, start_date",
            r => new Tenancy(r.GetString(0), r.GetFieldValue<DateOnly>(1), Date(r, 2), r.IsDBNull(3) ? null : Parse<TenancyEndReason>(r.GetString(3))),
            cancellationToken);
        var staff = await ReadAsync(
            "SELECT worker_id, municipality, fte, start_date, end_date FROM staff ORDER BY worker_id",
            r => new StaffMember(r.GetString(0), r.GetString(1), r.GetDouble(2), Date(r, 3), Date(r, 4)),
            cancellationToken);
        return new Dataset(courses, checklists, contacts, plans, answers, stays, tenancies, staff);
    }

    private async Task<List<T>> ReadAsync<T>(string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(map(reader));
        }

        return list;
    }

    private static DateOnly? Date(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static T Parse<T>(string code)
        where T : struct, Enum =>
        Codes.TryParse<T>(code, out var value) ? value : throw new InvalidDataException($"The database holds an unknown {typeof(T).Name} code '{code}'.");
}

using Evaluation.Domain.Instruments;
using Evaluation.Ingest.Loading;
using Evaluation.TestSupport;
using Npgsql;

namespace Evaluation.Ingest.Tests.Loading;

/// <summary>Loading into a real PostgreSQL: exactly once, corrections with history, one transaction per file.</summary>
public sealed class DatabaseIngestTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private readonly TempFolder folder = new();

    private async Task<(DatabaseIngest Ingest, NpgsqlDataSource Source)> NewDatabaseAsync()
    {
        var source = NpgsqlDataSource.Create(await postgres.NewDatabaseAsync());
        return (new DatabaseIngest(source, Inbox.Pseudonymizer, InstrumentSet.Default), source);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Ingest_LoadsEveryValidRow_AndAccountsForEveryRow()
    {
        var (ingest, source) = await NewDatabaseAsync();
        folder.Write("X/courses.csv", $"{Inbox.CoursesHeader}\n{Inbox.Course("A")}\n{Inbox.Course("B", group: "KR")}\n{Inbox.Course("C", cpr: "999999-9999")}\n");
        folder.Write("X/contacts.csv", "course_id,date,kind,minutes\nA,2024-02-01,phone,10\nA,2024-02-01,phone,10\nB,2024-02-03,home_visit,60\nC,2024-02-03,home_visit,60\n");

        var reports = await ingest.IngestFolderAsync(folder.Path);

        Assert.All(reports, r => Assert.Equal(r.Rows, r.Loaded + r.Unchanged + r.Quarantined));
        Assert.Equal((3, 2, 1), (reports[0].Rows, reports[0].Loaded, reports[0].Quarantined));
        Assert.Equal((4, 3, 1), (reports[1].Rows, reports[1].Loaded, reports[1].Quarantined)); // C was quarantined, so its contact is too
        Assert.Equal(2L, await ScalarAsync<long>(source, "SELECT count(*) FROM courses"));
        Assert.Equal(3L, await ScalarAsync<long>(source, "SELECT count(*) FROM contacts")); // two identical calls on one day stay two
        Assert.Equal(2L, await ScalarAsync<long>(source, "SELECT count(*) FROM quarantine"));
    }

    [Fact]
    public async Task Ingest_TheSameFilesAgain_ChangesNothing()
    {
        var (ingest, source) = await NewDatabaseAsync();
        folder.Write("X/courses.csv", $"{Inbox.CoursesHeader}\n{Inbox.Course("A")}\n{Inbox.Course("B", cpr: "bad")}\n");
        folder.Write("X/contacts.csv", "course_id,date,kind\nA,2024-02-01,phone\nA,2024-02-01,phone\n");
        await ingest.IngestFolderAsync(folder.Path);
        var before = await ScalarAsync<string>(source, "SELECT string_agg(t::text, ';' ORDER BY t::text) FROM (SELECT * FROM courses UNION ALL SELECT course_id, contact_key, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null FROM contacts) t");

        var again = await ingest.IngestFolderAsync(folder.Path);

        Assert.All(again, r => Assert.Equal(0, r.Loaded));
        Assert.Equal((2, 0, 1, 1), (again[0].Rows, again[0].Loaded, again[0].Unchanged, again[0].Quarantined));
        Assert.Single(again[0].Errors);
        Assert.Equal(before, await ScalarAsync<string>(source, "SELECT string_agg(t::text, ';' ORDER BY t::text) FROM (SELECT * FROM courses UNION ALL SELECT course_id, contact_key, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null FROM contacts) t"));
        Assert.Equal(2L, await ScalarAsync<long>(source, "SELECT count(*) FROM ingest_files"));
        Assert.Equal(1L, await ScalarAsync<long>(source, "SELECT count(*) FROM quarantine"));
    }

    [Fact]
    public async Task Ingest_ACorrectionFile_UpdatesTheCourse_AndKeepsWhatChangedInHistory()
    {
        var (ingest, source) = await NewDatabaseAsync();
        folder.Write("X/courses.csv", $"{Inbox.CoursesHeader}\n{Inbox.Course("A")}\n{Inbox.Course("B")}\n");
        await ingest.IngestFolderAsync(folder.Path);

        // The municipality sends a correction: A ended, B unchanged.
        folder.Write("X/courses_correction.csv", $"{Inbox.CoursesHeader}\n{Inbox.Course("A").Replace(",,,1", ",2024-10-15,completed,1", StringComparison.Ordinal)}\n{Inbox.Course("B")}\n");
        var reports = await ingest.IngestFolderAsync(folder.Path);

        var correction = reports.Single(r => r.File == "X/courses_correction.csv");
        Assert.Equal((2, 1, 1), (correction.Rows, correction.Loaded, correction.Unchanged));
        Assert.Equal("completed", await ScalarAsync<string>(source, "SELECT end_reason FROM courses WHERE course_id = 'A'"));
        Assert.Equal("A", await ScalarAsync<string>(source, "SELECT natural_key FROM change_history"));
        Assert.Null(await ScalarAsync<object>(source, "SELECT old_values->>'end_reason' FROM change_history") as string);
        Assert.Equal("completed", await ScalarAsync<string>(source, "SELECT new_values->>'end_reason' FROM change_history"));
        Assert.Equal("X/courses_correction.csv", await ScalarAsync<string>(source, "SELECT f.file_name FROM change_history h JOIN ingest_files f ON f.id = h.file_id"));
    }

    [Fact]
    public async Task Ingest_AFileWithOneKnownKey_IsMergedNotCopied_AndCountsItsRowsOnce()
    {
        var (ingest, source) = await NewDatabaseAsync();
        folder.Write("X/courses.csv", $"{Inbox.CoursesHeader}\n{Inbox.Course("A")}\n");
        folder.Write("X/contacts.csv", "course_id,date,kind\nA,2024-02-01,phone\nA,2024-02-01,phone\n");
        await ingest.IngestFolderAsync(folder.Path);

        // A re-export: A again (changed), B new, one bad row; contacts with the two calls again and a third.
        folder.Write("X/courses_2.csv", $"{Inbox.CoursesHeader}\n{Inbox.Course("A", group: "KR")}\n{Inbox.Course("B")}\n{Inbox.Course("C", cpr: "bad")}\n");
        folder.Write("X/contacts_2.csv", "course_id,date,kind\nA,2024-02-01,phone\nA,2024-02-01,phone\nA,2024-02-01,phone\nB,2024-03-01,nonsense\n");
        var reports = await ingest.IngestFolderAsync(folder.Path);

        var courses = reports.Single(r => r.File == "X/courses_2.csv");
        Assert.Equal((3, 2, 0, 1), (courses.Rows, courses.Loaded, courses.Unchanged, courses.Quarantined));
        Assert.Single(courses.Errors);
        var contacts = reports.Single(r => r.File == "X/contacts_2.csv");
        Assert.Equal((4, 1, 2, 1), (contacts.Rows, contacts.Loaded, contacts.Unchanged, contacts.Quarantined));
        Assert.Equal("KR", await ScalarAsync<string>(source, "SELECT \"group\" FROM courses WHERE course_id = 'A'"));
        Assert.Equal(3L, await ScalarAsync<long>(source, "SELECT count(*) FROM contacts"));
        Assert.Equal(2L, await ScalarAsync<long>(source, "SELECT count(*) FROM quarantine q JOIN ingest_files f ON f.id = q.file_id WHERE f.file_name LIKE '%_2.csv'"));
    }

    [Fact]
    public async Task Ingest_AFileThatFailsMidway_LeavesTheDatabaseAsBefore()
    {
        var (ingest, source) = await NewDatabaseAsync();
        folder.Write("X/courses.csv", $"{Inbox.CoursesHeader}\n{Inbox.Course("A")}\n");
        await ingest.IngestFolderAsync(folder.Path);
        folder.Write("X/courses_2.csv", $"{Inbox.CoursesHeader}\n{Inbox.Course("A", group: "KR")}\n{Inbox.Course("B")}\n");
        ingest.BeforeCommit = _ => throw new IOException("disk full (simulated)");

        await Assert.ThrowsAsync<IOException>(() => ingest.IngestFolderAsync(folder.Path));

        Assert.Equal("CTI", await ScalarAsync<string>(source, "SELECT \"group\" FROM courses WHERE course_id = 'A'"));
        Assert.Equal(1L, await ScalarAsync<long>(source, "SELECT count(*) FROM courses"));
        Assert.Equal(1L, await ScalarAsync<long>(source, "SELECT count(*) FROM ingest_files"));
        Assert.Equal(0L, await ScalarAsync<long>(source, "SELECT count(*) FROM change_history"));

        // Once the fault is gone, the same file loads.
        ingest.BeforeCommit = null;
        var reports = await ingest.IngestFolderAsync(folder.Path);
        Assert.Equal(2, reports.Single(r => r.File == "X/courses_2.csv").Loaded);
    }

    [Fact]
    public async Task Ingest_RowsMayReferToCoursesLoadedInAnEarlierDelivery()
    {
        var (ingest, source) = await NewDatabaseAsync();
        folder.Write("X/courses.csv", $"{Inbox.CoursesHeader}\n{Inbox.Course("A")}\n");
        await ingest.IngestFolderAsync(folder.Path);
        using var later = new TempFolder();
        later.Write("X/answers.csv", "course_id,wave,answered_date,lon1,lon2,lon3,viol\nA,baseline,2024-01-20,2,2,3,ja\n");

        var reports = await new DatabaseIngest(source, Inbox.Pseudonymizer, InstrumentSet.Default).IngestFolderAsync(later.Path);

        Assert.Equal(1, reports.Single().Loaded);
        Assert.Equal("{\"lon1\": 2, \"lon2\": 2, \"lon3\": 3, \"viol\": 1}", await ScalarAsync<string>(source, "SELECT items::text FROM answers"));
    }

    [Fact]
    public async Task Ingest_StoresNoCprNumber_OnlyAPseudonymAndTheBirthDate()
    {
        var (ingest, source) = await NewDatabaseAsync();
        folder.Write("X/courses.csv", $"{Inbox.CoursesHeader}\n{Inbox.Course("A", cpr: "010190-1234")}\n");
        folder.Write("X/shelter_stays.csv", "cpr,shelter_id,entry_date,exit_date\n0101901234,KC1,2023-10-01,2024-01-10\n");

        await ingest.IngestFolderAsync(folder.Path);

        Assert.Equal(Inbox.Pseudonymizer.Pseudonym("0101901234"), await ScalarAsync<string>(source, "SELECT person_key FROM courses"));
        Assert.Equal(Inbox.Pseudonymizer.Pseudonym("0101901234"), await ScalarAsync<string>(source, "SELECT person_key FROM shelter_stays"));
        Assert.Equal(new DateOnly(1990, 1, 1), await ScalarAsync<DateOnly>(source, "SELECT birth_date FROM courses"));
        var dump = await ScalarAsync<string>(source, "SELECT (SELECT string_agg(c::text, ';') FROM courses c) || (SELECT string_agg(s::text, ';') FROM shelter_stays s)");
        Assert.DoesNotContain("0101901234", dump, StringComparison.Ordinal);
        Assert.DoesNotContain("010190-1234", dump, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_ConcurrentlyFromTwoProcesses_LoadsAFileOnce()
    {
        var (_, source) = await NewDatabaseAsync();
        folder.Write("X/courses.csv", $"{Inbox.CoursesHeader}\n{Inbox.Course("A")}\n{Inbox.Course("B")}\n");
        var first = new DatabaseIngest(source, Inbox.Pseudonymizer, InstrumentSet.Default);
        var second = new DatabaseIngest(source, Inbox.Pseudonymizer, InstrumentSet.Default);

        var both = await Task.WhenAll(first.IngestFolderAsync(folder.Path), second.IngestFolderAsync(folder.Path));

        Assert.Equal(2, both.Sum(r => r.Single().Loaded));
        Assert.Equal(1L, await ScalarAsync<long>(source, "SELECT count(*) FROM ingest_files"));
    }

    [Fact]
    public async Task Ingest_AnUnreadableFile_IsRecorded_AndTheRunGoesOnWithTheOthers()
    {
        var (ingest, source) = await NewDatabaseAsync();
        folder.Write("X/courses.csv", $"{Inbox.CoursesHeader}\n{Inbox.Course("A")}\n");
        folder.Write("X/courses_b.csv", $"{Inbox.CoursesHeader}\n{Inbox.Course("B")}\n\"C,010190-1234\n");
        folder.Write("X/courses_c.xlsx", "course_id,cpr,group\nD,010190-1234,CTI\n");
        folder.Write("X/contacts.csv", "course_id,date,kind\nA,2024-02-01,phone\n");

        var reports = await ingest.IngestFolderAsync(folder.Path);

        Inbox.AssertUnreadable(reports.Single(r => r.File == "X/courses_b.csv"), "a quote opened in row 3 never closes");
        Inbox.AssertUnreadable(reports.Single(r => r.File == "X/courses_c.xlsx"), "a CSV file named .xlsx?");
        Assert.Equal(1, reports.Single(r => r.File == "X/contacts.csv").Loaded);
        Assert.Equal("A", await ScalarAsync<string>(source, "SELECT string_agg(course_id, ',') FROM courses"));
        Assert.Equal(2L, await ScalarAsync<long>(source, "SELECT count(*) FROM quarantine WHERE row = 0"));

        // The same files again: the unreadable ones report as before, without being read again.
        var again = await ingest.IngestFolderAsync(folder.Path);
        Inbox.AssertUnreadable(again.Single(r => r.File == "X/courses_b.csv"), "a quote opened in row 3 never closes");
    }

    [Fact]
    public async Task Ingest_StoresNoCprNumber_InQuarantine()
    {
        var (ingest, source) = await NewDatabaseAsync();
        folder.Write("X/courses.csv", "030390-1234,A,CTI\n");
        folder.Write("X/courses_b.csv", "course_id,cpr,group,worker_id\n040490-1234,010190-1234,KR (cpr 050590-1234),0606901234\n");

        await ingest.IngestFolderAsync(folder.Path);

        var stored = await ScalarAsync<string>(source, "SELECT string_agg(concat_ws('|', \"column\", value, reason), ';') FROM quarantine");
        Assert.NotEmpty(stored);
        foreach (var cpr in new[] { "0303901234", "0404901234", "0505901234", "0606901234" })
        {
            Assert.DoesNotContain(cpr, stored.Replace("-", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ingest_ReportsNewAndUpdatedRowsApart()
    {
        var (ingest, _) = await NewDatabaseAsync();
        folder.Write("X/courses.csv", $"{Inbox.CoursesHeader}\n{Inbox.Course("A")}\n{Inbox.Course("B")}\n");
        var first = Assert.Single(await ingest.IngestFolderAsync(folder.Path));
        Assert.Equal((2, 0, 2), (first.Inserted, first.Updated, first.Loaded));

        // A second delivery reuses A (changed) and B (unchanged) and adds C.
        folder.Write("X/courses_2.csv", $"{Inbox.CoursesHeader}\n{Inbox.Course("A", group: "KR")}\n{Inbox.Course("B")}\n{Inbox.Course("C")}\n");
        var second = (await ingest.IngestFolderAsync(folder.Path)).Single(r => r.File == "X/courses_2.csv");

        Assert.Equal((1, 1, 2, 1), (second.Inserted, second.Updated, second.Loaded, second.Unchanged));
    }

    [Fact]
    public async Task DryRun_ReportsAsIngestWould_AndStoresNothing()
    {
        var (_, source) = await NewDatabaseAsync();
        folder.Write("X/courses.csv", $"{Inbox.CoursesHeader}\n{Inbox.Course("A")}\n{Inbox.Course("B", cpr: "bad")}\n");
        folder.Write("X/contacts.csv", "course_id,date,kind\nA,2024-02-01,phone\nZ,2024-02-01,phone\n");
        var dryRun = new DatabaseIngest(source, Inbox.Pseudonymizer, InstrumentSet.Default) { DryRun = true };

        var checkedReports = await dryRun.IngestFolderAsync(folder.Path);

        foreach (var table in new[] { "courses", "contacts", "ingest_files", "quarantine" })
        {
            Assert.Equal(0L, await ScalarAsync<long>(source, $"SELECT count(*) FROM {table}"));
        }

        var loaded = await new DatabaseIngest(source, Inbox.Pseudonymizer, InstrumentSet.Default).IngestFolderAsync(folder.Path);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(loaded),
            System.Text.Json.JsonSerializer.Serialize(checkedReports));
    }

    public void Dispose() => folder.Dispose();
}

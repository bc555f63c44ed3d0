using Evaluation.TestSupport;

namespace Evaluation.Ingest.Tests.Kinds;

/// <summary>Every kind of bad value goes to quarantine with row (header = 1), column, value and reason; good rows still load.</summary>
public sealed class ValidationTests : IDisposable
{
    private readonly TempFolder folder = new();

    private FileReport ReadOnly(string file, string content, string? courses = null)
    {
        folder.Write("X/courses.csv", courses ?? "course_id,cpr,group\nA,010190-1234,CTI\n");
        folder.Write("X/" + file, content);
        return Inbox.Read(folder).Files.Single(f => f.File == "X/" + file);
    }

    private static void AssertError(FileReport report, int row, string? column, string? value, string reasonPart)
    {
        Assert.Contains(report.Errors, e => e.Row == row && e.Column == column && e.Value == value && e.Reason.Contains(reasonPart, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("A,310290-1234,CTI", "cpr", "31*********", "real birth date")]
    [InlineData("A,12345,CTI", "cpr", "12***", "10 digits")]
    [InlineData("A,010190-1234,CBT", "group", "CBT", "not one of CTI, KR")]
    [InlineData(",010190-1234,CTI", "course_id", null, "required")]
    [InlineData("A,,CTI", "cpr", null, "required")]
    public void Courses_BadValues(string row, string column, string? value, string reason)
    {
        folder.Write("X/courses.csv", "course_id,cpr,group\nOK,020290-1234,KR\n" + row + "\n");

        var report = Inbox.Read(folder).Files.Single();

        AssertError(report, 3, column, value, reason);
        Assert.Equal((2, 1, 1), (report.Rows, report.Loaded, report.Quarantined));
    }

    [Theory]
    [InlineData("phase1_start", "2024-02-30", "not a real date")]
    [InlineData("children", "-1", "must be between 0 and 30")]
    [InlineData("children", "1.5", "not a whole number")]
    [InlineData("end_reason", "fired", "not one of completed")]
    public void Courses_BadDatesNumbersAndCodes(string column, string value, string reason)
    {
        folder.Write("X/courses.csv", $"course_id,cpr,group,{column},end_date\nA,010190-1234,CTI,{value},2025-01-01\n");

        AssertError(Inbox.Read(folder).Files.Single(), 2, column, value, reason);
    }

    [Fact]
    public void Courses_PhaseDatesOutOfOrder_AreQuarantined()
    {
        folder.Write("X/courses.csv", "course_id,cpr,group,phase1_start,phase2_start\nA,010190-1234,CTI,2024-05-01,2024-04-01\n");

        AssertError(Inbox.Read(folder).Files.Single(), 2, "phase2_start", "2024-04-01", "phase2_start is before phase1_start");
    }

    [Fact]
    public void Courses_DuplicateIdInOneFile_QuarantinesTheSecond()
    {
        folder.Write("X/courses.csv", "course_id,cpr,group\nA,010190-1234,CTI\nA,010190-1234,KR\n");

        var report = Inbox.Read(folder).Files.Single();

        AssertError(report, 3, "course_id", "A", "already in row 2");
        Assert.Equal(1, report.Loaded);
    }

    [Fact]
    public void WrongColumnCount_IsQuarantined_WithoutAColumn()
    {
        folder.Write("X/courses.csv", "course_id,cpr,group\nA,010190-1234,CTI,extra\nB,010190-1234\n");

        var report = Inbox.Read(folder).Files.Single();

        AssertError(report, 2, null, null, "the row has 4 values but the header has 3 columns");
        AssertError(report, 3, null, null, "the row has 2 values but the header has 3 columns");
    }

    [Fact]
    public void MissingRequiredColumn_QuarantinesEveryRow_AndNamesTheColumn()
    {
        folder.Write("X/courses.csv", "course_id,group\nA,CTI\nB,KR\n");

        var report = Inbox.Read(folder).Files.Single();

        Assert.Equal(2, report.Quarantined);
        AssertError(report, 1, "cpr", null, "the file has no cpr column");
        AssertError(report, 2, null, null, "the file has no cpr column");
    }

    [Fact]
    public void UnknownColumn_StopsTheFile_AndReportsEveryRowWithTheClosestNames()
    {
        folder.Write("X/courses.csv", "course_id,cpr,group,grupe\nA,010190-1234,CTI,x\nB,020290-1234,KR,y\n");

        var report = Inbox.Read(folder).Files.Single();

        AssertError(report, 1, "grupe", null, "unknown column; the closest known names are gruppe (= group), group.");
        AssertError(report, 2, null, null, "unknown column: grupe");
        AssertError(report, 3, null, null, "the file is not loaded");
        Assert.Equal((2, 0, 2), (report.Rows, report.Loaded, report.Quarantined));
    }

    [Theory]
    [InlineData("checklist", "phase9", "not one of contact, phase2, phase3, closure")]
    [InlineData("c1", "maybe", "not yes/no/na")]
    [InlineData("p2_1", "yes", "does not belong to the contact checklist")]
    [InlineData("date", "2024-13-01", "not a real date")]
    public void Checklists_BadValues(string column, string value, string reason)
    {
        var columns = new Dictionary<string, string> { ["course_id"] = "A", ["checklist"] = "contact", ["date"] = "2024-01-01", ["c1"] = "yes", ["p2_1"] = "" };
        columns[column] = value;
        var report = ReadOnly("checklists.csv", string.Join(',', columns.Keys) + "\n" + string.Join(',', columns.Values) + "\n");

        AssertError(report, 2, column, value, reason);
    }

    [Fact]
    public void Checklists_ForAnUnknownCourse_AreQuarantined()
    {
        var report = ReadOnly("checklists.csv", "course_id,checklist,c1\nNOPE,contact,yes\n");

        AssertError(report, 2, "course_id", "NOPE", "no course with this course_id");
    }

    [Fact]
    public void Checklists_ReadNaInDanish()
    {
        ReadOnly("checklists.csv", "course_id,checklist,p2_8,p2_1\nA,phase2,ikke relevant,ja\n");

        var items = Inbox.Read(folder).Data.Checklists.Single().Items;

        Assert.Equal(Domain.Values.ItemAnswer.NotApplicable, items["p2_8"]);
        Assert.Equal(Domain.Values.ItemAnswer.Yes, items["p2_1"]);
    }

    [Theory]
    [InlineData("kind", "sms", "not one of home_visit")]
    [InlineData("minutes", "-5", "must be between 0 and 1440")]
    [InlineData("date", "", "required")]
    public void Contacts_BadValues(string column, string value, string reason)
    {
        var columns = new Dictionary<string, string> { ["course_id"] = "A", ["date"] = "2024-01-01", ["kind"] = "phone", ["minutes"] = "10" };
        columns[column] = value;
        var report = ReadOnly("contacts.csv", string.Join(',', columns.Keys) + "\n" + string.Join(',', columns.Values) + "\n");

        AssertError(report, 2, column, value.Length == 0 ? null : value, reason);
    }

    [Theory]
    [InlineData("sc1", "6", "outside the SELFCARE response range")]
    [InlineData("lon1", "0", "outside the LONELY3 response range")]
    [InlineData("who1", "2.5", "outside the WHO5 response range")]
    [InlineData("who1", "x", "not a number")]
    [InlineData("viol", "maybe", "not yes/no")]
    [InlineData("wave", "m9", "not one of baseline, m3, m6, end, followup")]
    public void Answers_OutOfRangeValues_AreQuarantined_NotMadeMissing(string column, string value, string reason)
    {
        var columns = new Dictionary<string, string> { ["course_id"] = "A", ["wave"] = "baseline", ["sc1"] = "3", ["lon1"] = "2", ["who1"] = "4", ["viol"] = "no" };
        columns[column] = value;
        var report = ReadOnly("answers.csv", string.Join(',', columns.Keys) + "\n" + string.Join(',', columns.Values) + "\n");

        AssertError(report, 2, column, value, reason);
        Assert.Equal(1, report.Quarantined);
    }

    [Fact]
    public void Answers_DecimalCommaItemValues_AreRead()
    {
        ReadOnly("answers.csv", "course_id;wave;who1\nA;baseline;3,0\n");

        Assert.Equal(3.0, Inbox.Read(folder).Data.Answers.Single().Items["who1"]);
    }

    [Theory]
    [InlineData("fte", "0", "must be above 0 and at most 1")]
    [InlineData("fte", "1,5", "must be above 0 and at most 1")]
    [InlineData("end_date", "2020-01-01", "end_date is before start_date")]
    public void Staff_BadValues(string column, string value, string reason)
    {
        var columns = new Dictionary<string, string> { ["worker_id"] = "W", ["fte"] = "1", ["start_date"] = "2021-01-01", ["end_date"] = "" };
        columns[column] = value;
        folder.Write("X/staff.csv", string.Join(';', columns.Keys) + "\n" + string.Join(';', columns.Values) + "\n");

        AssertError(Inbox.Read(folder).Files.Single(), 2, column, value, reason);
    }

    [Fact]
    public void Tenancies_EndReasonWithoutEndDate_AndUnknownReasons_AreQuarantined()
    {
        folder.Write("X/tenancies.csv", "cpr,start_date,end_date,end_reason\n010190-1234,2024-01-01,,eviction\n010190-1234,2024-03-01,2024-05-01,burnt\n");

        var report = Inbox.Read(folder).Files.Single();

        AssertError(report, 2, "end_reason", "eviction", "needs an end_date");
        AssertError(report, 3, "end_reason", "burnt", "not one of moved, eviction");
    }

    [Fact]
    public void ShelterStays_ExitBeforeEntry_IsQuarantined()
    {
        folder.Write("X/shelter_stays.csv", "cpr,shelter_id,entry_date,exit_date\n010190-1234,KC1,2024-03-01,2024-02-01\n");

        AssertError(Inbox.Read(folder).Files.Single(), 2, "exit_date", "2024-02-01", "exit_date is before entry_date");
    }

    [Fact]
    public void NoErrorOrValue_EverHoldsACprNumberInClear()
    {
        folder.Write("X/courses.csv", "course_id,cpr,group,worker_id\n0101901234,310290-1234,CTI,010190-1234\nB,010190-1234,CTX,\n");

        var report = Inbox.Read(folder).Files.Single();

        Assert.NotEmpty(report.Errors);
        Assert.All(report.Errors, e =>
        {
            Assert.DoesNotContain("310290", e.Value ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain("0101901234", e.Value ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain("310290", e.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void UnknownFileNames_AreReported_NotIgnored()
    {
        folder.Write("X/notes.txt", "hello");

        var report = Inbox.Read(folder).Files.Single();

        Assert.Equal("unknown", report.Kind);
        Assert.Contains("known kind", report.Errors.Single().Reason, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();
}

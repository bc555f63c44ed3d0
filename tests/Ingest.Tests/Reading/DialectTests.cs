using System.Text;
using Evaluation.Domain.Values;
using Evaluation.TestSupport;

namespace Evaluation.Ingest.Tests.Reading;

/// <summary>CSV dialects of SPEC §2: encodings, separators, quoting, header aliases, date and decimal formats.</summary>
public sealed class DialectTests : IDisposable
{
    private readonly TempFolder folder = new();

    static DialectTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Windows1252_WithSemicolons_DanishHeaders_AndDanishDates_IsRead()
    {
        var text = "forloeb_id;cpr;kommune;gruppe;medarbejder;udflytning_krisecenter;indflytning_bolig;kontakt_start;fase1_start;fase2_start;fase3_start;afslutning;afslutningsaarsag;boern\r\n" +
                   "K-1;010190-1234;København;KR;Søs Ærø;10-01-2024;12.01.2024;01-01-2024;;;;01-10-2024;completed;2\r\n";
        folder.Write("København/forloeb.csv", text, Encoding.GetEncoding(1252));

        var (data, files) = Inbox.Read(folder);

        var course = Assert.Single(data.Courses);
        Assert.Equal("København", course.Municipality);
        Assert.Equal("Søs Ærø", course.WorkerId);
        Assert.Equal(new DateOnly(2024, 1, 10), course.ShelterExitDate);
        Assert.Equal(new DateOnly(2024, 1, 12), course.MoveInDate);
        Assert.Equal(EndReason.Completed, course.EndReason);
        Assert.Equal(Group.Kr, course.Group);
        Assert.Empty(files.Single().Errors);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Utf8_WithOrWithoutBom_KeepsDanishLetters(bool bom)
    {
        folder.Write("Høje-Taastrup/courses.csv", Inbox.CoursesHeader.Replace("municipality,", "", StringComparison.Ordinal) + "\n" +
            "A-1,010190-1234,CTI,Åse,,,,,,,,,0\n", new UTF8Encoding(bom));

        var course = Assert.Single(Inbox.Read(folder).Data.Courses);

        Assert.Equal("Åse", course.WorkerId);
        Assert.Equal("Høje-Taastrup", course.Municipality); // no municipality column: the folder names it
    }

    [Fact]
    public void HeadersAreCaseInsensitive_InAnyOrder_AndQuotedFieldsMayHoldSeparatorsAndNewlines()
    {
        folder.Write("X/courses.csv",
            "GROUP,Course_ID,CPR,Worker_Id\n" +
            "CTI,\"A,1\",010190-1234,\"line one\nline \"\"two\"\"\"\n" +
            "KR,A-2,020290-1234,W\n");

        var (data, files) = Inbox.Read(folder);

        Assert.Equal(2, data.Courses.Count);
        var first = data.Courses.Single(c => c.CourseId == "A,1");
        Assert.Equal("line one\nline \"two\"", first.WorkerId);
        Assert.Equal(2, files.Single().Rows);
    }

    [Fact]
    public void DecimalComma_IsRead()
    {
        folder.Write("X/staff.csv", "worker_id;fte\nW1;0,5\nW2;1\n");

        var staff = Inbox.Read(folder).Data.Staff.OrderBy(s => s.WorkerId).ToList();

        Assert.Equal(0.5, staff[0].Fte);
        Assert.Equal(1.0, staff[1].Fte);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("JA", true)]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("no", false)]
    [InlineData("nej", false)]
    [InlineData("0", false)]
    [InlineData("False", false)]
    public void YesNo_AcceptsEnglishDanishDigitsAndBooleans(string text, bool expected)
    {
        folder.Write("X/courses.csv", "course_id,cpr,group\nA,010190-1234,CTI\n");
        folder.Write("X/plans.csv", $"course_id,date,goals,housing\nA,2024-02-01,2,{text}\n");

        Assert.Equal(expected, Inbox.Read(folder).Data.Plans.Single().Needs[0]);
    }

    [Fact]
    public void DanishFileNamePrefixes_NameTheKind()
    {
        folder.Write("X/forloeb_2024.csv", "forloeb_id,cpr,gruppe\nA,010190-1234,CTI\n");
        folder.Write("X/kontakter-januar.csv", "forloeb_id,dato,type\nA,2024-02-01,phone\n");

        var (data, files) = Inbox.Read(folder);

        Assert.Equal(["courses", "contacts"], files.Select(f => f.Kind));
        Assert.Single(data.Contacts);
    }

    [Fact]
    public void BlankLines_AreNoRows()
    {
        folder.Write("X/courses.csv", "course_id,cpr,group\nA,010190-1234,CTI\n,,\n\nB,020290-1234,KR\n");

        var file = Inbox.Read(folder).Files.Single();

        Assert.Equal(2, file.Rows);
        Assert.Equal(0, file.Quarantined);
    }

    public void Dispose() => folder.Dispose();
}

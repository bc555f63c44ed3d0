using System.Text;
using Evaluation.TestSupport;

namespace Evaluation.Ingest.Tests.BadInput;

/// <summary>
/// How a CSV file's bytes become text (SPEC §2, issue 17): a byte-order mark decides; otherwise
/// UTF-8, kept when only a few bytes are not UTF-8 (their rows quarantined); Windows-1252 when the
/// file is not UTF-8 at all. NUL bytes are bad values, never a database error.
/// </summary>
public sealed class EncodingTests : IDisposable
{
    private const string Header = "course_id,cpr,municipality,group";
    private readonly TempFolder folder = new();

    public EncodingTests() => Inbox.WriteSibling(folder);

    private (Evaluation.Domain.Courses.Dataset Data, FileReport Report) ReadBad(string name)
    {
        var read = Inbox.Read(folder);
        Inbox.AssertSiblingLoaded(read);
        return (read.Data, Inbox.File(read.Files, name));
    }

    [Theory]
    [InlineData(false, "UTF-16 LE")]
    [InlineData(true, "UTF-16 BE")]
    public void Read_DecodesUtf16_ByItsByteOrderMark(bool bigEndian, string encoding)
    {
        File.WriteAllText(folder.Combine("X", "courses_b.csv"), $"{Header}\nB1,010190-1234,København,CTI\n", new UnicodeEncoding(bigEndian, byteOrderMark: true));

        var (data, report) = ReadBad("X/courses_b.csv");

        Assert.Equal((1, 1, encoding), (report.Rows, report.Loaded, report.Encoding));
        Assert.Equal("København", data.Courses.Single(c => c.CourseId == "B1").Municipality);
    }

    [Fact]
    public void Read_KeepsUtf8_AndQuarantinesTheRowWithAStrayByte()
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes($"{Header}\nB1,010190-1234,København,CTI\nB2,010190-1234,Kø"));
        bytes.Add(0xF8); // a stray byte that is not UTF-8
        bytes.AddRange(Encoding.UTF8.GetBytes("ge,CTI\nB3,020290-1234,Ærø,KR\n"));
        File.WriteAllBytes(folder.Combine("X", "courses_b.csv"), [.. bytes]);

        var (data, report) = ReadBad("X/courses_b.csv");

        Assert.StartsWith("UTF-8", report.Encoding, StringComparison.Ordinal);
        Assert.Equal((3, 2, 1), (report.Rows, report.Loaded, report.Quarantined));
        Assert.Contains(report.Errors, e => e.Row == 3 && e.Column == "municipality" && e.Reason.Contains("not UTF-8", StringComparison.Ordinal));
        Assert.Equal("København", data.Courses.Single(c => c.CourseId == "B1").Municipality);
        Assert.Equal("Ærø", data.Courses.Single(c => c.CourseId == "B3").Municipality);
    }

    [Fact]
    public void Read_KeepsUtf8_WhenStrayBytesOutnumberTheLettersThatAreUtf8()
    {
        // One ø written as UTF-8, two stray Windows-1252 bytes: read as Windows-1252, København would
        // silently become KÃ¸benhavn; read as UTF-8, only the rows with the stray bytes are lost, with the reason.
        var bytes = new List<byte>(Encoding.UTF8.GetBytes($"{Header}\nB1,010190-1234,København,CTI\nB2,010190-1234,K"));
        bytes.Add(0xF8);
        bytes.AddRange(Encoding.UTF8.GetBytes("ge,CTI\nB3,010190-1234,Ish"));
        bytes.Add(0xF8);
        bytes.AddRange(Encoding.UTF8.GetBytes("j,KR\n"));
        File.WriteAllBytes(folder.Combine("X", "courses_b.csv"), [.. bytes]);

        var (data, report) = ReadBad("X/courses_b.csv");

        Assert.StartsWith("UTF-8", report.Encoding, StringComparison.Ordinal);
        Assert.Equal((3, 1, 2), (report.Rows, report.Loaded, report.Quarantined));
        Assert.Equal("København", data.Courses.Single(c => c.CourseId == "B1").Municipality);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_DecidesOnTheWholeFile_AcrossReadBlocks(bool windows1252)
    {
        // Thousands of rows with æøå, so that multi-byte characters straddle the 64 KiB read blocks; one stray byte near the end.
        var text = new StringBuilder($"{Header}\n");
        for (int i = 0; i < 3000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"B{i},010190-1234,Ærø Næstved Køge Åbenrå,CTI\n");
        }

        var bytes = new List<byte>(windows1252 ? Evaluation.Ingest.Reading.FileFingerprint.Windows1252.GetBytes(text.ToString()) : Encoding.UTF8.GetBytes(text.ToString()));
        bytes.AddRange(Encoding.ASCII.GetBytes("Z1,010190-1234,K"));
        bytes.Add(0xF8);
        bytes.AddRange(Encoding.ASCII.GetBytes("ge,CTI\n"));
        File.WriteAllBytes(folder.Combine("X", "courses_b.csv"), [.. bytes]);

        var (data, report) = ReadBad("X/courses_b.csv");

        Assert.Equal(windows1252 ? "Windows-1252" : "UTF-8 (with bytes that are not UTF-8)", report.Encoding);
        Assert.Equal(windows1252 ? 0 : 1, report.Quarantined);
        Assert.Equal("Ærø Næstved Køge Åbenrå", data.Courses.Single(c => c.CourseId == "B2999").Municipality);
    }

    [Fact]
    public void Read_UsesWindows1252_WhenTheFileIsNotUtf8AtAll()
    {
        File.WriteAllBytes(folder.Combine("X", "courses_b.csv"), Evaluation.Ingest.Reading.FileFingerprint.Windows1252.GetBytes($"{Header}\nB1,010190-1234,København,CTI\nB2,010190-1234,Næstved,KR\n"));

        var (data, report) = ReadBad("X/courses_b.csv");

        Assert.Equal((2, 2, "Windows-1252"), (report.Rows, report.Loaded, report.Encoding));
        Assert.Equal("København", data.Courses.Single(c => c.CourseId == "B1").Municipality);
    }

    [Fact]
    public void Read_QuarantinesARowWithANulByte_AndLoadsTheOthers()
    {
        folder.Write("X/courses_b.csv", $"{Header}\nB1,010190-1234,Aar\0hus,CTI\nB2,010190-1234,Aarhus,KR\n");

        var (_, report) = ReadBad("X/courses_b.csv");

        Assert.Equal((2, 1, 1), (report.Rows, report.Loaded, report.Quarantined));
        var error = Assert.Single(report.Errors);
        Assert.Equal((2, "municipality", "Aar\u2400hus"), (error.Row, error.Column, error.Value));
        Assert.Contains("NUL byte", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_ReportsUtf16WithoutAByteOrderMark_AsOneFileLevelError(bool bigEndian)
    {
        File.WriteAllBytes(folder.Combine("X", "courses_b.csv"), new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes($"{Header}\nB1,010190-1234,Aarhus,CTI\n"));

        var (_, report) = ReadBad("X/courses_b.csv");

        Inbox.AssertUnreadable(report, "UTF-16 without a byte-order mark");
        Assert.Equal("UTF-16 without byte-order mark (not read)", report.Encoding);
        Assert.All(report.Errors, e => Assert.DoesNotContain('\0', $"{e.Column}{e.Value}{e.Reason}"));
    }

    public void Dispose() => folder.Dispose();
}

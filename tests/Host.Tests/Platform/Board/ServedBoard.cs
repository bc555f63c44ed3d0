using System.Globalization;
using Evaluation.TestSupport;

namespace Evaluation.Host.Tests.Platform.Board;

/// <summary>
/// One server that trusts no address, loopback included, with credentials, fed the sample data and a small municipality
/// (Silkeborg) whose courses are placed relative to today: one overdue in phase 1, one overdue in the
/// contact period, and three on time. Waited on until the workbooks are out.
/// </summary>
public sealed class ServedBoard : IAsyncLifetime
{
    public const string User = "leder";
    public const string Password = "fasetavle æøå";
    public const string ManagementWorkbook = "Silkeborg_ledelse_intern.xlsx";

    private readonly PostgresFixture postgres = new();

    public TempFolder Home { get; } = new();

    public ServeProcess Server { get; private set; } = null!;

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    public string Results => Home.Combine("reports", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>
    /// The pages as a manager on another machine reaches them. The server does not trust loopback here, so
    /// requests from this test are treated exactly as requests from the network (credentials or nothing),
    /// while no traffic leaves loopback.
    /// </summary>
    public string NetworkUrl => $"http://127.0.0.1:{Server.Port}";

    public async Task InitializeAsync()
    {
        var database = await postgres.NewDatabaseAsync();
        Server = await ServeProcess.StartAsync(Home.Path, database, Home.Combine("inbox"), new Dictionary<string, string>
        {
            ["EVALUATION_Serve__Dashboard__TrustLoopback"] = "false",
            ["EVALUATION_Serve__Dashboard__Username"] = User,
            ["EVALUATION_Serve__Dashboard__Password"] = Password,
        });
        SampleInbox.Drop(SampleInbox.SampleData, Home.Combine("inbox"));
        WriteSilkeborg();
        await Wait.UntilAsync(
            () => Task.FromResult(Directory.Exists(Results) && Directory.GetFiles(Results, "*.xlsx").Length == 12 && SampleInbox.Waiting(Home.Combine("inbox")) == 0),
            TimeSpan.FromMinutes(3), () => Server.Log);

        // A copy of the management workbook under a fixed name, so the tests can name it.
        File.Copy(Directory.GetFiles(Results, "Silkeborg_ledelse_*.xlsx").Single(), Path.Combine(Results, ManagementWorkbook));
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await postgres.DisposeAsync();
        Home.Dispose();
    }

    private static string Day(int daysFromToday) => Today.AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private void WriteSilkeborg()
    {
        // Written to a hidden name first, so a scan never takes half a drop.
        void Drop(string name, string content)
        {
            var hidden = Home.Write($"inbox/Silkeborg/.{name}", content);
            File.Move(hidden, Home.Combine("inbox", "Silkeborg", name));
        }

        Drop("staff.csv", $"""
            worker_id;municipality;fte;start_date;end_date
            SIL-W1;Silkeborg;1;{Day(-400)};
            SIL-W2;Silkeborg;0,5;{Day(-400)};
            """);
        Drop("courses.csv", $"""
            course_id;cpr;municipality;group;worker_id;shelter_exit_date;move_in_date;contact_start;phase1_start;phase2_start;phase3_start;end_date;end_reason;children
            SIL-001;010190-1234;Silkeborg;CTI;SIL-W1;{Day(-160)};{Day(-155)};{Day(-200)};{Day(-150)};;;;;0
            SIL-002;020285-2345;Silkeborg;CTI;SIL-W1;{Day(-130)};{Day(-125)};{Day(-140)};{Day(-120)};{Day(-20)};;;;1
            SIL-003;030378-3456;Silkeborg;CTI;SIL-W2;{Day(-70)};;{Day(-80)};;;;;;0
            SIL-004;040492-4567;Silkeborg;CTI;SIL-W2;;;{Day(-10)};;;;;;2
            SIL-005;050588-5678;Silkeborg;CTI;SIL-W2;{Day(-250)};{Day(-245)};{Day(-260)};{Day(-240)};{Day(-150)};{Day(-30)};;;0
            """);
        Drop("checklists.csv", $"""
            course_id;checklist;date;worker_id;p2_1;p2_2;p2_3;p2_4;p2_5;p2_6;p2_7;p2_8
            SIL-002;phase2;{Day(-19)};SIL-W1;ja;ja;ja;nej;ja;ja;ja;ikke relevant
            """);
        Drop("contacts.csv", $"""
            course_id;date;kind;minutes;worker_id
            SIL-001;{Day(-100)};home_visit;60;SIL-W1
            SIL-002;31-02-2026;phone;15;SIL-W1
            060690-6789;{Day(-50)};phone;10;SIL-W2
            """);
    }
}

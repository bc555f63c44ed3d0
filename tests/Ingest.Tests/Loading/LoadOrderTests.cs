using Evaluation.Ingest.Loading;
using Evaluation.Ingest.Reading;

namespace Evaluation.Ingest.Tests.Loading;

/// <summary>
/// The order files load in (<see cref="DatabaseIngest.InLoadOrderAsync"/>): the courses first and
/// alone, then two kinds at a time, largest first, and the files of one kind one after the other in
/// name order.
/// </summary>
public sealed class LoadOrderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("load-order-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>A file of <paramref name="kind"/> whose size (which orders the kinds) is <paramref name="bytes"/>.</summary>
    private InboxFile File(string name, InputKind kind, int bytes)
    {
        var path = Path.Combine(folder, name);
        System.IO.File.WriteAllBytes(path, new byte[bytes]);
        return new InboxFile(path, name, kind, "Aarhus");
    }

    private sealed class Recorder
    {
        private readonly Lock gate = new();
        private int running;

        public List<string> Events { get; } = [];

        public int MostAtOnce { get; private set; }

        public async Task LoadAsync(IReadOnlyList<InboxFile> files, int index, int milliseconds, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                Events.Add("start " + files[index].DisplayName);
                MostAtOnce = Math.Max(MostAtOnce, ++running);
            }

            try
            {
                await Task.Delay(milliseconds, cancellationToken);
            }
            finally
            {
                lock (gate)
                {
                    Events.Add("end " + files[index].DisplayName);
                    running--;
                }
            }
        }

        public int At(string line) => Events.IndexOf(line) is >= 0 and var at ? at : throw new InvalidOperationException($"'{line}' never happened: {string.Join(", ", Events)}");
    }

    [Fact]
    public async Task The_courses_load_first_and_alone_and_every_other_kind_after_them()
    {
        InboxFile[] files =
        [
            File("answers.csv", InputKind.Answers, 5000),
            File("contacts.csv", InputKind.Contacts, 9000),
            File("courses_1.csv", InputKind.Courses, 100),
            File("courses_2.csv", InputKind.Courses, 100),
            File("plans.csv", InputKind.Plans, 10),
            File("shelter_stays.csv", InputKind.ShelterStays, 20000),
            File("staff.csv", InputKind.Staff, 10),
        ];
        var recorder = new Recorder();

        await DatabaseIngest.InLoadOrderAsync(files, (i, token) => recorder.LoadAsync(files, i, 20, token));

        Assert.Equal(["start courses_1.csv", "end courses_1.csv", "start courses_2.csv", "end courses_2.csv"], recorder.Events.Take(4));
        Assert.Equal(2, recorder.MostAtOnce);
    }

    [Fact]
    public async Task The_largest_kind_that_refers_to_courses_starts_when_the_courses_are_in_while_smaller_independent_kinds_still_load()
    {
        InboxFile[] files =
        [
            File("contacts.csv", InputKind.Contacts, 9000),
            File("courses.csv", InputKind.Courses, 1000),
            File("shelter_stays.csv", InputKind.ShelterStays, 500),
        ];
        var staysMayEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var contactsStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = DatabaseIngest.InLoadOrderAsync(files, async (i, token) =>
        {
            switch (files[i].DisplayName)
            {
                case "shelter_stays.csv":
                    await staysMayEnd.Task.WaitAsync(token);
                    break;
                case "contacts.csv":
                    contactsStarted.SetResult();
                    break;
            }
        });

        // The shelter stays are still loading (they end only when told): the contacts must not wait for them.
        await contactsStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        staysMayEnd.SetResult();
        await run;
    }

    [Fact]
    public async Task The_files_of_one_kind_load_one_after_the_other_in_their_order()
    {
        InboxFile[] files =
        [
            File("Aalborg-contacts.csv", InputKind.Contacts, 10),
            File("Odense-contacts.csv", InputKind.Contacts, 10),
            File("Randers-contacts.csv", InputKind.Contacts, 10),
            File("staff.csv", InputKind.Staff, 10),
        ];
        var recorder = new Recorder();

        await DatabaseIngest.InLoadOrderAsync(files, (i, token) => recorder.LoadAsync(files, i, 10, token));

        Assert.True(recorder.At("end Aalborg-contacts.csv") < recorder.At("start Odense-contacts.csv"));
        Assert.True(recorder.At("end Odense-contacts.csv") < recorder.At("start Randers-contacts.csv"));
    }

    [Fact]
    public async Task A_failure_stops_the_run_and_is_what_the_caller_sees()
    {
        InboxFile[] files =
        [
            File("courses.csv", InputKind.Courses, 1000),
            File("staff_1.csv", InputKind.Staff, 10),
            File("staff_2.csv", InputKind.Staff, 10),
            File("answers.csv", InputKind.Answers, 10),
        ];
        var recorder = new Recorder();

        var thrown = await Assert.ThrowsAsync<InvalidDataException>(() => DatabaseIngest.InLoadOrderAsync(files, async (i, token) =>
        {
            if (files[i].DisplayName == "courses.csv")
            {
                throw new InvalidDataException("the courses file broke");
            }

            await recorder.LoadAsync(files, i, 50, token);
        }));

        Assert.Equal("the courses file broke", thrown.Message);
        Assert.DoesNotContain("start answers.csv", recorder.Events);
        Assert.DoesNotContain("start staff_2.csv", recorder.Events);
    }
}

using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;
using Evaluation.Ingest.Loading;

namespace Evaluation.Ingest.Tests.Loading;

/// <summary>Contact keys (README "Natural keys"): their text form is stored, so it must never change.</summary>
public sealed class ContactKeysTests
{
    private static Contact Contact(string course, string date, ContactKind kind, string? worker) =>
        new(course, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), kind, 30, worker);

    [Fact]
    public void The_key_is_date_kind_worker_and_occurrence_separated_by_bars()
    {
        Assert.Equal("2024-02-01|phone|W7|1", ContactKeys.Format(Contact("A", "2024-02-01", ContactKind.Phone, "W7"), 1));
        Assert.Equal("0987-03-04|home_visit||12", ContactKeys.Format(Contact("A", "0987-03-04", ContactKind.HomeVisit, null), 12));
    }

    [Fact]
    public void Identical_contacts_in_a_course_are_numbered_in_row_order_and_other_courses_count_on_their_own()
    {
        var contacts = new[]
        {
            Contact("A", "2024-02-01", ContactKind.Phone, "W7"),
            Contact("B", "2024-02-01", ContactKind.Phone, "W7"),
            Contact("A", "2024-02-01", ContactKind.Phone, "W7"),
            Contact("A", "2024-02-01", ContactKind.Phone, null),
            Contact("A", "2024-02-01", ContactKind.Meeting, "W7"),
            Contact("A", "2024-02-01", ContactKind.Phone, "W7"),
        };

        var keys = ContactKeys.Number(contacts.Select((c, i) => (i + 2, c))).Select(k => $"{k.Contact.CourseId}:{k.Key}");

        Assert.Equal(
            ["A:2024-02-01|phone|W7|1", "B:2024-02-01|phone|W7|1", "A:2024-02-01|phone|W7|2", "A:2024-02-01|phone||1", "A:2024-02-01|meeting|W7|1", "A:2024-02-01|phone|W7|3"],
            keys);
    }

    [Fact]
    public void Each_file_counts_from_one_again_though_the_counting_tables_are_reused()
    {
        var file = new[] { Contact("A", "2024-02-01", ContactKind.Phone, "W7"), Contact("A", "2024-02-01", ContactKind.Phone, "W7") };

        for (int run = 0; run < 3; run++)
        {
            var keys = ContactKeys.Number(file.Select((c, i) => (i + 2, c))).Select(k => k.Key);

            Assert.Equal(["2024-02-01|phone|W7|1", "2024-02-01|phone|W7|2"], keys);
        }
    }
}

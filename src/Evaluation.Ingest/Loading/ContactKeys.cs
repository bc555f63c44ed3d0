using System.Globalization;
using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;

namespace Evaluation.Ingest.Loading;

/// <summary>
/// The natural key of a contact within its course (README "Natural keys"): date, kind and worker
/// plus the occurrence number of that combination in its file, in row order, so two phone calls on
/// one day stay two and the same file again gives the same keys. Text form
/// <c>yyyy-MM-dd|kind|worker|n</c>.
/// </summary>
public static class ContactKeys
{
    public static IEnumerable<(string Key, Contact Contact)> Number(IEnumerable<(int Row, Contact Record)> contacts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, contact) in contacts)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{contact.Date:yyyy-MM-dd}|{Codes.Of(contact.Kind)}|{contact.WorkerId}");
            var course = contact.CourseId + "|" + key;
            seen.TryGetValue(course, out var n);
            seen[course] = ++n;
            yield return (key + "|" + n.ToString(CultureInfo.InvariantCulture), contact);
        }
    }
}

using System.Globalization;
using System.Runtime.InteropServices;
using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;
using Evaluation.Ingest.Reading;

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

        // The counts are kept under a key of numbers only: a key holding the row's strings kept
        // every row's strings alive and made each garbage collection scan the whole table.
        // (Both tables are reused from file to file: see ReusedTables.)
        var names = ReusedTables<string>.Rent();
        var seen = ReusedTables<Combination>.Rent();
        try
        {
            // A file lists a course's contacts together, mostly by one worker: the name of the row
            // before is looked up again only when it changes.
            var (course, worker) = (new LastName(), new LastName());
            foreach (var (_, contact) in contacts)
            {
                var combination = new Combination(course.IndexOf(names, contact.CourseId), contact.Date.DayNumber, contact.Kind, contact.WorkerId is null ? -1 : worker.IndexOf(names, contact.WorkerId));
                ref int n = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, combination, out _);
                n++;
                yield return (Format(contact, n), contact);
            }
        }
        finally
        {
            ReusedTables<string>.Return(names);
            ReusedTables<Combination>.Return(seen);
        }
    }

    /// <summary>The key text: <c>yyyy-MM-dd|kind|worker|n</c>.</summary>
    public static string Format(Contact contact, int occurrence)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var kind = Codes.Of(contact.Kind);
        var worker = contact.WorkerId ?? "";
        Span<char> number = stackalloc char[11];
        occurrence.TryFormat(number, out int digits, provider: CultureInfo.InvariantCulture);
        Span<char> key = stackalloc char[10 + 1 + kind.Length + 1 + worker.Length + 1 + digits];
        WriteDate(key, contact.Date);
        int at = 10;
        key[at++] = '|';
        kind.CopyTo(key[at..]);
        at += kind.Length;
        key[at++] = '|';
        worker.CopyTo(key[at..]);
        at += worker.Length;
        key[at++] = '|';
        number[..digits].CopyTo(key[at..]);
        return new string(key);
    }

    /// <summary>yyyy-MM-dd, digit by digit (the general date formatter was a tenth of reading a contacts file).</summary>
    private static void WriteDate(Span<char> target, DateOnly date)
    {
        Digits(target[..4], date.Year);
        target[4] = '-';
        Digits(target.Slice(5, 2), date.Month);
        target[7] = '-';
        Digits(target.Slice(8, 2), date.Day);
    }

    private static void Digits(Span<char> target, int value)
    {
        for (int i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    private static int IndexOf(Dictionary<string, int> names, string name)
    {
        ref int index = ref CollectionsMarshal.GetValueRefOrAddDefault(names, name, out bool exists);
        if (!exists)
        {
            index = names.Count - 1;
        }

        return index;
    }

    /// <summary>The index of the name looked up last.</summary>
    private struct LastName
    {
        private string? name;
        private int index;

        public int IndexOf(Dictionary<string, int> names, string next)
        {
            if (!string.Equals(next, name, StringComparison.Ordinal))
            {
                (name, index) = (next, ContactKeys.IndexOf(names, next));
            }

            return index;
        }
    }

    private readonly record struct Combination(int Course, int DayNumber, ContactKind Kind, int Worker);
}

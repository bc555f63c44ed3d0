using Evaluation.Domain.Courses;
using Evaluation.Domain.Values;

namespace Evaluation.Analytics;

/// <summary>
/// The dataset grouped by course and by person, with everything dated after the as-of date left
/// out (SPEC §5), so that each formula looks up what it needs without scanning.
/// </summary>
public sealed class CourseIndex
{
    private static readonly IReadOnlyList<Contact> NoContacts = [];
    private static readonly IReadOnlyList<Plan> NoPlans = [];
    private static readonly IReadOnlyList<Answer> NoAnswers = [];
    private readonly Dictionary<string, List<Contact>> contacts;
    private readonly Dictionary<string, List<Plan>> plans;
    private readonly Dictionary<string, List<Answer>> answers;
    private readonly Dictionary<(string, ChecklistKind), Checklist> checklists;
    private readonly Dictionary<string, List<ShelterStay>> stays;
    private readonly Dictionary<string, List<Tenancy>> tenancies;

    public CourseIndex(Dataset data, AsOf asOf)
    {
        ArgumentNullException.ThrowIfNull(data);
        AsOf = asOf;
        Data = data;
        Courses = data.Courses.Where(c => asOf.IsSet(c.ContactStart)).OrderBy(c => c.CourseId, StringComparer.Ordinal).ToList();
        contacts = GroupSorted(data.Contacts.Where(c => asOf.IsSet(c.Date)), c => c.CourseId, c => c.Date);
        plans = GroupSorted(data.Plans.Where(p => asOf.IsSet(p.Date)), p => p.CourseId, p => p.Date);
        answers = GroupSorted(data.Answers.Where(a => a.AnsweredDate is null || asOf.IsSet(a.AnsweredDate)), a => a.CourseId, a => a.Wave);
        checklists = data.Checklists
            .Where(c => c.Date is null || asOf.IsSet(c.Date))
            .ToDictionary(c => (c.CourseId, c.Kind));
        stays = GroupSorted(data.ShelterStays.Where(s => asOf.IsSet(s.EntryDate)), s => s.PersonKey, s => s.EntryDate);
        tenancies = GroupSorted(data.Tenancies.Where(t => asOf.IsSet(t.StartDate)), t => t.PersonKey, t => t.StartDate);
    }

    public AsOf AsOf { get; }

    public Dataset Data { get; }

    /// <summary>Courses that have started by the as-of date, in course id order.</summary>
    public IReadOnlyList<Course> Courses { get; }

    /// <summary>Contacts dated up to the as-of date, in date order.</summary>
    public IReadOnlyList<Contact> ContactsOf(string courseId) => contacts.TryGetValue(courseId, out var list) ? list : NoContacts;

    public IReadOnlyList<Plan> PlansOf(string courseId) => plans.TryGetValue(courseId, out var list) ? list : NoPlans;

    /// <summary>Answers known by the as-of date (an answer without a date counts as known).</summary>
    public IReadOnlyList<Answer> AnswersOf(string courseId) => answers.TryGetValue(courseId, out var list) ? list : NoAnswers;

    public Checklist? ChecklistOf(string courseId, ChecklistKind kind) => checklists.GetValueOrDefault((courseId, kind));

    /// <summary>Shelter stays that started by the as-of date, in entry order.</summary>
    public IReadOnlyList<ShelterStay> StaysOf(string personKey) => stays.TryGetValue(personKey, out var list) ? list : [];

    /// <summary>Tenancies that started by the as-of date, in start order.</summary>
    public IReadOnlyList<Tenancy> TenanciesOf(string personKey) => tenancies.TryGetValue(personKey, out var list) ? list : [];

    private static Dictionary<string, List<T>> GroupSorted<T, TKey>(IEnumerable<T> items, Func<T, string> key, Func<T, TKey> order)
    {
        var groups = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var k = key(item);
            if (!groups.TryGetValue(k, out var list))
            {
                groups[k] = list = [];
            }

            list.Add(item);
        }

        foreach (var list in groups.Values)
        {
            list.Sort((a, b) => Comparer<TKey>.Default.Compare(order(a), order(b)));
        }

        return groups;
    }
}

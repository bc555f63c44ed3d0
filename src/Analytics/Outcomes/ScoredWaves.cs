using Evaluation.Domain.Courses;
using Evaluation.Domain.Instruments;
using Evaluation.Domain.Values;

namespace Evaluation.Analytics.Outcomes;

/// <summary>One valid score of one instrument at one wave of one course.</summary>
public sealed record WaveScore(Course Course, Wave Wave, DateOnly? AnsweredDate, double Score);

/// <summary>
/// Every valid score (SPEC §3) of every course that has started by the as-of date, per instrument,
/// from the answers known by then.
/// </summary>
public sealed class ScoredWaves
{
    private readonly Dictionary<string, Dictionary<(string CourseId, Wave Wave), WaveScore>> scores = [];

    public ScoredWaves(CourseIndex index, InstrumentSet instruments)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(instruments);
        foreach (var instrument in instruments.All)
        {
            var table = new Dictionary<(string, Wave), WaveScore>();
            foreach (var course in index.Courses)
            {
                foreach (var answer in index.AnswersOf(course.CourseId))
                {
                    if (instrument.Score(answer.Items, course.Children) is { } score)
                    {
                        table[(course.CourseId, answer.Wave)] = new WaveScore(course, answer.Wave, answer.AnsweredDate, score);
                    }
                }
            }

            scores[instrument.Code] = table;
        }
    }

    public IEnumerable<WaveScore> Of(Instrument instrument) => scores[instrument.Code].Values;

    public WaveScore? Of(Instrument instrument, string courseId, Wave wave) =>
        scores[instrument.Code].GetValueOrDefault((courseId, wave));
}

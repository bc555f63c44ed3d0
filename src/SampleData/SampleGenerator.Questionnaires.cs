using Evaluation.Domain.Courses;
using Evaluation.Domain.Instruments;
using Evaluation.Domain.Values;

namespace Evaluation.SampleData;

public sealed partial class SampleGenerator
{
    /// <summary>
    /// Questionnaires at the waves' anchor dates (SPEC §4 documentation), answered a little early or
    /// late, fewer at each wave. A person's answers follow one latent distress level that eases
    /// over the months, faster in CTI than in KR, so that the outcome statistics have something to find.
    /// </summary>
    private void Questionnaires(Course c, DateOnly? plannedEnd)
    {
        var table = Table(c.Municipality, "answers");
        double distress = Normal(0, 1);
        bool cti = c.Group == Group.Cti;
        var start = c.ContactStart!.Value;
        var anchors = cti
            ? new (Wave Wave, DateOnly? Anchor, double Rate)[]
            {
                (Wave.Baseline, c.Phase1Start ?? start.AddDays(14), 0.92),
                (Wave.M3, c.Phase2Start, 0.82),
                (Wave.M6, c.Phase3Start, 0.74),
                (Wave.End, c.EndDate, c.EndReason == EndReason.Completed ? 0.75 : 0.3),
            }
            : new (Wave Wave, DateOnly? Anchor, double Rate)[]
            {
                (Wave.Baseline, start.AddDays(14), 0.9),
                (Wave.M3, start.AddDays(91) < (c.EndDate ?? DateOnly.MaxValue) ? start.AddDays(91) : null, 0.75),
                (Wave.M6, start.AddDays(182) < (c.EndDate ?? DateOnly.MaxValue) ? start.AddDays(182) : null, 0.68),
                (Wave.End, c.EndDate, c.EndReason == EndReason.Completed ? 0.7 : 0.28),
            };
        foreach (var (wave, anchor, rate) in anchors)
        {
            if (anchor is null || !Chance(rate))
            {
                continue;
            }

            var answered = anchor.Value.AddDays(Chance(0.08) ? random.Next(31, 60) : (int)Math.Round(Normal(0, 10)));
            if (answered > extracted || answered < start)
            {
                continue;
            }

            table.Rows.Add(Questionnaire(table, c, wave, answered, distress, (answered.DayNumber - start.DayNumber) / 30.4375, cti));
        }

        if (plannedEnd is { } end && c.EndReason == EndReason.Completed && Chance(0.25))
        {
            var followup = end.AddDays(random.Next(170, 200));
            if (followup <= extracted)
            {
                table.Rows.Add(Questionnaire(table, c, Wave.Followup, followup, distress, (followup.DayNumber - start.DayNumber) / 30.4375, cti));
            }
        }
    }

    private object?[] Questionnaire(RawTable table, Course c, Wave wave, DateOnly answered, double distress, double months, bool cti)
    {
        var row = new object?[table.Columns.Count];
        row[0] = c.CourseId;
        row[1] = Codes.Of(wave);
        row[2] = answered;
        double gain = Math.Min(months, 12) * (cti ? 1.0 : 0.5);
        void Items(Instrument instrument, double mean, double slope, double sd)
        {
            foreach (var item in instrument.Items)
            {
                if (Chance(0.04))
                {
                    continue; // a skipped item
                }

                double value = Math.Clamp(Math.Round(mean + (slope * gain) + Normal(0, sd)), instrument.ResponseMin, instrument.ResponseMax);
                if (instrument.Reverse.Contains(item))
                {
                    value = instrument.ResponseMin + instrument.ResponseMax - value;
                }

                row[table.IndexOf(item)] = (int)value;
            }
        }

        var set = InstrumentSet.Default;
        Items(set["LONELY3"], 2.3 + (0.45 * distress), -0.06, 0.6);
        Items(set["SELFCARE"], 2.9 - (0.6 * distress), 0.07, 0.8);
        if (c.Children > 0)
        {
            Items(set["PARENT"], 3.3 - (0.4 * distress), 0.04, 0.7);
        }

        Items(set["WHO5"], 2.0 - (0.7 * distress), 0.08, 0.9);
        if (!Chance(0.03))
        {
            double logit = -0.8 + (0.5 * distress) - (0.15 * gain);
            row[table.IndexOf("viol")] = Chance(1 / (1 + Math.Exp(-logit)));
        }

        return row;
    }
}

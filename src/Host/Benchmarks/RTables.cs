using System.Globalization;
using System.Text;
using Evaluation.Analytics;
using Evaluation.Analytics.Outcomes;
using Evaluation.Domain.Courses;
using Evaluation.Domain.Instruments;
using Evaluation.Domain.Values;

namespace Evaluation.Host.Benchmarks;

/// <summary>Prepared tables for bench/outcomes.R: valid scores per course and wave, and survival times.</summary>
public static class RTables
{
    public static void Write(string folder, Dataset data, InstrumentSet instruments, DateOnly asOf)
    {
        Directory.CreateDirectory(folder);
        var index = new CourseIndex(data, new AsOf(asOf));
        var scored = new ScoredWaves(index, instruments);
        var scores = new StringBuilder("course_id,municipality,group,group_cti,wave,instrument,score,months,age,children\n");
        foreach (var instrument in instruments.All)
        {
            foreach (var s in scored.Of(instrument))
            {
                var c = s.Course;
                string months = s.AnsweredDate is { } d ? ((d.DayNumber - c.ContactStart!.Value.DayNumber) / Trajectory.DaysPerMonth).ToString("R", CultureInfo.InvariantCulture) : "NA";
                scores.Append(CultureInfo.InvariantCulture, $"{c.CourseId},{c.Municipality},{Codes.Of(c.Group)},{(c.Group == Group.Cti ? 1 : 0)},{Codes.Of(s.Wave)},{instrument.Code},{s.Score.ToString("R", CultureInfo.InvariantCulture)},{months},{GroupComparison.AgeInWholeYears(c.BirthDate, c.ContactStart!.Value)},{(c.Children > 0 ? 1 : 0)}\n");
            }
        }

        File.WriteAllText(Path.Combine(folder, "scores.csv"), scores.ToString());
        var settings = new OutcomeSettings();
        var housing = new StringBuilder("municipality,group,time,event\n");
        var shelter = new StringBuilder("municipality,group,time,event\n");
        foreach (var c in index.Courses)
        {
            if (HousingFollowUp.Follow(c, index.TenanciesOf(c.PersonKey), index.AsOf, settings.TenancyWindowDays) is { } h)
            {
                housing.Append(CultureInfo.InvariantCulture, $"{c.Municipality},{Codes.Of(c.Group)},{h.Days},{(h.Event ? 1 : 0)}\n");
            }

            if (index.AsOf.Known(c.ShelterExitDate) is { } exit && ShelterFollowUp.Follow(exit, index.StaysOf(c.PersonKey), index.AsOf, settings.SameStayGapDays) is { } s)
            {
                shelter.Append(CultureInfo.InvariantCulture, $"{c.Municipality},{Codes.Of(c.Group)},{s.Days},{(s.Event ? 1 : 0)}\n");
            }
        }

        File.WriteAllText(Path.Combine(folder, "housing.csv"), housing.ToString());
        File.WriteAllText(Path.Combine(folder, "shelter.csv"), shelter.ToString());
    }
}

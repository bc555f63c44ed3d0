using Evaluation.Analytics.Outcomes;
using Evaluation.Domain.Instruments;
using Evaluation.Domain.Values;

namespace Evaluation.Reports.Workbooks;

public sealed partial class ReportWorkbook
{
    /// <summary>Change per instrument (baseline → each wave) with intervals, reliable change counts, plain-language notes and a chart per instrument.</summary>
    private void Outcomes(Sheet sheet)
    {
        sheet.Title(labels.Format("outcomes.title", MunicipalityLabel(scope)), labels["outcomes.subtitle"]);
        var instruments = input.Outcomes.Change.Select(r => r.Instrument).Distinct().ToList();
        string[] header =
        [
            labels["col.municipality"], labels["col.instrument"], labels["col.group"], labels["col.to"], labels["col.n"],
            labels["col.mean_from"], labels["col.mean_to"], labels["col.mean_change"], labels["col.ci_low"], labels["col.ci_high"],
            labels["col.p"], labels["col.dz"], labels["col.improved"], labels["col.deteriorated"], labels["col.unchanged"],
        ];
        var rows = new List<object?[]>();
        foreach (var r in input.Outcomes.Change.Where(r => Municipalities.Contains(r.Municipality)))
        {
            // Reliable change counts are persons; with n they form a total, so hiding one hides n.
            int[,] counts = { { r.Improved ?? 0, r.Deteriorated ?? 0, r.Unchanged ?? 0, r.N } };
            var shown = disclosure.Grid(counts, false, true);
            rows.Add(
            [
                MunicipalityLabel(r.Municipality), r.Instrument, GroupLabel(r.Group), labels["wave." + r.To], shown[0, 3],
                disclosure.Statistic(r.MeanFrom, r.N), disclosure.Statistic(r.MeanTo, r.N), disclosure.Statistic(r.MeanChange, r.N),
                disclosure.Statistic(r.CiLow, r.N), disclosure.Statistic(r.CiHigh, r.N), disclosure.Statistic(r.PValue, r.N), disclosure.Statistic(r.Dz, r.N),
                r.Improved is null ? null : shown[0, 0], r.Deteriorated is null ? null : shown[0, 1], r.Unchanged is null ? null : shown[0, 2],
            ]);
        }

        sheet.Table(header, rows, [null, null, null, null, null, "0.00", "0.00", "0.00", "0.00", "0.00", "0.000", "0.00"]);
        foreach (var code in instruments)
        {
            sheet.Note(labels["note.instrument." + code]);
        }

        sheet.Note(labels["note.change"]);
        sheet.Note(labels["note.rci"]);
        sheet.Row++;
        foreach (var code in instruments)
        {
            AddChart(sheet, $"change_{code}", charts.Change(code, input.Outcomes.Change.Where(r => r.Municipality == scope)));
        }

        sheet.Finish(4);
    }

    /// <summary>High-loneliness share per wave beside the national reference, and the safety shares.</summary>
    private void Loneliness(Sheet sheet)
    {
        var reference = input.Method.Settings.LonelinessReference;
        sheet.Title(labels.Format("loneliness.title", MunicipalityLabel(scope)), reference is null
            ? labels["loneliness.noreference"]
            : labels.Format("loneliness.reference", reference.Value.ToString("P1", labels.Culture), input.Method.Settings.LonelinessReferenceLabel ?? ""));
        string[] header = [labels["col.municipality"], labels["col.group"], labels["col.wave"], labels["col.n"], labels["col.share_high"], labels["col.reference"]];
        sheet.Table(header, input.Outcomes.LonelinessHigh.Where(r => Municipalities.Contains(r.Municipality)).Select(r => new object?[]
        {
            MunicipalityLabel(r.Municipality), GroupLabel(r.Group), labels["wave." + r.Wave], disclosure.Count(r.N), disclosure.Statistic(r.Share, r.N), r.Reference,
        }), [null, null, null, null, "0.0%", "0.0%"]);
        AddChart(sheet, "loneliness", charts.Loneliness(input.Outcomes.LonelinessHigh.Where(r => r.Municipality == scope), reference));

        sheet.Heading(labels["safety.title"]);
        string[] safetyHeader = [labels["col.municipality"], labels["col.group"], labels["col.wave"], labels["col.n"], labels["col.share_violence"]];
        sheet.Table(safetyHeader, input.Outcomes.Safety.Where(r => Municipalities.Contains(r.Municipality)).Select(r => new object?[]
        {
            MunicipalityLabel(r.Municipality), GroupLabel(r.Group), labels["wave." + r.Wave], disclosure.Count(r.N), disclosure.Statistic(r.Share, r.N),
        }), [null, null, null, null, "0.0%"]);
        sheet.Finish(0);
    }

    /// <summary>Housing retention and repeat shelter stays, with Kaplan–Meier curves.</summary>
    private void Housing(Sheet sheet)
    {
        sheet.Title(labels.Format("housing.title", MunicipalityLabel(scope)), labels["housing.subtitle"]);
        string[] header =
        [
            labels["col.municipality"], labels["col.group"], labels["col.n"], labels["col.events_lost"], labels["col.s180"], labels["col.s365"], labels["col.ci_low"], labels["col.ci_high"],
        ];
        sheet.Table(header, input.Outcomes.HousingRetention.Where(r => Municipalities.Contains(r.Municipality)).Select(r => new object?[]
        {
            MunicipalityLabel(r.Municipality), GroupLabel(r.Group), disclosure.Count(r.N), disclosure.Count(r.Events),
            disclosure.Statistic(r.S180, r.N), disclosure.Statistic(r.S365, r.N), disclosure.Statistic(r.CiLow365, r.N), disclosure.Statistic(r.CiHigh365, r.N),
        }), [null, null, null, null, "0.0%", "0.0%", "0.0%", "0.0%"]);
        AddChart(sheet, "housing_retention", charts.Survival(labels["chart.housing.title"], labels["chart.housing.y"],
            input.Housing.Curve(scope, Group.Cti), input.Housing.Curve(scope, Group.Kr), cumulative: false));

        sheet.Heading(labels["shelter.title"]);
        string[] shelterHeader =
        [
            labels["col.municipality"], labels["col.group"], labels["col.n"], labels["col.events_repeat"], labels["col.cuminc365"], labels["col.ci_low"], labels["col.ci_high"],
            labels["col.followed365"], labels["col.repeat365"],
        ];
        sheet.Table(shelterHeader, input.Outcomes.RepeatShelter.Where(r => Municipalities.Contains(r.Municipality)).Select(r => new object?[]
        {
            MunicipalityLabel(r.Municipality), GroupLabel(r.Group), disclosure.Count(r.N), disclosure.Count(r.Events),
            disclosure.Statistic(r.Cuminc365, r.N), disclosure.Statistic(r.CiLow365, r.N), disclosure.Statistic(r.CiHigh365, r.N),
            disclosure.Count(r.NFollowed365), disclosure.Count(r.NRepeat365),
        }), [null, null, null, null, "0.0%", "0.0%", "0.0%"]);
        AddChart(sheet, "repeat_shelter", charts.Survival(labels["chart.shelter.title"], labels["chart.shelter.y"],
            input.Shelter.Curve(scope, Group.Cti), input.Shelter.Curve(scope, Group.Kr), cumulative: true));
        sheet.Finish(0);
    }
}

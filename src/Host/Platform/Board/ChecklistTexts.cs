namespace Evaluation.Host.Platform.Board;

/// <summary>
/// The checklist items of SPEC §4 by their text: Danish as the CTI method manual words them
/// (Socialstyrelsen 2016, the checklists at each phase transition), English as in the SPEC.
/// </summary>
public static class ChecklistTexts
{
    private static readonly Dictionary<string, (string Da, string En)> Items = new(StringComparer.Ordinal)
    {
        ["c1"] = ("Kontakt til borgeren er skabt, og et eller flere indledende møder er holdt", "Contact established and at least one initial meeting held"),
        ["c2"] = ("Borgeren er orienteret om CTI-forløbet", "Informed about CTI"),
        ["c3"] = ("Der er indgået en aftale med borgeren om, hvordan kontakten skal foregå", "Agreement on how contact happens"),
        ["p2_1"] = ("Økonomi omkring bolig og leveomkostninger er på plads", "Housing economy and living costs in place"),
        ["p2_2"] = ("Borgerens støttebehov og støttemuligheder er afdækket", "Support needs and options mapped"),
        ["p2_3"] = ("En langsigtet plan er udarbejdet i samarbejde med borgeren", "Long-term plan made together"),
        ["p2_4"] = ("Arbejdet med at styrke borgerens støttenetværk er påbegyndt", "Network strengthening begun"),
        ["p2_5"] = ("Koordinering med relevante tilbud og kommunale indsatser er sikret", "Coordination with relevant services"),
        ["p2_6"] = ("Møder med relevante tilbud og indsatser er holdt, og de nødvendige aftaler er på plads", "Meetings held and agreements in place"),
        ["p2_7"] = ("Borgeren er introduceret til lokale sociale tilbud og foreninger, og de planlagte aktiviteter er igangsat", "Introduced to local offers, activities started"),
        ["p2_8"] = ("Kontakt til jobcentret for en koordineret plan (hvis relevant)", "Job centre contact for a coordinated plan"),
        ["p3_1"] = ("Aktiviteter og indsatser er evalueret i samarbejde med borgeren", "Activities evaluated with the citizen"),
        ["p3_2"] = ("Eventuelle ændringer af CTI-planen er foretaget i samarbejde med borgeren", "Changes to the plan made together"),
        ["a1"] = ("Der er etableret et støttenetværk, der kan tage over efter forløbet", "Support network established"),
        ["a2"] = ("Overdragelsessamtaler med borgeren og støttenetværket er holdt", "Handover talks held"),
        ["a3"] = ("En overdragelsesplan er udarbejdet sammen med borgeren og støttenetværket", "Handover plan made"),
        ["a4"] = ("Ansvaret for den langsigtede støtte er forankret hos én person i støttenetværket", "Long-term responsibility anchored with one person"),
    };

    /// <summary>The item's text in <paramref name="language"/> (<c>da</c> or <c>en</c>); an unknown code is shown as it is.</summary>
    public static string Of(string code, string language) =>
        Items.TryGetValue(code, out var text) ? (language == "en" ? text.En : text.Da) : code;
}

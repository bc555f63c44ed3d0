namespace Evaluation.Domain.Places;

/// <summary>
/// Denmark's 98 municipalities with their regions (the five regions since the 2007 reform). Ingest
/// writes a municipality the way the list does ("aalborg", "Aalborg Kommune" and "AALBORG" are
/// Aalborg), so that one municipality is not split in two by how a case system spells it; the
/// research export's region level (SPEC §8) comes from here too. A name not in the list (a
/// misspelling, a test municipality such as "Kommune 005") is never guessed into one.
/// </summary>
public static class DanishMunicipalities
{
    /// <summary>What the results call all municipalities together (SPEC §5 "ALL"): no municipality may be called that.</summary>
    public const string All = "ALL";

    private static readonly (string Region, string[] Municipalities)[] Table =
    [
        ("Region Hovedstaden",
        [
            "Albertslund", "Allerød", "Ballerup", "Bornholm", "Brøndby", "Dragør", "Egedal", "Fredensborg", "Frederiksberg", "Frederikssund",
            "Furesø", "Gentofte", "Gladsaxe", "Glostrup", "Gribskov", "Halsnæs", "Helsingør", "Herlev", "Hillerød", "Hvidovre",
            "Høje-Taastrup", "Hørsholm", "Ishøj", "København", "Lyngby-Taarbæk", "Rødovre", "Rudersdal", "Tårnby", "Vallensbæk",
        ]),
        ("Region Sjælland",
        [
            "Faxe", "Greve", "Guldborgsund", "Holbæk", "Kalundborg", "Køge", "Lejre", "Lolland", "Næstved", "Odsherred",
            "Ringsted", "Roskilde", "Slagelse", "Solrød", "Sorø", "Stevns", "Vordingborg",
        ]),
        ("Region Syddanmark",
        [
            "Assens", "Billund", "Esbjerg", "Fanø", "Fredericia", "Faaborg-Midtfyn", "Haderslev", "Kerteminde", "Kolding", "Langeland",
            "Middelfart", "Nordfyn", "Nyborg", "Odense", "Svendborg", "Sønderborg", "Tønder", "Varde", "Vejen", "Vejle", "Ærø", "Aabenraa",
        ]),
        ("Region Midtjylland",
        [
            "Favrskov", "Hedensted", "Herning", "Holstebro", "Horsens", "Ikast-Brande", "Lemvig", "Norddjurs", "Odder", "Randers",
            "Ringkøbing-Skjern", "Samsø", "Silkeborg", "Skanderborg", "Skive", "Struer", "Syddjurs", "Viborg", "Aarhus",
        ]),
        ("Region Nordjylland",
        [
            "Brønderslev", "Frederikshavn", "Hjørring", "Jammerbugt", "Læsø", "Mariagerfjord", "Morsø", "Rebild", "Thisted", "Vesthimmerland", "Aalborg",
        ]),
    ];

    private static readonly string[] Suffixes = [" Regionskommune", " Kommune"];

    private static readonly Dictionary<string, string> ByMunicipality = Build();

    /// <summary>Each of the 98 by itself, matched without regard to case.</summary>
    private static readonly Dictionary<string, string> Official = ByMunicipality.Keys.ToDictionary(m => m, m => m, StringComparer.OrdinalIgnoreCase);

    /// <summary>The 98 municipalities with their regions.</summary>
    public static IReadOnlyDictionary<string, string> Municipalities => ByMunicipality;

    /// <summary>
    /// The municipality's name as the list writes it, matched without regard to case, a trailing
    /// "Kommune" or a genitive s ("Københavns Kommune"), "Århus" for Aarhus and "Bornholms
    /// Regionskommune"; null for a name that is not one of the 98.
    /// </summary>
    public static string? OfficialName(string municipality)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        var name = municipality.Trim();
        foreach (var suffix in Suffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length].TrimEnd();
            }
        }

        if (name.Equals("Århus", StringComparison.OrdinalIgnoreCase))
        {
            name = "Aarhus";
        }

        if (Official.TryGetValue(name, out var official))
        {
            return official;
        }

        return name.EndsWith("s", StringComparison.OrdinalIgnoreCase) && Official.TryGetValue(name[..^1], out official) ? official : null;
    }

    /// <summary>The region of one of the 98 (matched as <see cref="OfficialName"/> matches), or null.</summary>
    public static string? RegionOf(string municipality) =>
        OfficialName(municipality) is { } official ? ByMunicipality[official] : null;

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (region, municipalities) in Table)
        {
            foreach (var m in municipalities)
            {
                map.Add(m, region);
            }
        }

        return map;
    }
}

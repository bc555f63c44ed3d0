namespace Evaluation.Export;

/// <summary>
/// The region of each of Denmark's 98 municipalities (the five regions since the 2007 reform), the
/// middle level of the municipality hierarchy of SPEC §8 (municipality → region → suppressed).
/// A name not in the table (a misspelling, a test municipality such as "Kommune 005") is not
/// guessed into a region: it maps to <see cref="Unknown"/>, a value of its own at the region level,
/// and the disclosure report names every municipality that did.
/// </summary>
public static class DanishRegions
{
    /// <summary>The region level's value for a municipality that is not one of the 98.</summary>
    public const string Unknown = "Ukendt region";

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

    private static readonly Dictionary<string, string> ByMunicipality = Build();

    /// <summary>The 98 municipalities with their regions.</summary>
    public static IReadOnlyDictionary<string, string> Municipalities => ByMunicipality;

    /// <summary>
    /// The region of a municipality, matched without regard to case, a trailing "Kommune" or a
    /// genitive s ("Københavns Kommune"), "Århus" for Aarhus and "Bornholms Regionskommune";
    /// <see cref="Unknown"/> for any other name.
    /// </summary>
    public static string RegionOf(string municipality)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        var name = municipality.Trim();
        foreach (var suffix in new[] { " Regionskommune", " Kommune" })
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

        if (ByMunicipality.TryGetValue(name, out var region))
        {
            return region;
        }

        return name.EndsWith('s') && ByMunicipality.TryGetValue(name[..^1], out region) ? region : Unknown;
    }

    /// <summary>Whether the name is one of the 98 (as <see cref="RegionOf"/> matches it).</summary>
    public static bool IsKnown(string municipality) => RegionOf(municipality) != Unknown;

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

using Evaluation.Domain.Places;

namespace Evaluation.Export;

/// <summary>
/// The region level of the municipality hierarchy of SPEC §8 (municipality → region → suppressed),
/// from <see cref="DanishMunicipalities"/>. A municipality not among the 98 is not guessed into a
/// region: it maps to <see cref="Unknown"/>, a value of its own at the region level, and the
/// disclosure report names every municipality that did.
/// </summary>
public static class DanishRegions
{
    /// <summary>The region level's value for a municipality that is not one of the 98.</summary>
    public const string Unknown = "Ukendt region";

    /// <summary>The 98 municipalities with their regions.</summary>
    public static IReadOnlyDictionary<string, string> Municipalities => DanishMunicipalities.Municipalities;

    /// <summary>The region of a municipality (see <see cref="DanishMunicipalities.OfficialName"/>), or <see cref="Unknown"/>.</summary>
    public static string RegionOf(string municipality) => DanishMunicipalities.RegionOf(municipality) ?? Unknown;

    /// <summary>Whether the name is one of the 98.</summary>
    public static bool IsKnown(string municipality) => DanishMunicipalities.OfficialName(municipality) is not null;
}

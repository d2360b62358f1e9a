namespace Ivig.Dosing.Domain;

/// <summary>An IVIG product as the catalogue file describes it (rule catalogue section 4 [label]).</summary>
public sealed record Product
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required decimal ConcentrationPercent { get; init; }

    /// <summary>Lowercase stabilizer name, e.g. "proline", "glycine", "maltose", "sorbitol".</summary>
    public required string Stabilizer { get; init; }

    /// <summary>Upper bound of the product's IgA content in µg/mL.</summary>
    public required decimal IgaMaxMicrogramsPerMl { get; init; }

    public required IReadOnlyList<TitrationStep> Ladder { get; init; }
    public required decimal MaxRateMgPerKgMin { get; init; }

    /// <summary>Rate never exceeded for patients with renal or thrombosis risk (DOSE-CAP).</summary>
    public required decimal AtRiskCapMgPerKgMin { get; init; }

    public required IReadOnlyList<decimal> VialSizesGrams { get; init; }
    public string Source { get; init; } = "";

    /// <summary>Names of the fields whose values are hospital-protocol defaults that a hospital should review.</summary>
    public IReadOnlyList<string> LocalDefaults { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Concentration in mg/mL (10% = 100 mg/mL).</summary>
    public decimal ConcentrationMgPerMl => ConcentrationPercent * 10m;
}

namespace Ivig.Dosing.Domain;

/// <summary>What a prescriber gives to plan a regimen; the product is passed alongside.</summary>
public sealed record RegimenRequest
{
    public required Sex Sex { get; init; }
    public required decimal HeightCm { get; init; }
    public required decimal ActualWeightKg { get; init; }

    /// <summary>Used for DOSE-WEIGHT instead of the actual weight while <see cref="Pregnant"/>.</summary>
    public decimal? PrePregnancyWeightKg { get; init; }

    public bool Pregnant { get; init; }
    public required Indication Indication { get; init; }

    /// <summary>RelapsePrevention only: g/kg per dose, 0.15–1 (default 0.4) (DOSE-MAINT).</summary>
    public decimal? MaintenanceDoseGramsPerKg { get; init; }

    /// <summary>RelapsePrevention only: weeks between doses, 4–6 (default 4) (DOSE-MAINT).</summary>
    public int? MaintenanceIntervalWeeks { get; init; }

    /// <summary>Renal or thrombosis risk: the ladder never goes above the product's at-risk cap (DOSE-CAP).</summary>
    public bool AtRiskCapRequired { get; init; }

    public DoseRoundingPolicy Rounding { get; init; } = DoseRoundingPolicy.Nearest5Grams;
}

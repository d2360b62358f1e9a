namespace Ivig.Dosing.Domain;

/// <summary>A reaction and the infusion it happened in.</summary>
public sealed record ReactionRateRequest
{
    public required ReactionKind Kind { get; init; }

    /// <summary>The rate running when the reaction was reported.</summary>
    public required decimal CurrentRateMgPerKgMin { get; init; }

    /// <summary>RXN-G2: the highest rate given without a reaction; the current rate when not given. Never counted above the current rate.</summary>
    public decimal? LastToleratedRateMgPerKgMin { get; init; }

    public required decimal DosingWeightKg { get; init; }
    public required Product Product { get; init; }

    /// <summary>DOSE-CAP: the patient's rate never goes above the product's at-risk cap.</summary>
    public bool AtRiskCapRequired { get; init; }
}

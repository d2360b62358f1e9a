using Ivig.Eligibility.Domain;

namespace Ivig.Eligibility.Features.Assessments;

/// <summary>The product constraints as stored with an assessment (what Dosing must respect).</summary>
public sealed record ConstraintsRecord(
    double? MaxIgaMicrogramsPerMl,
    IReadOnlyList<string> ExcludedStabilizers,
    bool AtRiskRateCapRequired,
    bool PremedicationRequired,
    bool HydrationRequired)
{
    public static ConstraintsRecord From(ProductConstraints constraints) => new(
        constraints.MaxIgaMicrogramsPerMl,
        [.. constraints.ExcludedStabilizers.Order(StringComparer.Ordinal)],
        constraints.RateCapRequired,
        constraints.PremedicationRequired,
        constraints.HydrationRequired);
}

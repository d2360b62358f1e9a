namespace Ivig.Eligibility.Domain;

/// <summary>
/// What the fired rules mean for product choice and administration, for the Dosing service.
/// </summary>
/// <param name="MaxIgaMicrogramsPerMl">Most IgA (µg/mL) a product may contain (PRE-IGA); null when unrestricted.</param>
/// <param name="ExcludedStabilizers">Stabilizers a product must not contain (PRE-FRUCTOSE, PRE-PROLINE); see <see cref="Stabilizers"/>.</param>
/// <param name="RateCapRequired">The product's at-risk rate cap applies (PRE-RENAL, PRE-THROMBO; DOSE-CAP).</param>
/// <param name="PremedicationRequired">PRE-PREMED fired.</param>
/// <param name="HydrationRequired">PRE-HYDRATION, PRE-RENAL or PRE-THROMBO fired.</param>
/// <param name="RenalRisk">Section 3 renal risk, with its factors.</param>
/// <param name="ThrombosisRisk">Section 3 thrombosis risk, with its factors.</param>
public sealed record ProductConstraints(
    double? MaxIgaMicrogramsPerMl,
    IReadOnlySet<string> ExcludedStabilizers,
    bool RateCapRequired,
    bool PremedicationRequired,
    bool HydrationRequired,
    RiskFinding RenalRisk,
    RiskFinding ThrombosisRisk);

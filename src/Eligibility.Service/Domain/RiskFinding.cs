namespace Ivig.Eligibility.Domain;

/// <summary>
/// A risk assessment of section 3: <see cref="AtRisk"/> is true when any known factor is present, false
/// when every factor is known absent, and null when none is present but some are unknown.
/// <see cref="Factors"/> names the factors present and <see cref="Missing"/> the unknown ones
/// (camelCase fact names); the unknown ones are reported, not demanded.
/// </summary>
public sealed record RiskFinding(bool? AtRisk, IReadOnlyList<string> Factors, IReadOnlyList<string> Missing);

namespace Ivig.Monitoring.Domain;

/// <summary>
/// What Dosing planned for one infusion day. <paramref name="PatientReference"/> is opaque (never logged).
/// <paramref name="AtRiskCapMgPerKgMin"/> is set only for patients with renal or thrombosis risk (DOSE-CAP).
/// </summary>
public sealed record InfusionPlan(
    string RegimenId,
    int DayNumber,
    string PatientReference,
    string ProductId,
    decimal DosingWeightKg,
    decimal ConcentrationMgPerMl,
    IReadOnlyList<TitrationStep> Ladder,
    decimal? AtRiskCapMgPerKgMin,
    decimal ProductMaxMgPerKgMin);

namespace Ivig.Monitoring.Domain;

/// <summary>
/// Checks done before the start (PRE-HYDRATION, PRE-PREMED). Premedication is either given or its
/// omission has a documented reason.
/// </summary>
public sealed record PreInfusionChecks(
    bool HydrationConfirmed,
    bool PremedicationGiven,
    string? PremedicationOmittedReason);

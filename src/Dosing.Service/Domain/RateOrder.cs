namespace Ivig.Dosing.Domain;

/// <summary>What to do with the infusion rate after a reaction (rule catalogue section 6).</summary>
/// <param name="NewRateMgPerKgMin">The rate from now on; 0 when paused or stopped. Never above the current rate.</param>
/// <param name="NewRateMlPerHour">The same as a pump rate, rounded down to 0.1 mL/h.</param>
/// <param name="ResumeRateMgPerKgMin">RXN-G2: the rate to resume at once the reaction resolves; null otherwise.</param>
/// <param name="Instructions">What the team does besides the rate change.</param>
public sealed record RateOrder(
    RateAction Action,
    decimal NewRateMgPerKgMin,
    decimal NewRateMlPerHour,
    decimal? ResumeRateMgPerKgMin,
    decimal? ResumeRateMlPerHour,
    AlertSeverity Severity,
    string RuleId,
    string Reason,
    IReadOnlyList<string> Instructions)
{
    /// <summary>Every reaction freezes titration: the rate never rises while it is active; re-escalation is a clinician's explicit step.</summary>
    public bool TitrationFrozen => true;
}

namespace Ivig.Eligibility.Domain;

/// <summary>
/// When a clinician may override a decision: only CONSIDER_ALTERNATIVE_FIRST and NOT_RECOMMENDED, never
/// CONTRAINDICATED (a label contraindication) or INSUFFICIENT_DATA (give the facts instead), and only with
/// a reason, which is audited.
/// </summary>
public static class OverridePolicy
{
    public const int MaxReasonLength = 1000;

    public static bool IsOverridable(EligibilityOutcome decision) =>
        decision is EligibilityOutcome.ConsiderAlternativeFirst or EligibilityOutcome.NotRecommended;

    /// <summary>Checks an override request; the accepted reason is trimmed.</summary>
    public static OverrideCheck Check(EligibilityOutcome decision, string? reason)
    {
        var errors = new List<string>();
        if (!IsOverridable(decision))
        {
            errors.Add($"A {decision} decision cannot be overridden.");
        }

        var trimmed = reason?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            errors.Add("An override needs a reason.");
        }
        else if (trimmed.Length > MaxReasonLength)
        {
            errors.Add($"The override reason must be at most {MaxReasonLength} characters (was {trimmed.Length}).");
        }

        return errors.Count == 0
            ? new OverrideCheck(true, trimmed, [])
            : new OverrideCheck(false, null, errors);
    }
}

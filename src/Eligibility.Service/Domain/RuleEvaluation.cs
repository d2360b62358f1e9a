namespace Ivig.Eligibility.Domain;

/// <summary>
/// What one rule says about one patient: it fired (with the reason), it did not fire, or it could not
/// decide because facts it needs are unknown (<see cref="MissingFacts"/>, camelCase fact names).
/// </summary>
public sealed record RuleEvaluation(bool Fired, IReadOnlyList<string> MissingFacts, string Reason)
{
    /// <summary>True when the rule could not decide for want of facts.</summary>
    public bool IsUndetermined => !Fired && MissingFacts.Count > 0;

    public static RuleEvaluation Fires(string reason) => new(true, [], reason);

    public static RuleEvaluation DoesNotFire() => new(false, [], string.Empty);

    public static RuleEvaluation NeedsFacts(IReadOnlyList<string> missingFacts) =>
        missingFacts.Count == 0
            ? throw new ArgumentException("At least one missing fact is required.", nameof(missingFacts))
            : new(false, missingFacts, "Unknown: " + string.Join(", ", missingFacts) + ".");
}

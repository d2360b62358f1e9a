namespace Ivig.Eligibility.Domain;

/// <summary>One rule that fired (or an engine finding such as ELIG-MISSING), with what it said about this patient.</summary>
public sealed record EligibilityReason(string RuleId, EligibilityOutcome Outcome, string Text, string Source);

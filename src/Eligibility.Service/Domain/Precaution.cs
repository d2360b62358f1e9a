namespace Ivig.Eligibility.Domain;

/// <summary>A precaution (PRE-* rule that fired), with what it asks for this patient.</summary>
public sealed record Precaution(string RuleId, string Text);

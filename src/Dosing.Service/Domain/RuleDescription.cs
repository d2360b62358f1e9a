namespace Ivig.Dosing.Domain;

/// <summary>A rule id with what it says and where it comes from ([label], [seed], [guideline] or [local default]).</summary>
public sealed record RuleDescription(string RuleId, string Text, string Source);

namespace Ivig.Eligibility.Domain;

/// <summary>Whether a rule decides eligibility (ELIG-*, CI-*) or adds a precaution (PRE-*).</summary>
public enum RuleKind
{
    Decision,
    Precaution,
}

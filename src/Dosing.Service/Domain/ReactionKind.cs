namespace Ivig.Dosing.Domain;

/// <summary>An infusion reaction: a CTCAE grade or a named syndrome (rule catalogue section 6).</summary>
public enum ReactionKind
{
    Grade1,
    Grade2,
    Grade3,
    Grade4,
    Anaphylaxis,
    AsepticMeningitis,
    Thrombosis,
    Renal,
}

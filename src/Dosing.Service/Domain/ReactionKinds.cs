namespace Ivig.Dosing.Domain;

public static class ReactionKinds
{
    /// <summary>The kind for a CTCAE infusion-related-reaction grade 1–4.</summary>
    public static ReactionKind FromGrade(int grade) => grade switch
    {
        1 => ReactionKind.Grade1,
        2 => ReactionKind.Grade2,
        3 => ReactionKind.Grade3,
        4 => ReactionKind.Grade4,
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "a CTCAE grade is 1 to 4"),
    };
}

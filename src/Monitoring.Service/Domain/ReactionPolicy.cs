namespace Ivig.Monitoring.Domain;

/// <summary>The section 6 table: which rule a reaction falls under and what the session does at once.</summary>
public static class ReactionPolicy
{
    public static (string RuleId, ReactionAction Action) Classify(ReactionKind kind, ReactionGrade grade) => kind switch
    {
        // RXN-G4 covers "grade 4, life-threatening, or any anaphylaxis".
        ReactionKind.Anaphylaxis => (RuleIds.ReactionGrade4, ReactionAction.Stop),
        ReactionKind.AsepticMeningitis => (RuleIds.ReactionMeningitis, ReactionAction.Stop),
        ReactionKind.Thrombosis => (RuleIds.ReactionThrombosis, ReactionAction.Stop),
        ReactionKind.RenalDysfunction => (RuleIds.ReactionRenal, ReactionAction.Stop),
        ReactionKind.InfusionRelated => grade switch
        {
            ReactionGrade.Grade1 => (RuleIds.ReactionGrade1, ReactionAction.ContinueAwaitingRateOrder),
            ReactionGrade.Grade2 => (RuleIds.ReactionGrade2, ReactionAction.Pause),
            ReactionGrade.Grade3 => (RuleIds.ReactionGrade3, ReactionAction.Stop),
            ReactionGrade.Grade4 => (RuleIds.ReactionGrade4, ReactionAction.Stop),
            _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "Unknown reaction grade."),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown reaction kind."),
    };
}

using Ivig.Eligibility.Domain;
using Ivig.Eligibility.V1;

namespace Ivig.Eligibility.Grpc;

/// <summary>Maps between the domain's outcomes and the contract's enums.</summary>
internal static class EligibilityMapping
{
    public static Decision ToProto(this EligibilityOutcome outcome) => outcome switch
    {
        EligibilityOutcome.Eligible => Decision.Eligible,
        EligibilityOutcome.EligibleWithPrecautions => Decision.EligibleWithPrecautions,
        EligibilityOutcome.ConsiderAlternativeFirst => Decision.ConsiderAlternativeFirst,
        EligibilityOutcome.InsufficientData => Decision.InsufficientData,
        EligibilityOutcome.NotRecommended => Decision.NotRecommended,
        EligibilityOutcome.Contraindicated => Decision.Contraindicated,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static EligibilityOutcome ToDomain(this Decision decision) => decision switch
    {
        Decision.Eligible => EligibilityOutcome.Eligible,
        Decision.EligibleWithPrecautions => EligibilityOutcome.EligibleWithPrecautions,
        Decision.ConsiderAlternativeFirst => EligibilityOutcome.ConsiderAlternativeFirst,
        Decision.InsufficientData => EligibilityOutcome.InsufficientData,
        Decision.NotRecommended => EligibilityOutcome.NotRecommended,
        Decision.Contraindicated => EligibilityOutcome.Contraindicated,
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    /// <summary>
    /// The decision's wire name in events and audit details: the proto enum name without its prefix
    /// (CONSIDER_ALTERNATIVE_FIRST), so the contract, the event and the docs say the same thing.
    /// </summary>
    public static string ToEventName(this EligibilityOutcome outcome) => outcome switch
    {
        EligibilityOutcome.Eligible => "ELIGIBLE",
        EligibilityOutcome.EligibleWithPrecautions => "ELIGIBLE_WITH_PRECAUTIONS",
        EligibilityOutcome.ConsiderAlternativeFirst => "CONSIDER_ALTERNATIVE_FIRST",
        EligibilityOutcome.InsufficientData => "INSUFFICIENT_DATA",
        EligibilityOutcome.NotRecommended => "NOT_RECOMMENDED",
        EligibilityOutcome.Contraindicated => "CONTRAINDICATED",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static V1.RuleKind ToProto(this Domain.RuleKind kind) => kind switch
    {
        Domain.RuleKind.Decision => V1.RuleKind.Decision,
        Domain.RuleKind.Precaution => V1.RuleKind.Precaution,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static Rule ToProto(this IEligibilityRule rule) => new()
    {
        RuleId = rule.Id,
        Outcome = rule.Outcome.ToProto(),
        Kind = rule.Kind.ToProto(),
        Text = rule.Text,
        Source = rule.Source,
    };
}

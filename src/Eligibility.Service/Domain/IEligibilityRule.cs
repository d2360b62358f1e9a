namespace Ivig.Eligibility.Domain;

/// <summary>One rule of the catalogue (section 2): a plain function of the facts and the context.</summary>
public interface IEligibilityRule
{
    /// <summary>Catalogue id, e.g. <c>ELIG-AR-STEROID</c>; named in every result the rule produces.</summary>
    string Id { get; }

    /// <summary>Outcome when the rule fires. Advisory precautions have <see cref="EligibilityOutcome.Eligible"/>, so they never change the decision.</summary>
    EligibilityOutcome Outcome { get; }

    /// <summary>What the rule says, in general terms.</summary>
    string Text { get; }

    /// <summary>Where the rule comes from ([seed], [label], guideline).</summary>
    string Source { get; }

    RuleKind Kind { get; }

    /// <summary>
    /// True for the ELIG-* rules, which answer whether IVIG is indicated for the stated purpose. When none
    /// of them fires the engine does not report ELIGIBLE (see <see cref="EligibilityEngine"/>).
    /// </summary>
    bool IsIndicationRule { get; }

    RuleEvaluation Evaluate(PatientFacts facts, EligibilityContext ctx);
}

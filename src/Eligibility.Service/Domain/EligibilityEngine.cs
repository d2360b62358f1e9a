using Ivig.Eligibility.Domain.Rules;

namespace Ivig.Eligibility.Domain;

/// <summary>
/// Runs every rule of the catalogue and combines what fired into one decision (catalogue section 2).
/// <list type="bullet">
/// <item>The decision is the strongest outcome that fired. Precautions with outcome ELIGIBLE_WITH_PRECAUTIONS
/// (PRE-IGA, PRE-RENAL, PRE-THROMBO) lift ELIGIBLE; the advisory precautions (PRE-HYDRATION, PRE-PREMED,
/// PRE-MALTOSE, ...) have outcome ELIGIBLE, so they are listed but never change the decision.</item>
/// <item>ELIG-MISSING: a rule that cannot decide for want of facts reports them. They count only when knowing
/// them could change the decision: the rule's outcome is stronger than what already fired, or it is an
/// indication rule while no indication rule has fired and nothing as strong as the no-indication outcome has
/// fired. ELIG-MISSING (INSUFFICIENT_DATA) then lists them all in one reason. So a contraindicated patient is
/// not asked for more, and an ELIGIBLE from one indication rule is not held up by another ELIGIBLE rule's
/// unknowns.</item>
/// <item>ELIG-NO-INDICATION: when all facts are known and no indication rule (ELIG-*) fired, the catalogue
/// offers no indication for this purpose (e.g. an acute relapse that responded to corticosteroids, relapse
/// prevention in CIS/SPMS/PPMS outside pregnancy, slowing progression in RRMS). The engine then does not
/// answer ELIGIBLE: it answers CONSIDER_ALTERNATIVE_FIRST, the seed's stance that IVIG is an alternative
/// reserved for specific situations. It is the mildest non-eligible outcome and can be overridden with an
/// audited reason. This is an engine finding pending clinical review, not a catalogue rule.</item>
/// </list>
/// </summary>
public sealed class EligibilityEngine
{
    public const string MissingFactsRuleId = "ELIG-MISSING";
    public const string NoIndicationRuleId = "ELIG-NO-INDICATION";

    private const string MissingFactsSource = "ivig-ms-rules section 2 (ELIG-MISSING)";
    private const string NoIndicationSource = "engine: no catalogue indication matched; pending clinical review";

    /// <summary>The decision when no indication rule fired (see the class comment).</summary>
    private const EligibilityOutcome NoIndicationOutcome = EligibilityOutcome.ConsiderAlternativeFirst;

    private readonly RuleCatalogue _catalogue;

    public EligibilityEngine()
        : this(RuleCatalogue.Default)
    {
    }

    public EligibilityEngine(RuleCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _catalogue = catalogue;
    }

    public RuleCatalogue Catalogue => _catalogue;

    /// <exception cref="ArgumentException">The context's thresholds are invalid (see <see cref="EligibilityThresholds.Validate"/>).</exception>
    public EligibilityResult Assess(PatientFacts facts, EligibilityContext ctx)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(ctx);
        var thresholdErrors = ctx.Thresholds.Validate();
        if (thresholdErrors.Count > 0)
        {
            throw new ArgumentException("Invalid eligibility thresholds: " + string.Join(" ", thresholdErrors), nameof(ctx));
        }

        var evaluations = _catalogue.Rules.Select(rule => (Rule: rule, Result: rule.Evaluate(facts, ctx))).ToList();
        var fired = evaluations.Where(e => e.Result.Fired).ToList();
        var firedDecision = fired.Select(e => e.Rule.Outcome).DefaultIfEmpty(EligibilityOutcome.Eligible).Max();
        var indicationMatched = fired.Any(e => e.Rule.IsIndicationRule);

        var undecided = evaluations
            .Where(e => e.Result.IsUndetermined
                && (e.Rule.Outcome > firedDecision
                    || (e.Rule.IsIndicationRule && !indicationMatched && firedDecision < NoIndicationOutcome)))
            .ToList();
        var missingFacts = undecided.SelectMany(e => e.Result.MissingFacts).Distinct().ToList();

        var reasons = fired
            .Select(e => new EligibilityReason(e.Rule.Id, e.Rule.Outcome, e.Result.Reason, e.Rule.Source))
            .ToList();
        if (missingFacts.Count > 0)
        {
            reasons.Add(new EligibilityReason(
                MissingFactsRuleId,
                EligibilityOutcome.InsufficientData,
                $"Cannot decide without: {string.Join(", ", missingFacts)} " +
                $"(needed by {string.Join(", ", undecided.Select(e => e.Rule.Id))}).",
                MissingFactsSource));
        }
        else if (!indicationMatched)
        {
            reasons.Add(new EligibilityReason(
                NoIndicationRuleId,
                NoIndicationOutcome,
                "No catalogue indication for IVIG matches this purpose and situation: consider standard therapy first.",
                NoIndicationSource));
        }

        var decision = reasons.Select(r => r.Outcome).DefaultIfEmpty(EligibilityOutcome.Eligible).Max();
        var firedIds = fired.Select(e => e.Rule.Id).ToHashSet(StringComparer.Ordinal);

        return new EligibilityResult(
            decision,
            [.. reasons.OrderByDescending(r => r.Outcome)],
            [.. fired.Where(e => e.Rule.Kind == RuleKind.Precaution).Select(e => new Precaution(e.Rule.Id, e.Result.Reason))],
            missingFacts,
            Constraints(facts, ctx.Thresholds, firedIds),
            _catalogue.Version);
    }

    private static ProductConstraints Constraints(PatientFacts facts, EligibilityThresholds thresholds, HashSet<string> fired)
    {
        var excluded = new SortedSet<string>(StringComparer.Ordinal);
        if (fired.Contains(FructosePrecautionRule.RuleId))
        {
            excluded.Add(Stabilizers.Sorbitol);
        }

        if (fired.Contains(ProlinePrecautionRule.RuleId))
        {
            excluded.Add(Stabilizers.Proline);
        }

        var riskCap = fired.Contains(RenalPrecautionRule.RuleId) || fired.Contains(ThrombosisPrecautionRule.RuleId);
        return new ProductConstraints(
            MaxIgaMicrogramsPerMl: fired.Contains(IgaPrecautionRule.RuleId) ? thresholds.LowIgaProductMaxMicrogramsPerMl : null,
            ExcludedStabilizers: excluded,
            RateCapRequired: riskCap,
            PremedicationRequired: fired.Contains(PremedicationPrecautionRule.RuleId),
            HydrationRequired: riskCap || fired.Contains(HydrationPrecautionRule.RuleId),
            RenalRisk: RiskAssessment.RenalRisk(facts, thresholds),
            ThrombosisRisk: RiskAssessment.ThrombosisRisk(facts, thresholds));
    }
}

using System.Globalization;
using System.Text;
using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Grpc;

namespace Ivig.Eligibility.CdsHooks;

/// <summary>
/// One card per assessment: indicator from the decision, a summary under 140 characters naming the decision and
/// the rules that decided it, the catalogue as source, and a Markdown detail with every reason, precaution,
/// missing fact (with where the record or the order should carry it) and reading note.
/// </summary>
internal static class CardBuilder
{
    /// <summary>CDS Hooks 2.0: a summary is "&lt;140-character".</summary>
    public const int MaxSummaryLength = 139;

    public const string SourceLabelPrefix = "IVIG in MS rule catalogue ";

    public static string Indicator(EligibilityOutcome decision) => decision switch
    {
        EligibilityOutcome.Contraindicated or EligibilityOutcome.NotRecommended => "critical",
        EligibilityOutcome.ConsiderAlternativeFirst or EligibilityOutcome.InsufficientData => "warning",
        _ => "info",
    };

    public static Card Build(EligibilityResult result, RuleCatalogue catalogue, DateOnly today, IReadOnlyList<string> notes) =>
        new(Guid.NewGuid().ToString(),
            Summary(result, catalogue),
            Detail(result, today, notes),
            Indicator(result.Decision),
            new CardSource(SourceLabelPrefix + result.CatalogueVersion));

    /// <summary>"IVIG CONTRAINDICATED: CI-HYPERSENS, CI-IGA-AB"; for INSUFFICIENT_DATA the missing facts.</summary>
    public static string Summary(EligibilityResult result, RuleCatalogue catalogue)
    {
        var insufficient = result.Decision == EligibilityOutcome.InsufficientData && result.MissingFacts.Count > 0;
        var prefix = $"IVIG {result.Decision.ToEventName()}: {(insufficient ? "needs " : "")}";
        List<string> items = insufficient ? [.. result.MissingFacts] : DecidingRuleIds(result, catalogue);
        if (items.Count == 0)
        {
            return prefix.TrimEnd(' ', ':');
        }

        var summary = new StringBuilder(prefix);
        for (var i = 0; i < items.Count; i++)
        {
            var separator = i == 0 ? "" : ", ";
            var more = i < items.Count - 1 ? $" +{items.Count - i - 1} more" : "";
            if (summary.Length + separator.Length + items[i].Length + more.Length > MaxSummaryLength)
            {
                summary.Append(CultureInfo.InvariantCulture, $" +{items.Count - i} more");
                break;
            }

            summary.Append(separator).Append(items[i]);
        }

        return summary.ToString();
    }

    /// <summary>
    /// The reasons with the decision's outcome; for an eligible decision the indication rules (ELIG-*) and, with
    /// precautions, the precautions that lifted it. Advisory precautions are in the detail only.
    /// </summary>
    private static List<string> DecidingRuleIds(EligibilityResult result, RuleCatalogue catalogue)
    {
        bool IsDecisionRule(string id) => catalogue.Find(id)?.Kind == RuleKind.Decision;
        return result.Decision switch
        {
            EligibilityOutcome.Eligible => [.. result.Reasons.Where(r => r.Outcome == EligibilityOutcome.Eligible && IsDecisionRule(r.RuleId)).Select(r => r.RuleId)],
            EligibilityOutcome.EligibleWithPrecautions =>
            [
                .. result.Reasons.Where(r => r.Outcome == EligibilityOutcome.Eligible && IsDecisionRule(r.RuleId)).Select(r => r.RuleId),
                .. result.Reasons.Where(r => r.Outcome == EligibilityOutcome.EligibleWithPrecautions).Select(r => r.RuleId),
            ],
            _ => [.. result.Reasons.Where(r => r.Outcome == result.Decision).Select(r => r.RuleId)],
        };
    }

    private static string Detail(EligibilityResult result, DateOnly today, IReadOnlyList<string> notes)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture,
            $"**Decision: {result.Decision.ToEventName()}** (rule catalogue `{result.CatalogueVersion}`, assessed for {today:yyyy-MM-dd})\n\n");

        md.Append("**Reasons**\n\n");
        foreach (var reason in result.Reasons)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"- **{reason.RuleId}** ({reason.Outcome.ToEventName()}): {Escape(reason.Text)} _Source: {Escape(reason.Source)}_\n");
        }

        if (result.Precautions.Count > 0)
        {
            md.Append("\n**Precautions**\n\n");
            foreach (var precaution in result.Precautions)
            {
                md.Append(CultureInfo.InvariantCulture, $"- **{precaution.RuleId}**: {Escape(precaution.Text)}\n");
            }
        }

        if (result.MissingFacts.Count > 0)
        {
            md.Append("\n**Missing facts** (a decision needs them)\n\n");
            foreach (var fact in result.MissingFacts)
            {
                md.Append(CultureInfo.InvariantCulture, $"- `{fact}`: {Escape(WhereToRecord(fact))}\n");
            }
        }

        var constraints = Constraints(result.ProductConstraints);
        if (constraints.Count > 0)
        {
            md.Append("\n**Product constraints**: ").Append(Escape(string.Join("; ", constraints))).Append('\n');
        }

        if (notes.Count > 0)
        {
            md.Append("\n**Reading the record**\n\n");
            foreach (var note in notes)
            {
                md.Append("- ").Append(Escape(note)).Append('\n');
            }
        }

        md.Append("\nDecision support only: the prescriber decides. Planning a regimen needs a recorded assessment (AssessEligibility).");
        return md.ToString();
    }

    private static List<string> Constraints(ProductConstraints constraints)
    {
        var list = new List<string>();
        if (constraints.MaxIgaMicrogramsPerMl is { } maxIga)
        {
            list.Add(string.Create(CultureInfo.InvariantCulture, $"product IgA at most {maxIga} µg/mL"));
        }

        if (constraints.ExcludedStabilizers.Count > 0)
        {
            list.Add("no product containing " + string.Join(" or ", constraints.ExcludedStabilizers));
        }

        if (constraints.RateCapRequired)
        {
            list.Add("at-risk rate cap (DOSE-CAP)");
        }

        return list;
    }

    /// <summary>Where a missing fact comes from, in this service's mapping (docs/interop.md (CDS Hooks)).</summary>
    internal static string WhereToRecord(string fact) => fact switch
    {
        FactNames.Purpose => $"reasonCode of the draft IVIG order from {CodeSystems.TreatmentPurpose} (acute-relapse, relapse-prevention, progression)",
        FactNames.Phenotype => "an active Condition for RRMS, SPMS, PPMS or CIS (SNOMED CT)",
        FactNames.PregnancyState => "an active Condition for pregnancy, postpartum state or breastfeeding (SNOMED CT)",
        FactNames.DeliveryDate => "the onset of the postpartum-state Condition",
        FactNames.PriorHypersensitivity => "an AllergyIntolerance to human immunoglobulin with its criticality or reaction severity, or a 'no known (drug) allergy' entry",
        FactNames.SerumIgaMgDl => "an Observation LOINC 2458-8 (serum IgA)",
        FactNames.AntiIgaAntibodies => "an Observation LOINC 13312-4 (anti-IgA antibodies) with a positive/negative value or interpretation",
        FactNames.DmtFeasible or FactNames.CorticosteroidsGiven or FactNames.CorticosteroidResponse
            or FactNames.PlasmaExchange or FactNames.PlasmaExchangeResponse =>
            $"sub-extension '{OrderExtensionName(fact)}' of {CodeSystems.EligibilityContextExtension} on the draft IVIG order",
        _ => "not in the record as prefetched; assess through the Eligibility API",
    };

    private static string OrderExtensionName(string fact) => fact switch
    {
        FactNames.DmtFeasible => DraftOrderReader.DmtsFeasible,
        FactNames.CorticosteroidsGiven => DraftOrderReader.CorticosteroidsGiven,
        FactNames.CorticosteroidResponse => DraftOrderReader.CorticosteroidResponse,
        FactNames.PlasmaExchange => DraftOrderReader.PlasmaExchange,
        _ => DraftOrderReader.PlasmaExchangeResponse,
    };

    /// <summary>Backslash-escapes the characters GitHub Flavored Markdown would read as markup.</summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '~')
            {
                escaped.Append('\\');
            }

            escaped.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return escaped.ToString();
    }
}

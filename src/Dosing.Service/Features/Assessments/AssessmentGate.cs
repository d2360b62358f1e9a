using Ivig.Dosing.Domain;
using Ivig.Eligibility.V1;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Dosing.Features.Assessments;

/// <summary>
/// Whether an eligibility assessment allows a regimen (rule catalogue section 2): CONTRAINDICATED never;
/// NOT_RECOMMENDED and CONSIDER_ALTERNATIVE_FIRST only after a prescriber's recorded override;
/// INSUFFICIENT_DATA not until reassessed; and only a product inside the assessment's constraints.
/// </summary>
public static class AssessmentGate
{
    /// <exception cref="PreconditionFailedException">The assessment does not allow a regimen.</exception>
    public static AssessmentClearance Clear(Guid assessmentId, Assessment assessment, ProductCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(catalogue);
        var id = assessmentId.ToString("D");
        var overridden = assessment.Override is { } o && !string.IsNullOrWhiteSpace(o.Reason);
        switch (assessment.Decision)
        {
            case Decision.Eligible:
            case Decision.EligibleWithPrecautions:
                break;
            case Decision.Contraindicated:
                throw new PreconditionFailedException(
                    GateConditions.AssessmentContraindicated,
                    $"Assessment '{id}' is CONTRAINDICATED ({RuleIds(assessment, Decision.Contraindicated)}): IVIG must not be given, and no override exists for a contraindication.");
            case Decision.NotRecommended:
            case Decision.ConsiderAlternativeFirst:
                if (!overridden)
                {
                    throw new PreconditionFailedException(
                        GateConditions.OverrideRequired,
                        $"Assessment '{id}' is {Name(assessment.Decision)} ({RuleIds(assessment, assessment.Decision)}): a prescriber must record an override with a reason in Eligibility (RecordOverride) before a regimen is planned.");
                }

                break;
            case Decision.InsufficientData:
                throw new PreconditionFailedException(
                    GateConditions.AssessmentInsufficientData,
                    $"Assessment '{id}' is INSUFFICIENT_DATA (missing: {Join(assessment.MissingFacts)}): reassess with those facts before planning a regimen.");
            default:
                // Fail closed on a decision this version does not know.
                throw new PreconditionFailedException(
                    GateConditions.AssessmentUndecided,
                    $"Assessment '{id}' has no decision Dosing can act on ({assessment.Decision}); reassess in Eligibility.");
        }

        var constraints = assessment.Constraints;
        return new AssessmentClearance(
            assessmentId,
            assessment.PatientReference,
            assessment.Decision.ToString(),
            overridden && assessment.Decision is Decision.NotRecommended or Decision.ConsiderAlternativeFirst,
            AssessmentConstraints.ToDomain(constraints, catalogue),
            constraints?.AtRiskRateCapRequired ?? false);
    }

    /// <exception cref="PreconditionFailedException">The product is outside the assessment's constraints; the message names every reason.</exception>
    public static void CheckProduct(Product product, AssessmentClearance clearance)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(clearance);
        var refusals = clearance.Constraints.Check(product);
        if (refusals.Count > 0)
        {
            throw new PreconditionFailedException(
                GateConditions.ProductNotAllowed,
                $"Product '{product.Id}' is not allowed for assessment '{clearance.AssessmentId}': {string.Join("; ", refusals.Select(r => r.Message))}. ListProducts with this assessment_id lists the products that are.");
        }
    }

    private static string RuleIds(Assessment assessment, Decision outcome)
    {
        var ids = assessment.Reasons.Where(r => r.Outcome == outcome).Select(r => r.RuleId).ToList();
        return ids.Count == 0 ? "no rule id given" : string.Join(", ", ids);
    }

    private static string Join(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? "not listed" : string.Join(", ", list);
    }

    private static string Name(Decision decision) => decision switch
    {
        Decision.NotRecommended => "NOT_RECOMMENDED",
        Decision.ConsiderAlternativeFirst => "CONSIDER_ALTERNATIVE_FIRST",
        _ => decision.ToString(),
    };
}

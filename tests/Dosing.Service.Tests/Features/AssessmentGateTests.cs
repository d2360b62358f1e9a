using Ivig.Dosing.Features.Assessments;
using Ivig.Dosing.Tests.Domain;
using Ivig.Dosing.Tests.Fakes;
using Ivig.Eligibility.V1;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Dosing.Tests.Features;

/// <summary>The eligibility gate of PlanRegimen (rule catalogue section 2) and the assessment's product constraints.</summary>
public class AssessmentGateTests
{
    private static readonly Guid Id = Guid.NewGuid();

    private static AssessmentClearance Clear(Assessment assessment) => AssessmentGate.Clear(Id, assessment, ShippedCatalogue.Value);

    private static PreconditionFailedException Refused(Assessment assessment) =>
        Assert.Throws<PreconditionFailedException>(() => Clear(assessment));

    [Theory]
    [InlineData(Decision.Eligible)]
    [InlineData(Decision.EligibleWithPrecautions)]
    public void Eligible_assessments_allow_a_regimen(Decision decision)
    {
        var clearance = Clear(FakeEligibility.Assessment(decision));

        Assert.Equal(Id, clearance.AssessmentId);
        Assert.Equal("patient-ref-1", clearance.PatientReference);
        Assert.False(clearance.Overridden);
        Assert.False(clearance.AtRiskCapRequired);
    }

    [Fact]
    public void Contraindicated_is_refused_even_with_an_override()
    {
        var assessment = FakeEligibility.Assessment(Decision.Contraindicated);
        assessment.Reasons.Add(new Reason { RuleId = "CI-HYPERSENS", Outcome = Decision.Contraindicated });
        assessment.Override = new Override { Reason = "should never count" };

        var ex = Refused(assessment);

        Assert.Equal("ASSESSMENT_CONTRAINDICATED", ex.Condition);
        Assert.Contains("CI-HYPERSENS", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Decision.NotRecommended, "NOT_RECOMMENDED")]
    [InlineData(Decision.ConsiderAlternativeFirst, "CONSIDER_ALTERNATIVE_FIRST")]
    public void Not_recommended_and_consider_alternative_first_need_a_recorded_override(Decision decision, string name)
    {
        var ex = Refused(FakeEligibility.Assessment(decision));

        Assert.Equal("OVERRIDE_REQUIRED", ex.Condition);
        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
        Assert.Contains("RecordOverride", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_without_a_reason_does_not_count()
    {
        var assessment = FakeEligibility.Assessment(Decision.NotRecommended);
        assessment.Override = new Override { Reason = " " };

        Assert.Equal("OVERRIDE_REQUIRED", Refused(assessment).Condition);
    }

    [Theory]
    [InlineData(Decision.NotRecommended)]
    [InlineData(Decision.ConsiderAlternativeFirst)]
    public void A_recorded_override_allows_the_regimen(Decision decision)
    {
        var assessment = FakeEligibility.Assessment(decision);
        assessment.Override = new Override { Reason = "steroids refused by the patient", By = new() { Subject = "dr-house", Role = "prescriber" } };

        var clearance = Clear(assessment);

        Assert.True(clearance.Overridden);
    }

    [Fact]
    public void Insufficient_data_is_refused_listing_the_missing_facts()
    {
        var assessment = FakeEligibility.Assessment(Decision.InsufficientData);
        assessment.MissingFacts.Add("corticosteroids_given");

        var ex = Refused(assessment);

        Assert.Equal("ASSESSMENT_INSUFFICIENT_DATA", ex.Condition);
        Assert.Contains("corticosteroids_given", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Decision.Unspecified)]
    [InlineData((Decision)42)]
    public void An_unknown_decision_fails_closed(Decision decision) =>
        Assert.Equal("ASSESSMENT_UNDECIDED", Refused(FakeEligibility.Assessment(decision)).Condition);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_at_risk_cap_follows_the_assessment(bool required)
    {
        var clearance = Clear(FakeEligibility.Assessment(Decision.EligibleWithPrecautions, c => c.AtRiskRateCapRequired = required));

        Assert.Equal(required, clearance.AtRiskCapRequired);
    }

    [Fact]
    public void A_product_above_the_iga_ceiling_is_refused_with_the_reason()
    {
        var clearance = Clear(FakeEligibility.Assessment(Decision.EligibleWithPrecautions, c => c.MaxIgaMicrogramsPerMl = 25));

        AssessmentGate.CheckProduct(ShippedCatalogue.Get("privigen"), clearance); // IgA ≤ 25: allowed
        var ex = Assert.Throws<PreconditionFailedException>(() => AssessmentGate.CheckProduct(ShippedCatalogue.Get("octagam-10"), clearance));

        Assert.Equal("PRODUCT_NOT_ALLOWED", ex.Condition);
        Assert.Contains("IgA up to 106 µg/mL is above the 25 µg/mL allowed", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sorbitol")]
    [InlineData("SORBITOL")]
    [InlineData("D-sorbitol")]
    public void Fructose_intolerance_excludes_sorbitol_products_however_eligibility_spells_it(string name)
    {
        // PRE-FRUCTOSE. Eligibility excludes a product whose stabilizer contains the name; the catalogue says "sorbitol".
        var clearance = Clear(FakeEligibility.Assessment(Decision.EligibleWithPrecautions, c => c.ExcludedStabilizers.Add(name)));

        var refusals = new[] { "flebogamma-10-dif", "flebogamma-5-dif" }
            .Select(id => clearance.Constraints.Check(ShippedCatalogue.Get(id)))
            .ToList();

        Assert.All(refusals, r => Assert.Contains(r, x => x.Reason == Ivig.Dosing.Domain.ProductRefusalReason.StabilizerExcluded));
        Assert.Empty(clearance.Constraints.Check(ShippedCatalogue.Get("privigen")));
    }

    [Fact]
    public void Several_refusal_reasons_are_all_named()
    {
        var clearance = Clear(FakeEligibility.Assessment(Decision.EligibleWithPrecautions, c =>
        {
            c.MaxIgaMicrogramsPerMl = 25;
            c.ExcludedStabilizers.Add("sorbitol");
        }));

        var ex = Assert.Throws<PreconditionFailedException>(() => AssessmentGate.CheckProduct(ShippedCatalogue.Get("flebogamma-10-dif"), clearance));

        Assert.Contains("IgA", ex.Message, StringComparison.Ordinal);
        Assert.Contains("stabilizer 'sorbitol' is excluded", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unusable_iga_ceiling_fails_closed()
    {
        var assessment = FakeEligibility.Assessment(Decision.EligibleWithPrecautions, c => c.MaxIgaMicrogramsPerMl = double.NaN);

        Assert.Equal("ASSESSMENT_CONSTRAINTS_INVALID", Refused(assessment).Condition);
    }
}

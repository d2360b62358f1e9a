using Ivig.Testing;
using Google.Rpc;
using Grpc.Core;
using Ivig.Dosing.V1;
using Ivig.Eligibility.V1;
using EligibilitySex = Ivig.Eligibility.V1.Sex;
using DosingSex = Ivig.Dosing.V1.Sex;

namespace Ivig.EndToEnd;

/// <summary>
/// Assess in Eligibility, then plan in Dosing, all through the gateway on real Redis and RabbitMQ: the worked example
/// (70 kg, 175 cm man, acute relapse: 28 g computed, 30 g given, 5 days, 300 mL a day at 10%), the eligibility gate,
/// bad input, and products filtered by an assessment's constraints.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class DosingFlowTests(SuiteFixture suite)
{
    private static readonly Metadata Prescriber = Ivig.Testing.DevTokens.For("e2e-prescriber", "prescriber");

    private DosingService.DosingServiceClient Dosing => new(suite.GatewayChannel);

    private EligibilityService.EligibilityServiceClient Eligibility => new(suite.GatewayChannel);

    /// <summary>Third-line IVIG for an acute relapse (ELIG-AR-REFRACTORY), every risk fact known and negative.</summary>
    private static PatientFacts RefractoryRelapse() => ExamplePatients.RefractoryRelapse(EligibilitySex.Male, ageYears: 40, heightCm: 175);

    private async Task<Assessment> AssessAsync(PatientFacts facts) =>
        (await Eligibility.AssessEligibilityAsync(
            new AssessEligibilityRequest { PatientReference = "e2e-" + Guid.NewGuid().ToString("N")[..8], Facts = facts },
            Prescriber)).Assessment;

    private async Task<Assessment> EligibleAsync()
    {
        var assessment = await AssessAsync(RefractoryRelapse());
        Assert.True(
            assessment.Decision is Decision.Eligible or Decision.EligibleWithPrecautions,
            $"the refractory-relapse facts should be eligible, Eligibility said {assessment.Decision} (missing: {string.Join(", ", assessment.MissingFacts)})");
        return assessment;
    }

    private static PlanRegimenRequest Man70Kg(string assessmentId, string productId = "privigen") => new()
    {
        AssessmentId = assessmentId,
        ProductId = productId,
        Indication = Indication.AcuteRelapse,
        Sex = DosingSex.Male,
        HeightCm = 175,
        WeightKg = 70,
    };

    [Fact]
    public async Task An_eligible_assessment_gets_a_5_day_regimen_with_rounded_grams_and_a_ladder_in_both_units()
    {
        var assessment = await EligibleAsync();

        var regimen = (await Dosing.PlanRegimenAsync(Man70Kg(assessment.AssessmentId), Prescriber)).Regimen;

        // 70 kg (BMI 22.9: actual weight) x 0.4 g/kg = 28 g, nearest 5 g = 30 g = 20 + 10 g vials = 300 mL at 10%.
        Assert.Equal(5, regimen.Days.Count);
        Assert.All(regimen.Days, d => Assert.Equal((28.0, 30.0, 300.0), (d.ComputedGrams, d.Grams, d.VolumeMl)));
        Assert.Equal(150.0, regimen.TotalGramsPerCourse);
        Assert.Equal(assessment.AssessmentId, regimen.AssessmentId);
        Assert.Equal(assessment.PatientReference, regimen.PatientReference);
        // Privigen ladder for 70 kg: mL/h = mg/kg/min x 70 x 60 / 100.
        Assert.Equal(
            [(0.5, 21.0, 0.0), (2.0, 84.0, 30.0), (4.0, 168.0, 60.0), (8.0, 336.0, 90.0)],
            regimen.Ladder.Select(s => (s.Rate.MgPerKgPerMin, s.Rate.MlPerHour, s.StartsAtMinute)));
        Assert.Equal(10.0, regimen.Product.ConcentrationPercent);
        Assert.Contains(regimen.Rules, r => r.RuleId == "DOSE-ACUTE");
        Assert.NotEmpty(regimen.Premedication);
        Assert.False(string.IsNullOrWhiteSpace(regimen.Hydration));
    }

    [Fact]
    public async Task A_planned_regimen_reads_back_unchanged()
    {
        var assessment = await EligibleAsync();
        var planned = (await Dosing.PlanRegimenAsync(Man70Kg(assessment.AssessmentId), Prescriber)).Regimen;

        var read = (await Dosing.GetRegimenAsync(new GetRegimenRequest { RegimenId = planned.RegimenId })).Regimen;

        Assert.Equal(planned, read);

        // The regimen lives in durable Redis, not in the process: a restarted Dosing reads it back unchanged.
        await suite.RestartResourceAsync("dosing");
        var afterRestart = (await Dosing.GetRegimenAsync(new GetRegimenRequest { RegimenId = planned.RegimenId })).Regimen;
        Assert.Equal(planned, afterRestart);
    }

    [Fact]
    public async Task An_unknown_regimen_is_NotFound()
    {
        await RpcErrors.ExpectAsync(StatusCode.NotFound,
            () => Dosing.GetRegimenAsync(new GetRegimenRequest { RegimenId = Guid.NewGuid().ToString() }).ResponseAsync);
    }

    [Fact]
    public async Task A_contraindicated_assessment_is_refused_with_FailedPrecondition()
    {
        var facts = RefractoryRelapse();
        facts.PriorHypersensitivity = HypersensitivityHistory.SevereSystemicOrAnaphylaxis; // CI-HYPERSENS
        var assessment = await AssessAsync(facts);
        Assert.Equal(Decision.Contraindicated, assessment.Decision);

        var ex = await RpcErrors.ExpectAsync(StatusCode.FailedPrecondition,
            () => Dosing.PlanRegimenAsync(Man70Kg(assessment.AssessmentId), Prescriber).ResponseAsync);

        var failure = ex.GetRpcStatus()?.GetDetail<PreconditionFailure>();
        Assert.Equal("ASSESSMENT_CONTRAINDICATED", Assert.Single(failure!.Violations).Type);
    }

    [Fact]
    public async Task A_bad_weight_is_InvalidArgument_with_the_field()
    {
        var assessment = await EligibleAsync();
        var request = Man70Kg(assessment.AssessmentId);
        request.WeightKg = 1000;

        var ex = await RpcErrors.ExpectAsync(StatusCode.InvalidArgument, () => Dosing.PlanRegimenAsync(request, Prescriber).ResponseAsync);

        Assert.Contains("weight_kg", RpcErrors.FieldViolations(ex));
    }

    [Fact]
    public async Task An_unknown_assessment_is_NotFound()
    {
        await RpcErrors.ExpectAsync(StatusCode.NotFound,
            () => Dosing.PlanRegimenAsync(Man70Kg(Guid.NewGuid().ToString()), Prescriber).ResponseAsync);
    }

    [Fact]
    public async Task ListProducts_for_an_IgA_deficient_patient_keeps_only_products_with_IgA_up_to_25()
    {
        var facts = RefractoryRelapse();
        // IgA deficiency (< 7 mg/dL), no anti-IgA antibodies, no hypersensitivity at all: PRE-IGA. With an IgA finding a
        // non-severe reaction matters (CI-IGA-AB), so the history is stated in full rather than as the severe-only flag.
        facts.SerumIgaMgPerDl = 5;
        facts.PriorHypersensitivity = HypersensitivityHistory.None;
        var assessment = await AssessAsync(facts);
        Assert.True(assessment.Constraints.HasMaxIgaMicrogramsPerMl, $"PRE-IGA should set an IgA ceiling; decision {assessment.Decision}");

        var all = await Dosing.ListProductsAsync(new ListProductsRequest());
        var allowed = await Dosing.ListProductsAsync(new ListProductsRequest { AssessmentId = assessment.AssessmentId });

        Assert.NotEmpty(allowed.Products);
        Assert.All(allowed.Products, p => Assert.True(p.IgaMaxMicrogramsPerMl <= 25, $"{p.Name}: IgA {p.IgaMaxMicrogramsPerMl}"));
        Assert.Contains(allowed.Products, p => p.ProductId == "privigen");
        Assert.True(allowed.Products.Count < all.Products.Count);
    }

    // The reaction path (a reported reaction and its redelivery give one order id) is in MonitoringFlowTests.
}

using Ivig.Monitoring.Domain;
using Xunit;

namespace Ivig.Monitoring.Tests.Domain;

public class InfusionSessionStartTests
{
    [Fact]
    public void Start_runs_at_the_first_ladder_step()
    {
        var session = TestData.Start();

        Assert.Equal(InfusionState.Running, session.State);
        Assert.Equal(0, session.CurrentStepIndex);
        Assert.Equal(1m, session.CurrentRateMgPerKgMin);
        Assert.Equal(42m, session.CurrentRateMlPerHour);
        Assert.Equal(1, session.Version);
        var change = Assert.Single(session.RateHistory);
        Assert.Equal(RateChangeSource.Start, change.Source);
        var baseline = Assert.Single(session.RecordedVitals);
        Assert.Equal(baseline, session.LatestVitals);
        Assert.True(baseline.IsBaseline);
        Assert.Equal(TestData.Baseline, session.BaselineVitals);
    }

    [Fact]
    public void Start_requires_baseline_vitals()
    {
        var ex = TestData.Violation(() => InfusionSession.Start(Guid.NewGuid(), TestData.Plan(), null, TestData.Checks, TestData.T0));
        Assert.Equal(ViolationConditions.BaselineVitalsMissing, ex.Condition);
    }

    [Fact]
    public void Start_requires_confirmed_hydration()
    {
        var checks = TestData.Checks with { HydrationConfirmed = false };
        var ex = TestData.Violation(() => InfusionSession.Start(Guid.NewGuid(), TestData.Plan(), TestData.Baseline, checks, TestData.T0));
        Assert.Equal(ViolationConditions.HydrationNotConfirmed, ex.Condition);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Start_requires_premedication_or_a_documented_reason(string? reason)
    {
        var checks = new PreInfusionChecks(HydrationConfirmed: true, PremedicationGiven: false, PremedicationOmittedReason: reason);
        var ex = TestData.Violation(() => InfusionSession.Start(Guid.NewGuid(), TestData.Plan(), TestData.Baseline, checks, TestData.T0));
        Assert.Equal(ViolationConditions.PremedicationNotDocumented, ex.Condition);
    }

    [Fact]
    public void Start_accepts_omitted_premedication_with_a_reason()
    {
        var checks = new PreInfusionChecks(true, false, "Patient declined; documented by prescriber");
        var session = InfusionSession.Start(Guid.NewGuid(), TestData.Plan(), TestData.Baseline, checks, TestData.T0);
        Assert.Equal(InfusionState.Running, session.State);
    }

    [Fact]
    public void Start_rejects_implausible_baseline_vitals_as_invalid_input()
    {
        var bad = TestData.Baseline with { TemperatureC = 50m };
        var ex = Assert.Throws<DomainValidationException>(() => InfusionSession.Start(Guid.NewGuid(), TestData.Plan(), bad, TestData.Checks, TestData.T0));
        Assert.Equal("baselineVitals.temperatureCelsius", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void Start_rejects_a_first_step_above_the_risk_cap()
    {
        var ex = TestData.Violation(() => TestData.Start(atRiskCap: 0.5m));
        Assert.Equal(ViolationConditions.AboveRiskCap, ex.Condition);
    }

    [Fact]
    public void Start_rejects_a_first_step_above_the_product_maximum()
    {
        var ex = TestData.Violation(() => TestData.Start(productMax: 0.8m));
        Assert.Equal(ViolationConditions.AboveProductMax, ex.Condition);
    }

    [Fact]
    public void Start_rejects_a_malformed_ladder()
    {
        TitrationStep[] ladder = [new(2m, 84m, 30), new(1m, 42m, null)];
        var ex = Assert.Throws<DomainValidationException>(() => TestData.Start(ladder: ladder));
        Assert.Contains(ex.Violations, v => v.Field == "ladder[1].rateMgPerKgMin");

        TitrationStep[] noDuration = [new(1m, 42m, null), new(2m, 84m, null)];
        ex = Assert.Throws<DomainValidationException>(() => TestData.Start(ladder: noDuration));
        Assert.Contains(ex.Violations, v => v.Field == "ladder[0].durationMinutes");

        ex = Assert.Throws<DomainValidationException>(() => TestData.Start(ladder: []));
        Assert.Contains(ex.Violations, v => v.Field == "ladder");
    }

    [Theory]
    [InlineData(1.9)]
    [InlineData(400.1)]
    public void Start_rejects_an_implausible_dosing_weight(double weight)
    {
        var plan = TestData.Plan() with { DosingWeightKg = (decimal)weight };
        var ex = Assert.Throws<DomainValidationException>(() => InfusionSession.Start(Guid.NewGuid(), plan, TestData.Baseline, TestData.Checks, TestData.T0));
        Assert.Equal("dosingWeightKg", Assert.Single(ex.Violations).Field);
    }
}

using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Domain.Rules;
using Xunit;

namespace Ivig.Eligibility.Tests.Domain;

/// <summary>PRE-RENAL, PRE-THROMBO, PRE-MENINGITIS, PRE-HEMOLYSIS, PRE-FRUCTOSE, PRE-PROLINE, PRE-MALTOSE, PRE-BASELINE-LABS, PRE-HYDRATION, PRE-PREMED.</summary>
public class PrecautionRuleTests
{
    private static readonly EligibilityContext Ctx = TestFacts.Context();

    private static PatientFacts Prevention() => TestFacts.RrmsPreventionDmtNotFeasible();

    [Fact]
    public void Renal_fires_on_a_known_factor_and_names_it()
    {
        var result = new RenalPrecautionRule().Evaluate(Prevention() with { Diabetes = true }, Ctx);
        Assert.True(result.Fired);
        Assert.Contains(FactNames.Diabetes, result.Reason);
    }

    [Fact]
    public void Renal_does_not_fire_or_ask_when_factors_are_only_unknown()
    {
        var result = new RenalPrecautionRule().Evaluate(Prevention() with { Diabetes = null, Egfr = null }, Ctx);
        Assert.False(result.Fired);
        Assert.Empty(result.MissingFacts);
    }

    [Fact]
    public void Thrombo_fires_on_a_known_factor() =>
        Assert.True(new ThrombosisPrecautionRule().Evaluate(Prevention() with { EstrogenUse = true }, Ctx).Fired);

    [Fact]
    public void Thrombo_does_not_fire_without_a_factor() =>
        Assert.False(new ThrombosisPrecautionRule().Evaluate(Prevention(), Ctx).Fired);

    [Fact]
    public void Meningitis_fires_for_migraine_history() =>
        Assert.True(new MeningitisPrecautionRule().Evaluate(Prevention() with { MigraineHistory = true }, Ctx).Fired);

    [Fact]
    public void Meningitis_assumes_the_two_g_per_kg_course_for_an_acute_relapse()
    {
        var result = new MeningitisPrecautionRule().Evaluate(TestFacts.RefractoryRelapse(), Ctx);
        Assert.True(result.Fired);
        Assert.Contains("2 g/kg", result.Reason);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(1.9, false)]
    [InlineData(2.0, true)]
    public void Meningitis_uses_the_planned_course_total_outside_acute_relapse(double? total, bool fires) =>
        Assert.Equal(fires, new MeningitisPrecautionRule()
            .Evaluate(Prevention() with { PlannedCourseTotalGPerKg = total }, Ctx).Fired);

    [Fact]
    public void Meningitis_prefers_the_planned_total_over_the_acute_relapse_assumption() =>
        Assert.False(new MeningitisPrecautionRule()
            .Evaluate(TestFacts.RefractoryRelapse() with { PlannedCourseTotalGPerKg = 1.0 }, Ctx).Fired);

    [Theory]
    [InlineData(AboGroup.A, true)]
    [InlineData(AboGroup.AB, true)]
    [InlineData(AboGroup.O, false)]
    [InlineData(null, true)]
    public void Hemolysis_fires_for_non_o_blood_groups_with_a_high_course(AboGroup? group, bool fires) =>
        Assert.Equal(fires, new HemolysisPrecautionRule()
            .Evaluate(TestFacts.RefractoryRelapse() with { AboGroup = group }, Ctx).Fired);

    [Fact]
    public void Hemolysis_does_not_fire_below_the_high_course_total() =>
        Assert.False(new HemolysisPrecautionRule()
            .Evaluate(Prevention() with { AboGroup = AboGroup.A, PlannedCourseTotalGPerKg = 0.4 }, Ctx).Fired);

    [Theory]
    [InlineData(true, true)]
    [InlineData(null, true)]
    [InlineData(false, false)]
    public void Fructose_fires_unless_intolerance_is_excluded(bool? intolerance, bool fires) =>
        Assert.Equal(fires, new FructosePrecautionRule()
            .Evaluate(Prevention() with { HereditaryFructoseIntolerance = intolerance }, Ctx).Fired);

    [Theory]
    [InlineData(true, true)]
    [InlineData(null, false)]
    public void Proline_fires_only_for_known_hyperprolinemia(bool? hyperprolinemia, bool fires) =>
        Assert.Equal(fires, new ProlinePrecautionRule()
            .Evaluate(Prevention() with { Hyperprolinemia = hyperprolinemia }, Ctx).Fired);

    [Theory]
    [InlineData(0, false)]
    [InlineData(30, false)]
    [InlineData(31, true)]
    [InlineData(-1, true)]
    public void BaselineLabs_fires_without_a_creatinine_from_the_last_thirty_days(int daysAgo, bool fires) =>
        Assert.Equal(fires, new BaselineLabsPrecautionRule()
            .Evaluate(Prevention() with { CreatinineMeasuredOn = TestFacts.Today.AddDays(-daysAgo) }, Ctx).Fired);

    [Fact]
    public void BaselineLabs_fires_when_creatinine_or_its_date_is_unknown()
    {
        var rule = new BaselineLabsPrecautionRule();
        Assert.True(rule.Evaluate(Prevention() with { CreatinineMeasuredOn = null }, Ctx).Fired);
        Assert.True(rule.Evaluate(Prevention() with { CreatinineMgDl = null }, Ctx).Fired);
    }

    [Fact]
    public void Everyone_gets_hydration_premedication_and_the_maltose_warning()
    {
        var nothingKnown = new PatientFacts();
        Assert.True(new HydrationPrecautionRule().Evaluate(nothingKnown, Ctx).Fired);
        Assert.True(new PremedicationPrecautionRule().Evaluate(nothingKnown, Ctx).Fired);
        Assert.True(new MaltosePrecautionRule().Evaluate(nothingKnown, Ctx).Fired);
    }

    [Fact]
    public void Premed_doses_come_from_configuration()
    {
        var ctx = TestFacts.Context(new EligibilityThresholds { PremedAcetaminophenMinMg = 500 });
        Assert.Contains("500–1000 mg", new PremedicationPrecautionRule().Evaluate(Prevention(), ctx).Reason);
        Assert.Contains("650–1000 mg", new PremedicationPrecautionRule().Evaluate(Prevention(), Ctx).Reason);
    }
}

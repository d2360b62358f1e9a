using Ivig.Dosing.Domain;
using Ivig.Dosing.Features.RateOrders;
using Ivig.Dosing.Features.Regimens;
using Ivig.Dosing.Grpc;
using Ivig.Dosing.Tests.Domain;
using Ivig.IntegrationEvents;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Dosing.Tests.Features;

/// <summary>The rate after a reaction, computed from the stored regimen (section 6): never above the current rate.</summary>
public class RateOrderFactoryTests
{
    private static readonly ReactionRatePolicy Policy = new(new DosingPolicyOptions());
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    internal static V1.Regimen Regimen(string productId = "privigen", bool capped = false)
    {
        var options = new DosingPolicyOptions();
        var product = ShippedCatalogue.Get(productId);
        var request = new RegimenRequest { Sex = Sex.Male, HeightCm = 175m, ActualWeightKg = 70m, Indication = Indication.AcuteRelapse, AtRiskCapRequired = capped };
        var header = new RegimenHeader(Guid.NewGuid(), Guid.NewGuid(), "patient-ref-1", Now, new Caller("dr-house", "prescriber"), "1.0.0", null);
        return new RegimenPlanner(options).Plan(request, product).ToProto(product, header, new DosingRules(options));
    }

    internal static InfusionReactionReported Reaction(V1.Regimen regimen, string kind, int grade, double current, double lastTolerated = 0, bool stopped = false) => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.Parse(regimen.RegimenId), kind, grade, "RXN-G" + grade, "Nurse", current, lastTolerated, stopped, Now);

    private static StoredRateOrder Create(InfusionReactionReported reaction, V1.Regimen regimen) =>
        RateOrderFactory.Create(reaction, regimen, Policy, Guid.NewGuid(), Now);

    [Fact]
    public void Grade_1_slows_to_half_the_current_rate_in_both_units()
    {
        // RXN-G1: 4 -> 2 mg/kg/min = 2 x 70 x 60 / 100 = 84 mL/h.
        var regimen = Regimen();
        var reaction = Reaction(regimen, "InfusionRelated", 1, current: 4);
        var orderId = Guid.NewGuid();

        var stored = RateOrderFactory.Create(reaction, regimen, Policy, orderId, Now);

        Assert.Equal(
            new InfusionRateAdjustmentOrdered(orderId, reaction.ReactionId, reaction.InfusionId, "Slow", 2.0, 84.0, null, "RXN-G1",
                "grade 1 (mild) reaction: slow from 4 to 2 mg/kg/min (50% of the current rate)", Now),
            stored.Order);
        Assert.Equal(reaction.RegimenId, stored.RegimenId);
        Assert.Equal("Warning", stored.Severity);
    }

    [Fact]
    public void Grade_2_pauses_and_resumes_at_half_the_last_tolerated_rate()
    {
        var regimen = Regimen();

        var order = Create(Reaction(regimen, "InfusionRelated", 2, current: 4, lastTolerated: 2), regimen).Order;

        Assert.Equal(("Pause", 0.0, 0.0, 1.0, "RXN-G2"), (order.Action, order.NewRateMgPerKgPerMin, order.NewRateMlPerHour, order.ResumeRateMgPerKgPerMin, order.RuleId));
    }

    [Fact]
    public void No_last_tolerated_rate_counts_from_the_current_rate()
    {
        var regimen = Regimen();

        var order = Create(Reaction(regimen, "InfusionRelated", 2, current: 0.5, lastTolerated: 0), regimen).Order;

        Assert.Equal(0.25, order.ResumeRateMgPerKgPerMin);
    }

    [Theory]
    [InlineData("InfusionRelated", 3, "RXN-G3")]
    [InlineData("InfusionRelated", 4, "RXN-G4")]
    [InlineData("Anaphylaxis", 1, "RXN-G4")]
    [InlineData("AsepticMeningitis", 2, "RXN-MENINGITIS")]
    [InlineData("Thrombosis", 1, "RXN-THROMBO")]
    [InlineData("RenalDysfunction", 3, "RXN-RENAL")]
    public void Severe_reactions_and_syndromes_stop_the_infusion(string kind, int grade, string ruleId)
    {
        var regimen = Regimen();

        var stored = Create(Reaction(regimen, kind, grade, current: 4), regimen);

        Assert.Equal(("Stop", 0.0, 0.0, ruleId, "Critical"), (stored.Order.Action, stored.Order.NewRateMgPerKgPerMin, stored.Order.NewRateMlPerHour, stored.Order.RuleId, stored.Severity));
        Assert.Null(stored.Order.ResumeRateMgPerKgPerMin);
    }

    [Fact]
    public void Anaphylaxis_orders_emergency_treatment()
    {
        var regimen = Regimen();

        var stored = Create(Reaction(regimen, "Anaphylaxis", 4, current: 2), regimen);

        Assert.Contains(stored.Instructions, i => i.Contains("epinephrine", StringComparison.Ordinal));
    }

    [Fact]
    public void A_capped_regimen_never_orders_above_the_cap()
    {
        // Privigen's at-risk cap is 2: half of 8 is 4, the cap wins.
        var regimen = Regimen(capped: true);

        var order = Create(Reaction(regimen, "InfusionRelated", 1, current: 8), regimen).Order;

        Assert.Equal(2.0, order.NewRateMgPerKgPerMin);
    }

    [Fact]
    public void No_order_ever_raises_the_rate()
    {
        string[] kinds = ["InfusionRelated", "Anaphylaxis", "AsepticMeningitis", "Thrombosis", "RenalDysfunction"];
        double[] rates = [0, 0.1, 0.5, 1, 2, 3.3, 4, 8, 12];
        foreach (var productId in ShippedCatalogue.Value.Products.Select(p => p.Id))
        {
            foreach (var capped in new[] { false, true })
            {
                var regimen = Regimen(productId, capped);
                foreach (var kind in kinds)
                {
                    foreach (var grade in new[] { 1, 2, 3, 4 })
                    {
                        foreach (var current in rates)
                        {
                            foreach (var tolerated in rates)
                            {
                                foreach (var stopped in new[] { false, true })
                                {
                                    var order = Create(Reaction(regimen, kind, grade, current, tolerated, stopped), regimen).Order;
                                    var ceiling = stopped ? 0 : current;
                                    Assert.True(order.NewRateMgPerKgPerMin <= ceiling, $"{productId} {kind} {grade} at {current}: {order.NewRateMgPerKgPerMin}");
                                    Assert.True((order.ResumeRateMgPerKgPerMin ?? 0) <= current, $"{productId} {kind} {grade} at {current}: resume {order.ResumeRateMgPerKgPerMin}");
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void A_stopped_infusion_is_never_restarted_by_a_slow_order()
    {
        // Monitoring stopped it already: "slow to 2" would restart it, so the order pauses at 0 and names 2 as the resume rate.
        var regimen = Regimen();

        var order = Create(Reaction(regimen, "InfusionRelated", 1, current: 4, stopped: true), regimen).Order;

        Assert.Equal(("Pause", 0.0, 2.0, "RXN-G1"), (order.Action, order.NewRateMgPerKgPerMin, order.ResumeRateMgPerKgPerMin, order.RuleId));
        Assert.Contains("stays stopped until a clinician restarts it", order.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sneezing", 1)]
    [InlineData("InfusionRelated", 0)]
    [InlineData("InfusionRelated", 5)]
    [InlineData("", 2)]
    public void An_unknown_kind_or_grade_is_an_invalid_reaction(string kind, int grade)
    {
        var regimen = Regimen();

        Assert.Throws<InvalidReactionException>(() => Create(Reaction(regimen, kind, grade, current: 4), regimen));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e9)]
    public void An_unusable_rate_is_an_invalid_reaction(double rate)
    {
        var regimen = Regimen();

        Assert.Throws<InvalidReactionException>(() => Create(Reaction(regimen, "InfusionRelated", 1, current: rate), regimen));
        Assert.Throws<InvalidReactionException>(() => Create(Reaction(regimen, "InfusionRelated", 2, current: 4, lastTolerated: rate), regimen));
    }
}

using Grpc.Core;
using Ivig.IntegrationEvents;
using Ivig.Monitoring.V1;
using MassTransit;

namespace Ivig.EndToEnd;

/// <summary>
/// The headline flow on real RabbitMQ and Redis: a reaction freezes titration at once, Dosing orders
/// the safe rate over the broker, Monitoring applies it, and each reaction yields exactly one alert.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ReactionFlowTests(SuiteFixture suite)
{
    private readonly ClinicalScenario _scenario = new(suite);

    [Fact]
    public async Task Grade1_reaction_freezes_titration_then_Dosing_halves_the_rate_over_RabbitMQ_with_one_alert()
    {
        var infusion = await _scenario.StartRunningInfusionAsync();
        var startRate = infusion.CurrentRate.MgPerKgPerMin;

        var reported = await _scenario.Monitoring.ReportReactionAsync(new ReportReactionRequest
        {
            InfusionId = infusion.InfusionId,
            Kind = ReactionKind.Grade1,
            Symptoms = { "flushing" },
        }, ClinicalScenario.Nurse);

        Assert.True(reported.Reaction.Active);
        Assert.Equal(InfusionState.Running, reported.Infusion.State);
        var frozen = await RpcErrors.ExpectAsync(StatusCode.FailedPrecondition,
            () => _scenario.Monitoring.AdvanceTitrationAsync(new AdvanceTitrationRequest { InfusionId = infusion.InfusionId }, ClinicalScenario.Nurse).ResponseAsync);
        Assert.NotNull(frozen);

        var slowed = await _scenario.WaitForAsync(infusion.InfusionId, i => i.RateHistory.Any(c => c.RuleId == "RXN-G1"));
        Assert.Equal(startRate * 0.5, slowed.CurrentRate.MgPerKgPerMin, precision: 6);
        Assert.True(slowed.CurrentRate.MlPerHour < infusion.CurrentRate.MlPerHour);

        var alerts = await _scenario.CollectAlertsAsync(infusion.InfusionId, TimeSpan.FromSeconds(2));
        var reactionAlert = Assert.Single(alerts.Values, a => a.RuleId == "RXN-G1");
        Assert.Equal(AlertSeverity.Warning, reactionAlert.Severity);
    }

    [Fact]
    public async Task Severe_reaction_stops_the_infusion_in_the_same_request_with_one_critical_alert()
    {
        var infusion = await _scenario.StartRunningInfusionAsync();

        var reported = await _scenario.Monitoring.ReportReactionAsync(new ReportReactionRequest
        {
            InfusionId = infusion.InfusionId,
            Kind = ReactionKind.Grade3,
            Symptoms = { "bronchospasm" },
        }, ClinicalScenario.Nurse);

        Assert.Equal(InfusionState.Stopped, reported.Infusion.State);
        Assert.Equal(0, reported.Infusion.CurrentRate.MgPerKgPerMin);

        // Dosing's order arrives later and must not restart anything.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var later = (await _scenario.Monitoring.GetInfusionAsync(new GetInfusionRequest { InfusionId = infusion.InfusionId })).Infusion;
        Assert.Equal(InfusionState.Stopped, later.State);
        Assert.Equal(0, later.CurrentRate.MgPerKgPerMin);

        var alerts = await _scenario.CollectAlertsAsync(infusion.InfusionId, TimeSpan.FromSeconds(1));
        var critical = Assert.Single(alerts.Values, a => a.RuleId == "RXN-G3");
        Assert.Equal(AlertSeverity.Critical, critical.Severity);
    }

    [Fact]
    public async Task A_redelivered_or_higher_rate_order_changes_nothing_and_adds_no_alert()
    {
        var infusion = await _scenario.StartRunningInfusionAsync();
        var reported = await _scenario.Monitoring.ReportReactionAsync(new ReportReactionRequest
        {
            InfusionId = infusion.InfusionId,
            Kind = ReactionKind.Grade1,
        }, ClinicalScenario.Nurse);
        var slowed = await _scenario.WaitForAsync(infusion.InfusionId, i => i.RateHistory.Any(c => c.RuleId == "RXN-G1"));
        var changesAfterOrder = slowed.RateHistory.Count;

        // Replay the broker's worst cases straight onto RabbitMQ: the same order twice (a redelivery)
        // and a forged order above the current rate.
        var broker = new Uri(await suite.ConnectionStringAsync("messaging"));
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(broker));
        await bus.StartAsync();
        try
        {
            var reactionId = Guid.Parse(reported.Reaction.ReactionId);
            var replay = new InfusionRateAdjustmentOrdered(Guid.NewGuid(), reactionId, Guid.Parse(infusion.InfusionId), "Slow",
                slowed.CurrentRate.MgPerKgPerMin * 0.5, 1, null, "RXN-G1", "replayed order", DateTimeOffset.UtcNow);
            await bus.Publish(replay);
            await bus.Publish(replay);
            await bus.Publish(replay with { OrderId = Guid.NewGuid(), NewRateMgPerKgPerMin = 8, Reason = "above the current rate" });
        }
        finally
        {
            await bus.StopAsync();
        }

        var settled = await _scenario.WaitForAsync(infusion.InfusionId, i => i.RateHistory.Count > changesAfterOrder);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var final = (await _scenario.Monitoring.GetInfusionAsync(new GetInfusionRequest { InfusionId = infusion.InfusionId })).Infusion;
        Assert.Equal(changesAfterOrder + 1, final.RateHistory.Count);
        Assert.Equal(settled.CurrentRate.MgPerKgPerMin, final.CurrentRate.MgPerKgPerMin);
        Assert.True(final.CurrentRate.MgPerKgPerMin <= slowed.CurrentRate.MgPerKgPerMin);

        var alerts = await _scenario.CollectAlertsAsync(infusion.InfusionId, TimeSpan.FromSeconds(1));
        Assert.Single(alerts.Values, a => a.RuleId == "RXN-G1");
    }

    [Fact]
    public async Task Reporting_on_an_unknown_infusion_is_NotFound_and_a_missing_kind_is_InvalidArgument()
    {
        await RpcErrors.ExpectAsync(StatusCode.NotFound, () => _scenario.Monitoring.ReportReactionAsync(
            new ReportReactionRequest { InfusionId = Guid.NewGuid().ToString(), Kind = ReactionKind.Grade1 }).ResponseAsync);

        var ex = await RpcErrors.ExpectAsync(StatusCode.InvalidArgument, () => _scenario.Monitoring.ReportReactionAsync(
            new ReportReactionRequest { InfusionId = Guid.NewGuid().ToString() }).ResponseAsync);
        Assert.Contains("kind", RpcErrors.FieldViolations(ex));
    }
}

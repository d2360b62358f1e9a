using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Ivig.IntegrationEvents;
using Ivig.Monitoring.V1;
using MassTransit;
using Xunit.Abstractions;

namespace Ivig.EndToEnd;

/// <summary>
/// Monitoring's acceptance, end to end through the gateway with the real Dosing service, RabbitMQ
/// and Redis: streams, detected reactions, outages, resumable alert feeds and bad input.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class MonitoringFlowTests(SuiteFixture suite, ITestOutputHelper output)
{
    private static readonly TimeSpan RateChangeBudget = TimeSpan.FromSeconds(2);
    private readonly ClinicalScenario _scenario = new(suite);

    [Fact]
    public async Task Grade1_reaction_reaches_open_streams_as_half_rate_and_one_warning_and_a_redelivered_reaction_changes_nothing()
    {
        var infusion = await _scenario.StartRunningInfusionAsync();
        var startRate = infusion.CurrentRate.MgPerKgPerMin;
        var orders = new ConcurrentBag<InfusionRateAdjustmentOrdered>();
        var bus = await StartOrderListenerAsync(orders);
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            using var alertStream = _scenario.Monitoring.WatchAlerts(new WatchAlertsRequest { InfusionId = infusion.InfusionId }, cancellationToken: cts.Token);
            using var infusionStream = _scenario.Monitoring.WatchInfusion(new WatchInfusionRequest { InfusionId = infusion.InfusionId }, cancellationToken: cts.Token);
            Assert.True(await infusionStream.ResponseStream.MoveNext(cts.Token)); // the current state comes first

            var clock = Stopwatch.StartNew();
            var reported = await _scenario.Monitoring.ReportReactionAsync(new ReportReactionRequest
            {
                InfusionId = infusion.InfusionId,
                Kind = ReactionKind.Grade1,
                Symptoms = { "headache" },
            }, ClinicalScenario.Nurse);
            Assert.True(reported.Reaction.Active, "the reaction is active in the response: titration is frozen");

            Infusion? halved = null;
            while (halved is null && await infusionStream.ResponseStream.MoveNext(cts.Token))
            {
                var seen = infusionStream.ResponseStream.Current.Infusion;
                if (Math.Abs(seen.CurrentRate.MgPerKgPerMin - startRate * 0.5) < 1e-9)
                {
                    halved = seen;
                }
            }
            var latency = clock.Elapsed;
            output.WriteLine($"reaction reported -> half rate on WatchInfusion: {latency.TotalMilliseconds:F0} ms");
            Assert.NotNull(halved);
            Assert.True(latency < RateChangeBudget, $"rate change took {latency.TotalMilliseconds:F0} ms");

            Assert.True(await alertStream.ResponseStream.MoveNext(cts.Token));
            var alert = alertStream.ResponseStream.Current.Alert;
            Assert.Equal("RXN-G1", alert.RuleId);
            Assert.Equal(AlertSeverity.Warning, alert.Severity);

            await RpcErrors.ExpectAsync(StatusCode.FailedPrecondition, () => _scenario.Monitoring.AdvanceTitrationAsync(
                new AdvanceTitrationRequest { InfusionId = infusion.InfusionId }, ClinicalScenario.Nurse).ResponseAsync);

            // The broker redelivers the reaction: Dosing answers with the same order, Monitoring ignores it.
            await bus.Publish(new InfusionReactionReported(Guid.Parse(reported.Reaction.ReactionId), Guid.Parse(infusion.InfusionId),
                Guid.Parse(infusion.RegimenId), "InfusionRelated", 1, "RXN-G1", "REPORTED", startRate, startRate, false, DateTimeOffset.UtcNow));
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        finally
        {
            await bus.StopAsync();
        }

        var ordersForReaction = orders.Where(o => o.InfusionId == Guid.Parse(infusion.InfusionId)).ToList();
        Assert.NotEmpty(ordersForReaction);
        Assert.Single(ordersForReaction.Select(o => o.OrderId).Distinct());
        var final = (await _scenario.Monitoring.GetInfusionAsync(new GetInfusionRequest { InfusionId = infusion.InfusionId })).Infusion;
        Assert.Equal(startRate * 0.5, final.CurrentRate.MgPerKgPerMin, precision: 9);
        Assert.Single(final.RateHistory, c => c.RuleId == "RXN-G1");
        var alerts = await _scenario.CollectAlertsAsync(infusion.InfusionId, TimeSpan.FromSeconds(1));
        Assert.Single(alerts.Values, a => a.RuleId == "RXN-G1");
    }

    [Theory]
    [InlineData(ReactionKind.AsepticMeningitis, "RXN-MENINGITIS")]
    [InlineData(ReactionKind.Anaphylaxis, "RXN-G4")]
    public async Task Named_syndromes_stop_the_infusion_in_the_same_response_with_one_critical_alert(ReactionKind kind, string ruleId)
    {
        var infusion = await _scenario.StartRunningInfusionAsync();

        var reported = await _scenario.Monitoring.ReportReactionAsync(new ReportReactionRequest { InfusionId = infusion.InfusionId, Kind = kind }, ClinicalScenario.Nurse);

        Assert.Equal(InfusionState.Stopped, reported.Infusion.State);
        Assert.Equal(0, reported.Infusion.CurrentRate.MgPerKgPerMin);
        var alerts = await _scenario.CollectAlertsAsync(infusion.InfusionId, TimeSpan.FromSeconds(2));
        var critical = Assert.Single(alerts.Values);
        Assert.Equal(ruleId, critical.RuleId);
        Assert.Equal(AlertSeverity.Critical, critical.Severity);
    }

    [Fact]
    public async Task SpO2_of_88_percent_is_detected_as_a_grade3_reaction_and_stops_the_infusion_in_the_same_response()
    {
        var infusion = await _scenario.StartRunningInfusionAsync();
        var vitals = ClinicalScenario.NormalVitals();
        vitals.Spo2Percent = 88;

        var reply = await _scenario.Monitoring.RecordVitalsAsync(new RecordVitalsRequest { InfusionId = infusion.InfusionId, Vitals = vitals }, ClinicalScenario.Nurse);

        Assert.Contains("VIT-HYPOXIA", reply.Findings);
        Assert.Equal(InfusionState.Stopped, reply.Infusion.State);
        var reaction = Assert.Single(reply.Infusion.Reactions);
        Assert.Equal("VIT-HYPOXIA", reaction.Source);
        var alerts = await _scenario.CollectAlertsAsync(infusion.InfusionId, TimeSpan.FromSeconds(2));
        Assert.Equal(AlertSeverity.Critical, Assert.Single(alerts.Values).Severity);
    }

    [Fact]
    public async Task A_temperature_of_38_5_against_a_36_8_baseline_is_a_detected_grade1_reaction_VIT_FEVER()
    {
        var infusion = await _scenario.StartRunningInfusionAsync();
        var vitals = ClinicalScenario.NormalVitals();
        vitals.TemperatureCelsius = 38.5;

        var reply = await _scenario.Monitoring.RecordVitalsAsync(new RecordVitalsRequest { InfusionId = infusion.InfusionId, Vitals = vitals }, ClinicalScenario.Nurse);

        Assert.Contains("VIT-FEVER", reply.Findings);
        var reaction = Assert.Single(reply.Infusion.Reactions);
        Assert.Equal(ReactionKind.Grade1, reaction.Kind);
        Assert.Equal("VIT-FEVER", reaction.Source);
        Assert.True(reaction.Active);
        Assert.Equal(InfusionState.Running, reply.Infusion.State);
    }

    [Fact]
    public async Task With_Dosing_down_a_reaction_still_freezes_titration_and_an_escalation_alert_follows_the_deadline()
    {
        var infusion = await _scenario.StartRunningInfusionAsync();
        try
        {
            await suite.StopResourceAsync("dosing");
            var reported = await _scenario.Monitoring.ReportReactionAsync(new ReportReactionRequest { InfusionId = infusion.InfusionId, Kind = ReactionKind.Grade1 }, ClinicalScenario.Nurse);
            Assert.True(reported.Reaction.Active);
            await RpcErrors.ExpectAsync(StatusCode.FailedPrecondition, () => _scenario.Monitoring.AdvanceTitrationAsync(
                new AdvanceTitrationRequest { InfusionId = infusion.InfusionId }, ClinicalScenario.Nurse).ResponseAsync);

            // Deadline 10 s (Monitoring:ReactionPolicy), swept every 2 s.
            var alerts = await _scenario.CollectAlertsAsync(infusion.InfusionId, TimeSpan.FromSeconds(16));
            var escalation = Assert.Single(alerts.Values, a => a.RuleId == "RXN-ORDER-DEADLINE");
            Assert.Equal(AlertSeverity.Critical, escalation.Severity);
            Assert.Single(alerts.Values, a => a.RuleId == "RXN-G1");
            var still = (await _scenario.Monitoring.GetInfusionAsync(new GetInfusionRequest { InfusionId = infusion.InfusionId })).Infusion;
            Assert.Equal(infusion.CurrentRate.MgPerKgPerMin, still.CurrentRate.MgPerKgPerMin);

            // A call to the stopped backend through the gateway fails with Unavailable within seconds (the
            // gateway's 5 s activity timeout), not a hang until the caller's deadline.
            var clock = Stopwatch.StartNew();
            await RpcErrors.ExpectAsync(StatusCode.Unavailable, () => _scenario.Dosing.ListProductsAsync(
                new Ivig.Dosing.V1.ListProductsRequest(), deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            await suite.StartResourceAsync("dosing");
        }
    }

    [Fact]
    public async Task A_WatchAlerts_client_that_resumes_from_its_last_alert_id_gets_every_missed_alert_once()
    {
        var infusion = await _scenario.StartRunningInfusionAsync();
        await _scenario.Monitoring.ReportReactionAsync(new ReportReactionRequest { InfusionId = infusion.InfusionId, Kind = ReactionKind.Grade1 }, ClinicalScenario.Nurse);
        var first = Assert.Single((await _scenario.CollectAlertsAsync(infusion.InfusionId, TimeSpan.FromSeconds(2))).Values);

        // While the client is away: a hypertension warning, then a severe reaction.
        var hypertensive = ClinicalScenario.NormalVitals();
        hypertensive.SystolicMmhg = 185;
        await _scenario.Monitoring.RecordVitalsAsync(new RecordVitalsRequest { InfusionId = infusion.InfusionId, Vitals = hypertensive }, ClinicalScenario.Nurse);
        await _scenario.Monitoring.ReportReactionAsync(new ReportReactionRequest { InfusionId = infusion.InfusionId, Kind = ReactionKind.Grade3 }, ClinicalScenario.Nurse);

        var received = new List<Alert>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        using var resumed = _scenario.Monitoring.WatchAlerts(
            new WatchAlertsRequest { InfusionId = infusion.InfusionId, AfterAlertId = first.AlertId }, cancellationToken: cts.Token);
        try
        {
            while (await resumed.ResponseStream.MoveNext(cts.Token))
            {
                received.Add(resumed.ResponseStream.Current.Alert);
            }
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled)
        {
        }

        Assert.Equal(["VIT-HYPERTENSION", "RXN-G3"], received.Select(a => a.RuleId));
        Assert.DoesNotContain(received, a => a.AlertId == first.AlertId);
    }

    [Fact]
    public async Task An_alert_is_acknowledged_once_with_who_and_when()
    {
        var infusion = await _scenario.StartRunningInfusionAsync();
        await _scenario.Monitoring.ReportReactionAsync(new ReportReactionRequest { InfusionId = infusion.InfusionId, Kind = ReactionKind.Grade2 }, ClinicalScenario.Nurse);
        var alert = Assert.Single((await _scenario.CollectAlertsAsync(infusion.InfusionId, TimeSpan.FromSeconds(2))).Values);

        var acknowledged = (await _scenario.Monitoring.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { AlertId = alert.AlertId }, ClinicalScenario.Nurse)).Alert;

        Assert.Equal(AlertState.Acknowledged, acknowledged.State);
        Assert.Equal("e2e-nurse", acknowledged.AcknowledgedBy.Subject);
        await RpcErrors.ExpectAsync(StatusCode.FailedPrecondition, () => _scenario.Monitoring.AcknowledgeAlertAsync(
            new AcknowledgeAlertRequest { AlertId = alert.AlertId }, ClinicalScenario.Nurse).ResponseAsync);
    }

    [Fact]
    public async Task Two_nurses_acknowledging_at_once_record_exactly_one_acknowledgement()
    {
        var infusion = await _scenario.StartRunningInfusionAsync();
        await _scenario.Monitoring.ReportReactionAsync(new ReportReactionRequest { InfusionId = infusion.InfusionId, Kind = ReactionKind.Grade2 }, ClinicalScenario.Nurse);
        var alert = Assert.Single((await _scenario.CollectAlertsAsync(infusion.InfusionId, TimeSpan.FromSeconds(2))).Values);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await _scenario.Monitoring.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { AlertId = alert.AlertId },
                    Ivig.Testing.DevTokens.For($"e2e-nurse-{i}", "nurse"));
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        }));

        Assert.Single(attempts, code => code == StatusCode.OK);
        Assert.All(attempts.Where(code => code != StatusCode.OK), code => Assert.Equal(StatusCode.FailedPrecondition, code));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_details_and_changes_nothing()
    {
        var infusion = await _scenario.StartRunningInfusionAsync();
        var monitoring = _scenario.Monitoring;

        var outOfRange = ClinicalScenario.NormalVitals();
        outOfRange.Spo2Percent = 120;
        var ex = await RpcErrors.ExpectAsync(StatusCode.InvalidArgument, () => monitoring.RecordVitalsAsync(
            new RecordVitalsRequest { InfusionId = infusion.InfusionId, Vitals = outOfRange }).ResponseAsync);
        Assert.Contains("vitals.spo2_percent", RpcErrors.FieldViolations(ex));

        var inverted = ClinicalScenario.NormalVitals();
        inverted.DiastolicMmhg = 130;
        ex = await RpcErrors.ExpectAsync(StatusCode.InvalidArgument, () => monitoring.RecordVitalsAsync(
            new RecordVitalsRequest { InfusionId = infusion.InfusionId, Vitals = inverted }).ResponseAsync);
        Assert.Contains("vitals.diastolic_mmhg", RpcErrors.FieldViolations(ex));

        await RpcErrors.ExpectAsync(StatusCode.NotFound, () => monitoring.GetInfusionAsync(
            new GetInfusionRequest { InfusionId = Guid.NewGuid().ToString() }).ResponseAsync);

        var unchanged = (await monitoring.GetInfusionAsync(new GetInfusionRequest { InfusionId = infusion.InfusionId })).Infusion;
        Assert.Equal(infusion.Version, unchanged.Version);

        await monitoring.StopInfusionAsync(new StopInfusionRequest { InfusionId = infusion.InfusionId, Reason = "patient request" }, ClinicalScenario.Nurse);
        await RpcErrors.ExpectAsync(StatusCode.FailedPrecondition, () => monitoring.RecordVitalsAsync(
            new RecordVitalsRequest { InfusionId = infusion.InfusionId, Vitals = ClinicalScenario.NormalVitals() }).ResponseAsync);
        await RpcErrors.ExpectAsync(StatusCode.FailedPrecondition, () => monitoring.ResumeInfusionAsync(
            new ResumeInfusionRequest { InfusionId = infusion.InfusionId, RateMgPerKgPerMin = 0.5 }).ResponseAsync);

        var assessment = await _scenario.AssessEligibleAsync();
        var regimen = await _scenario.PlanAsync(assessment.AssessmentId);
        var noHydration = await Assert.ThrowsAsync<RpcException>(() => monitoring.StartInfusionAsync(new StartInfusionRequest
        {
            RegimenId = regimen.RegimenId,
            Day = 1,
            BaselineVitals = ClinicalScenario.NormalVitals(),
            HydrationConfirmed = false,
            PremedicationGiven = true,
        }).ResponseAsync);
        Assert.Contains(noHydration.StatusCode, new[] { StatusCode.InvalidArgument, StatusCode.FailedPrecondition });
    }

    [Fact]
    public async Task A_regimen_day_runs_one_infusion_at_a_time_and_starts_again_only_with_a_reason()
    {
        var assessment = await _scenario.AssessEligibleAsync();
        var regimen = await _scenario.PlanAsync(assessment.AssessmentId);
        StartInfusionRequest Day1(string restartReason = "") => new()
        {
            RegimenId = regimen.RegimenId, Day = 1, BaselineVitals = ClinicalScenario.NormalVitals(),
            HydrationConfirmed = true, PremedicationGiven = true, RestartReason = restartReason,
        };
        var first = (await _scenario.Monitoring.StartInfusionAsync(Day1(), ClinicalScenario.Nurse)).Infusion;

        var twice = await RpcErrors.ExpectAsync(StatusCode.FailedPrecondition,
            () => _scenario.Monitoring.StartInfusionAsync(Day1(), ClinicalScenario.Nurse).ResponseAsync);
        Assert.Equal("ALREADY_ACTIVE", RpcErrors.PreconditionType(twice));

        await _scenario.Monitoring.ReportReactionAsync(new ReportReactionRequest { InfusionId = first.InfusionId, Kind = ReactionKind.Grade3 }, ClinicalScenario.Nurse);
        var noReason = await RpcErrors.ExpectAsync(StatusCode.FailedPrecondition,
            () => _scenario.Monitoring.StartInfusionAsync(Day1(), ClinicalScenario.Nurse).ResponseAsync);
        Assert.Equal("RESTART_REASON_REQUIRED", RpcErrors.PreconditionType(noReason));

        var again = (await _scenario.Monitoring.StartInfusionAsync(
            Day1("neurologist reviewed: premedicate, restart at the first step"), ClinicalScenario.Nurse)).Infusion;
        Assert.NotEqual(first.InfusionId, again.InfusionId);
        Assert.Equal(InfusionState.Running, again.State);
    }

    [Fact]
    public async Task A_running_infusion_survives_a_restart_of_Monitoring()
    {
        var infusion = await _scenario.StartRunningInfusionAsync();

        await suite.RestartResourceAsync("monitoring");

        var read = (await _scenario.Monitoring.GetInfusionAsync(new GetInfusionRequest { InfusionId = infusion.InfusionId })).Infusion;
        Assert.Equal(infusion, read);
        var active = await _scenario.Monitoring.ListActiveInfusionsAsync(new ListActiveInfusionsRequest { PageSize = 500 });
        Assert.Contains(active.Infusions, i => i.InfusionId == infusion.InfusionId);
    }

    private async Task<IBusControl> StartOrderListenerAsync(ConcurrentBag<InfusionRateAdjustmentOrdered> orders)
    {
        var broker = new Uri(await suite.ConnectionStringAsync("messaging"));
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(broker);
            cfg.ReceiveEndpoint("e2e-orders-" + Guid.NewGuid().ToString("N")[..8], e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.Handler<InfusionRateAdjustmentOrdered>(context =>
                {
                    orders.Add(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync();
        return bus;
    }
}

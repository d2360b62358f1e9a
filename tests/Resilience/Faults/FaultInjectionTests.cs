using System.Diagnostics;
using Grpc.Core;
using Ivig.EndToEnd;
using Ivig.Monitoring.V1;
using Xunit.Abstractions;

namespace Ivig.Resilience.Faults;

/// <summary>
/// With 100 reactions in flight across 100 infusions, one process of the suite is killed without
/// warning (SIGKILL) and started again. Every failed call failed fast with Unavailable (never a hang
/// past its deadline); after recovery the clients retry those reports with their request ids, and then
/// all 100 reactions exist once each, each with exactly one rate change and one alert, no rate rose
/// while its reaction was active, and every reaction's events reached a downstream listener.
/// docs/reliability.md lists what each case proves.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class FaultInjectionTests(FaultSuiteFixture suite, ITestOutputHelper output)
{
    // 100 in the test command; IVIG_RESILIENCE_REACTIONS raises it for a heavier run (README).
    private static readonly int Reactions = int.TryParse(Environment.GetEnvironmentVariable("IVIG_RESILIENCE_REACTIONS"), out var n) && n >= 100 ? n : 100;
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(90);
    private readonly ClinicalScenario _scenario = new(suite);

    [Theory]
    [InlineData("messaging")]
    [InlineData("redis")]
    [InlineData("monitoring")]
    [InlineData("dosing")]
    [InlineData("gateway")]
    public async Task Killing_a_process_with_reactions_in_flight_loses_no_reaction_alert_or_rate_change(string victim)
    {
        await WaitForGatewayAsync(); // a previous case may have restarted it: the channel reconnects with backoff
        // The downstream listener's queue is declared well before the kill, as a real integration's
        // would be: a definition made a moment before the broker dies may not have reached its disk yet.
        await using var recorder = await EventRecorder.StartAsync(new Uri(await suite.ConnectionStringAsync("messaging")));
        var load = new ReactionLoad(_scenario);
        var infusions = await load.StartInfusionsAsync(Reactions);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var clock = Stopwatch.StartNew();

        // Reactions go out over 2.5 s; the kill lands after the first second, so some are answered,
        // some are crossing the broker and some are not sent yet.
        var reporting = load.ReportAsync(infusions, perSecond: Reactions * 2 / 5);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await suite.StopResourceAsync(victim, signal: "-KILL");
        var killedAt = clock.Elapsed;
        await reporting;
        await Task.Delay(TimeSpan.FromSeconds(2)); // down for a while: the watchdog and the relay meet the outage
        await suite.StartResourceAsync(victim);
        await WaitForGatewayAsync();
        var recoveredAt = clock.Elapsed;

        var outcomes = load.Outcomes.ToList();
        output.WriteLine($"{victim}: killed at {killedAt.TotalSeconds:F1} s, healthy again at {recoveredAt.TotalSeconds:F1} s; " +
            string.Join(", ", outcomes.GroupBy(o => o.Code).Select(g => $"{g.Key} {g.Count()}")));

        // Clients were told, quickly: only OK or Unavailable, and never a wait past the deadline.
        Assert.All(outcomes, o => Assert.True(o.Code is StatusCode.OK or StatusCode.Unavailable,
            $"Report on {o.InfusionId} answered {o.Code} after {o.Elapsed.TotalSeconds:F1} s."));
        Assert.All(outcomes, o => Assert.True(o.Elapsed < ReactionLoad.CallDeadline + TimeSpan.FromSeconds(1),
            $"Report on {o.InfusionId} took {o.Elapsed.TotalSeconds:F1} s."));

        // The clients retry what failed, with the same request ids: a report that did land is not doubled.
        var retries = await load.RetryFailedAsync();
        Assert.All(retries, r => Assert.Equal(StatusCode.OK, r.Code));
        var acknowledged = outcomes.Where(o => o.Code == StatusCode.OK).Concat(retries).ToList();
        Assert.Equal(infusions.Count, acknowledged.Count);
        var states = await WaitForEveryReactionAnsweredAsync(infusions);
        Assert.Equal(infusions.Count, states.Count);

        var alerts = await StoredAlerts.ReadAllAsync(await suite.ConnectionStringAsync("redis"));
        var reactionIds = new HashSet<string>(states.SelectMany(s => s.Reactions.Select(r => r.ReactionId)));
        foreach (var ack in acknowledged)
        {
            Assert.Contains(ack.ReactionId!, reactionIds); // an acknowledged reaction is never lost
        }
        foreach (var infusion in states)
        {
            // One reaction per infusion, even where a report landed but its answer was lost and it was retried.
            var reaction = Assert.Single(infusion.Reactions);
            Assert.Single(infusion.RateHistory, c => c.RuleId == "RXN-G1");
            Assert.Single(alerts, a => a.ReactionId == Guid.Parse(reaction.ReactionId) && a.RuleId == "RXN-G1");
            AssertNoRiseDuringReaction(infusion, reaction);
        }

        // Every acknowledged reaction's events reached a downstream listener (at least once).
        var redis = await suite.ConnectionStringAsync("redis");
        await WaitUntilAsync(() => acknowledged.All(a => recorder.Reactions.ContainsKey(Guid.Parse(a.ReactionId!))), Recovery,
            () => $"InfusionReactionReported received for {acknowledged.Count(a => recorder.Reactions.ContainsKey(Guid.Parse(a.ReactionId!)))} of {acknowledged.Count}; outbox waiting {StoredAlerts.OutboxWaitingAsync(redis).Result}");
        var reactionAlertIds = alerts.Where(a => a.RuleId == "RXN-G1" && a.ReactionId is { } r && reactionIds.Contains(r.ToString())).Select(a => a.Id).ToList();
        await WaitUntilAsync(() => reactionAlertIds.All(recorder.Alerts.ContainsKey), Recovery,
            () => $"ClinicalAlertRaised received for {reactionAlertIds.Count(recorder.Alerts.ContainsKey)} of {reactionAlertIds.Count} reaction alerts; outbox waiting {StoredAlerts.OutboxWaitingAsync(redis).Result}");
        await WaitUntilAsync(() => recorder.RateChangesByOrder.Values.Count(c => infusions.Contains(c.InfusionId.ToString())) >= states.Count, Recovery,
            () => $"ordered InfusionRateChanged received for {recorder.RateChangesByOrder.Values.Count(c => infusions.Contains(c.InfusionId.ToString()))} of {states.Count}; outbox waiting {StoredAlerts.OutboxWaitingAsync(redis).Result}");
        output.WriteLine($"{victim}: {states.Count} reactions recorded once each ({retries.Count} retried with their request ids), each with one rate change and one alert; " +
            $"events received: {recorder.Reactions.Count} reactions, {recorder.Alerts.Count} alerts, {recorder.RateChangesByOrder.Count} ordered rate changes; " +
            $"outbox waiting at the end: {await StoredAlerts.OutboxWaitingAsync(await suite.ConnectionStringAsync("redis"))}");
    }

    /// <summary>Every infusion that has a reaction shows its ordered rate change (Dosing's answer crossed the broker).</summary>
    private async Task<IReadOnlyList<Infusion>> WaitForEveryReactionAnsweredAsync(IReadOnlyList<string> infusions)
    {
        var deadline = DateTime.UtcNow + Recovery;
        while (true)
        {
            var states = new List<Infusion>();
            foreach (var id in infusions)
            {
                states.Add((await _scenario.Monitoring.GetInfusionAsync(new GetInfusionRequest { InfusionId = id }, ClinicalScenario.Nurse)).Infusion);
            }
            var withReaction = states.Where(s => s.Reactions.Count > 0).ToList();
            if (withReaction.All(s => s.RateHistory.Any(c => c.RuleId == "RXN-G1")) || DateTime.UtcNow > deadline)
            {
                return withReaction;
            }
            await Task.Delay(500);
        }
    }

    /// <summary>Waits until a call through the gateway succeeds (a client reconnecting after an outage).</summary>
    private async Task WaitForGatewayAsync()
    {
        var deadline = DateTime.UtcNow + Recovery;
        while (true)
        {
            try
            {
                await _scenario.Monitoring.ListActiveInfusionsAsync(new ListActiveInfusionsRequest { PageSize = 1 }, ClinicalScenario.Nurse,
                    deadline: DateTime.UtcNow.AddSeconds(5));
                return;
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    private static void AssertNoRiseDuringReaction(Infusion infusion, Reaction reaction)
    {
        var during = infusion.RateHistory.Where(c => c.At.ToDateTimeOffset() >= reaction.ReportedAt.ToDateTimeOffset()).ToList();
        var before = infusion.RateHistory.Where(c => c.At.ToDateTimeOffset() < reaction.ReportedAt.ToDateTimeOffset()).Select(c => c.Rate.MgPerKgPerMin).LastOrDefault();
        foreach (var change in during)
        {
            Assert.True(change.Rate.MgPerKgPerMin <= before, $"Rate rose to {change.Rate.MgPerKgPerMin} during reaction {reaction.ReactionId}.");
            before = change.Rate.MgPerKgPerMin;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> state)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not in {timeout.TotalSeconds:F0} s: {state()}.");
            await Task.Delay(250);
        }
    }
}

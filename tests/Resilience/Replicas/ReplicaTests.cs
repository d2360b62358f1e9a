using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Ivig.EndToEnd;
using Ivig.Monitoring.V1;
using Ivig.Resilience.Faults;
using Xunit.Abstractions;

namespace Ivig.Resilience.Replicas;

/// <summary>
/// Services keep no state between requests (Redis holds it; events go to competing consumers), so
/// copies scale out: with two of every service and of the gateway, each reaction still yields exactly
/// one rate change and one alert, even though both Monitoring copies run the safety sweep and the
/// outbox relay and both Dosing copies consume reactions.
/// </summary>
[Collection(ReplicatedCollection.Name)]
public sealed class ReplicaTests(ReplicatedSuiteFixture suite, ITestOutputHelper output)
{
    private const int Reactions = 100;
    private readonly ClinicalScenario _scenario = new(suite);

    [Fact]
    public async Task Two_copies_of_every_service_give_each_reaction_exactly_one_rate_change_and_one_alert()
    {
        var copies = await RunningCopiesAsync();
        foreach (var service in new[] { "eligibility", "dosing", "monitoring", "gateway" })
        {
            Assert.Equal(ReplicatedSuiteFixture.Replicas, copies.GetValueOrDefault(service));
        }
        var load = new ReactionLoad(_scenario);
        var infusions = await load.StartInfusionsAsync(Reactions);
        await load.ReportAsync(infusions, perSecond: 50);
        Assert.All(load.Outcomes, o => Assert.Equal(Grpc.Core.StatusCode.OK, o.Code));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<Infusion> states;
        do
        {
            await Task.Delay(500);
            states = [];
            foreach (var id in infusions)
            {
                states.Add((await _scenario.Monitoring.GetInfusionAsync(new GetInfusionRequest { InfusionId = id }, ClinicalScenario.Nurse)).Infusion);
            }
        }
        while (!states.All(s => s.RateHistory.Any(c => c.RuleId == "RXN-G1")) && DateTime.UtcNow < deadline);

        // Give a second copy's duplicate work (sweep, relay, redelivery) time to show if it existed.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var alerts = await StoredAlerts.ReadAllAsync(await suite.ConnectionStringAsync("redis"));
        foreach (var infusion in states)
        {
            var reaction = Assert.Single(infusion.Reactions);
            Assert.Single(infusion.RateHistory, c => c.RuleId == "RXN-G1");
            Assert.Single(alerts, a => a.ReactionId == Guid.Parse(reaction.ReactionId) && a.RuleId == "RXN-G1");
        }
        output.WriteLine($"{ReplicatedSuiteFixture.Replicas} copies of each service: {states.Count} reactions, each with one rate change and one alert");
    }

    /// <summary>How many running processes each resource has, as the orchestrator reports them.</summary>
    private async Task<Dictionary<string, int>> RunningCopiesAsync()
    {
        var running = new Dictionary<string, HashSet<string>>();
        using var window = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            await foreach (var e in suite.App.ResourceNotifications.WatchAsync(window.Token))
            {
                if (e.Snapshot.State?.Text == KnownResourceStates.Running)
                {
                    (running.TryGetValue(e.Resource.Name, out var ids) ? ids : running[e.Resource.Name] = []).Add(e.ResourceId);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        return running.ToDictionary(r => r.Key, r => r.Value.Count);
    }
}

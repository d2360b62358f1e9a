using System.Diagnostics;
using Grpc.Core;
using Ivig.EndToEnd;
using Ivig.Monitoring.V1;
using Xunit.Abstractions;

namespace Ivig.Resilience.Faults;

/// <summary>
/// A stalled network to the broker (every byte between the services and RabbitMQ sent in the first
/// seconds of the reactions arrives 16 s late, past the 10 s rate-order deadline): reports still answer
/// within their bound, the watchdog raises one CRITICAL RXN-ORDER-DEADLINE escalation per reaction, and
/// when the late orders arrive each reaction still gets exactly one rate change and one reaction alert,
/// with no rate rising meanwhile.
/// </summary>
[Collection(StalledBrokerCollection.Name)]
public sealed class StalledBrokerTests(StalledBrokerSuiteFixture suite, ITestOutputHelper output)
{
    private const int Reactions = 10;
    private readonly ClinicalScenario _scenario = new(suite);

    [Fact]
    public async Task A_stalled_broker_escalates_past_the_deadline_and_the_late_orders_apply_once()
    {
        var load = new ReactionLoad(_scenario);
        var infusions = await load.StartInfusionsAsync(Reactions);
        var clock = Stopwatch.StartNew();
        suite.BrokerRoute.Delay = TimeSpan.FromSeconds(16);
        try
        {
            await load.ReportAsync(infusions, perSecond: 20);
            await Task.Delay(TimeSpan.FromSeconds(1));
            suite.BrokerRoute.Delay = TimeSpan.Zero; // what was sent meanwhile still arrives 16 s late, in order
            Assert.All(load.Outcomes, o => Assert.Equal(StatusCode.OK, o.Code));
            Assert.All(load.Outcomes, o => Assert.True(o.Elapsed < TimeSpan.FromSeconds(4), $"A report took {o.Elapsed.TotalSeconds:F1} s."));

            var states = await WaitForAsync(infusions, s => s.RateHistory.Any(c => c.RuleId == "RXN-G1"), TimeSpan.FromSeconds(60));
            output.WriteLine($"stalled broker: all {Reactions} late orders applied after {clock.Elapsed.TotalSeconds:F1} s; " +
                $"slowest report {load.Outcomes.Max(o => o.Elapsed).TotalMilliseconds:F0} ms");

            await Task.Delay(TimeSpan.FromSeconds(3)); // duplicates, if any, would land now
            var alerts = await StoredAlerts.ReadAllAsync(await suite.ConnectionStringAsync("redis"));
            foreach (var infusion in states)
            {
                var reaction = Assert.Single(infusion.Reactions);
                var reactionId = Guid.Parse(reaction.ReactionId);
                Assert.Single(infusion.RateHistory, c => c.RuleId == "RXN-G1");
                Assert.Single(alerts, a => a.ReactionId == reactionId && a.RuleId == "RXN-G1");
                Assert.Single(alerts, a => a.ReactionId == reactionId && a.RuleId == "RXN-ORDER-DEADLINE");
                var atReport = infusion.RateHistory.Where(c => c.At.ToDateTimeOffset() < reaction.ReportedAt.ToDateTimeOffset()).Last().Rate.MgPerKgPerMin;
                Assert.All(infusion.RateHistory.Where(c => c.At.ToDateTimeOffset() >= reaction.ReportedAt.ToDateTimeOffset()),
                    c => Assert.True(c.Rate.MgPerKgPerMin <= atReport));
            }
        }
        finally
        {
            suite.BrokerRoute.Delay = TimeSpan.Zero;
        }
    }

    private async Task<IReadOnlyList<Infusion>> WaitForAsync(IReadOnlyList<string> infusions, Func<Infusion, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var states = new List<Infusion>();
            foreach (var id in infusions)
            {
                states.Add((await _scenario.Monitoring.GetInfusionAsync(new GetInfusionRequest { InfusionId = id }, ClinicalScenario.Nurse)).Infusion);
            }
            if (states.All(condition))
            {
                return states;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Only {states.Count(condition)} of {states.Count} infusions got there in {timeout.TotalSeconds} s.");
            await Task.Delay(500);
        }
    }
}

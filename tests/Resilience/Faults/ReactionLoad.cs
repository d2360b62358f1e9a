using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Ivig.EndToEnd;
using Ivig.Monitoring.V1;

namespace Ivig.Resilience.Faults;

/// <summary>
/// Many running infusions, and one grade-1 reaction reported on each at a steady pace, each call with
/// a deadline and the client's own request id, the way a ward's clients would. Records what each call
/// answered and how long it took; a report that failed can be retried with the same request id.
/// </summary>
internal sealed class ReactionLoad(ClinicalScenario scenario)
{
    public static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(5);

    public sealed record Outcome(string InfusionId, StatusCode Code, TimeSpan Elapsed, string? ReactionId);

    public ConcurrentBag<Outcome> Outcomes { get; } = [];

    /// <summary>One request id per infusion's report, kept for retries.</summary>
    private readonly ConcurrentDictionary<string, string> _requestIds = new();

    /// <summary>Starts <paramref name="count"/> infusions: 5 days of a few regimens planned on one assessment.</summary>
    public async Task<IReadOnlyList<string>> StartInfusionsAsync(int count)
    {
        var assessment = await scenario.AssessEligibleAsync();
        var regimens = await Task.WhenAll(Enumerable.Range(0, (count + 4) / 5).Select(_ => scenario.PlanAsync(assessment.AssessmentId)));
        var days = regimens.SelectMany(r => Enumerable.Range(1, 5).Select(day => (r.RegimenId, Day: day))).Take(count);
        var started = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(days, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (d, _) =>
        {
            var reply = await scenario.Monitoring.StartInfusionAsync(new StartInfusionRequest
            {
                RegimenId = d.RegimenId, Day = d.Day, BaselineVitals = ClinicalScenario.NormalVitals(),
                HydrationConfirmed = true, PremedicationGiven = true,
            }, ClinicalScenario.Nurse);
            started.Add(reply.Infusion.InfusionId);
        });
        return [.. started];
    }

    /// <summary>Reports one reaction per infusion, <paramref name="perSecond"/> of them a second, without waiting for answers.</summary>
    public async Task ReportAsync(IReadOnlyList<string> infusions, int perSecond)
    {
        var calls = new List<Task>(infusions.Count);
        var pace = TimeSpan.FromSeconds(1.0 / perSecond);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < infusions.Count; i++)
        {
            var due = pace * i - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }
            calls.Add(ReportOneAsync(infusions[i]));
        }
        await Task.WhenAll(calls);
    }

    /// <summary>Reports again, with the same request ids, every report that did not get an answer; returns their outcomes.</summary>
    public async Task<IReadOnlyList<Outcome>> RetryFailedAsync()
    {
        var failed = Outcomes.Where(o => o.Code != StatusCode.OK).Select(o => o.InfusionId).ToList();
        var retries = new ConcurrentBag<Outcome>();
        await Parallel.ForEachAsync(failed, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) => retries.Add(await SendAsync(id)));
        return [.. retries];
    }

    private async Task ReportOneAsync(string infusionId) => Outcomes.Add(await SendAsync(infusionId));

    private async Task<Outcome> SendAsync(string infusionId)
    {
        var requestId = _requestIds.GetOrAdd(infusionId, _ => Guid.NewGuid().ToString());
        var clock = Stopwatch.StartNew();
        try
        {
            var reply = await scenario.Monitoring.ReportReactionAsync(
                new ReportReactionRequest { InfusionId = infusionId, Kind = ReactionKind.Grade1, Symptoms = { "flushing" }, RequestId = requestId },
                ClinicalScenario.Nurse, deadline: DateTime.UtcNow.Add(CallDeadline));
            return new(infusionId, StatusCode.OK, clock.Elapsed, reply.Reaction.ReactionId);
        }
        catch (RpcException ex)
        {
            return new(infusionId, ex.StatusCode, clock.Elapsed, null);
        }
    }
}

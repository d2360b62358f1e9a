using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Ivig.Dosing.V1;
using Ivig.Eligibility.V1;
using Ivig.Monitoring.V1;

namespace Ivig.Resilience.BadInput;

/// <summary>
/// Everything a bad request could have touched, read through the gateway as protobuf messages: the
/// patient's assessments with their audit trails and the newest 100 audit entries of all (a wrongly accepted
/// assessment of any patient shows there), every target regimen, every target infusion, the active
/// infusions, and the alerts (the active ones, and every alert after the oldest, in any state). Compared
/// whole: nothing here changes with time alone, since every timestamp is a stored one.
/// </summary>
internal sealed class SuiteState
{
    private static readonly TimeSpan SettleInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan BacklogQuietPeriod = TimeSpan.FromMilliseconds(700);

    private readonly SortedDictionary<string, IMessage> _parts;

    private SuiteState(SortedDictionary<string, IMessage> parts) => _parts = parts;

    public int PartCount => _parts.Count;

    public static async Task<SuiteState> ReadAsync(GrpcChannel channel, BadInputTargets targets)
    {
        var eligibility = new EligibilityService.EligibilityServiceClient(channel);
        var dosing = new DosingService.DosingServiceClient(channel);
        var monitoring = new MonitoringService.MonitoringServiceClient(channel);
        var parts = new SortedDictionary<string, IMessage>(StringComparer.Ordinal)
        {
            ["assessments of the patient"] = await eligibility.ListAssessmentsAsync(
                new ListAssessmentsRequest { PatientReference = targets.PatientReference, PageSize = 100 }),
            ["audit, newest 100"] = await eligibility.ListAuditEntriesAsync(new ListAuditEntriesRequest { PageSize = 100 }),
            ["active infusions"] = await monitoring.ListActiveInfusionsAsync(new ListActiveInfusionsRequest { PageSize = 500 }),
        };
        foreach (var id in targets.AssessmentIds)
        {
            parts[$"assessment {id}"] = await eligibility.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = id });
            parts[$"audit of assessment {id}"] = await eligibility.ListAuditEntriesAsync(new ListAuditEntriesRequest { AssessmentId = id, PageSize = 100 });
        }
        foreach (var id in targets.RegimenIds)
        {
            parts[$"regimen {id}"] = await dosing.GetRegimenAsync(new GetRegimenRequest { RegimenId = id });
        }
        foreach (var id in targets.InfusionIds)
        {
            parts[$"infusion {id}"] = await monitoring.GetInfusionAsync(new GetInfusionRequest { InfusionId = id });
        }
        foreach (var alert in await AlertBacklogAsync(monitoring, new WatchAlertsRequest()))
        {
            parts[$"alert {alert.AlertId} (active)"] = alert;
        }
        foreach (var alert in await AlertBacklogAsync(monitoring, new WatchAlertsRequest { AfterAlertId = targets.OldestAlertId }))
        {
            parts[$"alert {alert.AlertId}"] = alert;
        }
        return new SuiteState(parts);
    }

    /// <summary>
    /// Reads until two reads a few seconds apart agree: the setup's last events (Dosing's rate orders over
    /// RabbitMQ, the alerts they raise) must have landed before the corpus starts, or they would read as
    /// changes made by a bad request.
    /// </summary>
    public static async Task<SuiteState> SettledAsync(GrpcChannel channel, BadInputTargets targets)
    {
        var deadline = DateTime.UtcNow + SettleTimeout;
        var previous = await ReadAsync(channel, targets);
        while (true)
        {
            await Task.Delay(SettleInterval);
            var current = await ReadAsync(channel, targets);
            if (current.DifferencesFrom(previous).Count == 0)
            {
                return current;
            }
            Assert.True(DateTime.UtcNow < deadline, "The targets kept changing: " + string.Join("; ", current.DifferencesFrom(previous)));
            previous = current;
        }
    }

    /// <summary>What differs from an earlier read, part by part, with both versions.</summary>
    public IReadOnlyList<string> DifferencesFrom(SuiteState earlier)
    {
        var differences = new List<string>();
        foreach (var key in _parts.Keys.Union(earlier._parts.Keys).Order(StringComparer.Ordinal))
        {
            var before = earlier._parts.GetValueOrDefault(key);
            var after = _parts.GetValueOrDefault(key);
            if (!Equals(before, after))
            {
                differences.Add($"{key}: before {before?.ToString() ?? "(absent)"}, after {after?.ToString() ?? "(absent)"}");
            }
        }
        return differences;
    }

    /// <summary>The backlog a watch sends at once; the watch is ended once it has been quiet for a moment.</summary>
    private static async Task<IReadOnlyList<Alert>> AlertBacklogAsync(MonitoringService.MonitoringServiceClient monitoring, WatchAlertsRequest request)
    {
        var alerts = new List<Alert>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var call = monitoring.WatchAlerts(request, cancellationToken: cts.Token);
        while (true)
        {
            var next = call.ResponseStream.MoveNext(cts.Token);
            if (await Task.WhenAny(next, Task.Delay(BacklogQuietPeriod)) != next)
            {
                await cts.CancelAsync();
                try
                {
                    await next;
                }
                catch (Exception ex) when (ex is OperationCanceledException || ex is RpcException { StatusCode: StatusCode.Cancelled })
                {
                    // The watch was ended on purpose.
                }
                return alerts;
            }
            if (!await next)
            {
                return alerts;
            }
            alerts.Add(call.ResponseStream.Current.Alert);
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Grpc.Core;
using Ivig.Dosing.V1;
using Ivig.Eligibility.V1;
using Ivig.Monitoring.V1;

namespace Ivig.Bench;

/// <summary>
/// Soak (issue 9): the clinical mix at half its measured peak for N minutes, through the gateway.
/// One "patient" = assess, plan, start day 1, stream 5 vitals readings, report a grade-1 reaction; once
/// Dosing's halved rate is applied the infusion is stopped (so the ward does not grow without bound).
/// Recorded: errors, every process's resident memory every 10 s (start vs end), and alerts lost: every
/// reaction reported must show exactly one reaction alert, both on a WatchAlerts stream held open for
/// the whole soak and, at the end, in the stored alerts (WatchAlerts resumed after a marker alert).
/// </summary>
internal static class Soak
{
    private const int PeakConcurrency = 12;
    private static readonly TimeSpan PeakDuration = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(10);

    private sealed class Ledger
    {
        public ConcurrentDictionary<string, long> Reported { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> LiveAlerts { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, long> RateChanged { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);
        public ConcurrentBag<Task> Stops { get; } = [];

        public void Error(string step, Exception ex)
        {
            var code = ex is RpcException rpc ? rpc.StatusCode.ToString() : ex.GetType().Name;
            Errors.AddOrUpdate($"{step}: {code}", 1, (_, n) => n + 1);
        }
    }

    public static async Task<bool> RunAsync(BenchRun run)
    {
        var token = run.CancellationToken;
        var gateway = run.Gateway;
        var connection = await run.Suite.ConnectionStringAsync("messaging", token) ?? throw new InvalidOperationException("No broker connection string.");
        await using var probe = await MessagingProbe.StartAsync(connection, run.Suite.Instance, token);
        var ledger = new Ledger();
        probe.RateChanged = (change, at) =>
        {
            if (change.OrderId is not null)
            {
                ledger.RateChanged.TryAdd(change.InfusionId.ToString(), at);
            }
        };

        // The alert stream every reaction must show on, open before the first one.
        using var watchCancel = CancellationTokenSource.CreateLinkedTokenSource(token);
        var monitoring = new MonitoringService.MonitoringServiceClient(gateway);
        using var watch = monitoring.WatchAlerts(new WatchAlertsRequest(), cancellationToken: watchCancel.Token);
        await watch.ResponseHeadersAsync;
        var firstAlert = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = Task.Run(async () =>
        {
            try
            {
                while (await watch.ResponseStream.MoveNext(watchCancel.Token))
                {
                    var alert = watch.ResponseStream.Current.Alert;
                    if (alert.RuleId.StartsWith("RXN-", StringComparison.Ordinal))
                    {
                        ledger.LiveAlerts.GetOrAdd(alert.InfusionId, _ => new(StringComparer.Ordinal)).TryAdd(alert.AlertId, 0);
                        firstAlert.TrySetResult(alert.AlertId);
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException || (ex is RpcException && watchCancel.IsCancellationRequested))
            {
            }
        });

        // A marker reaction: the stored alerts after its alert are exactly the soak's.
        var marker = await Scenario.StartInfusionAsync(gateway);
        await monitoring.ReportReactionAsync(new ReportReactionRequest { InfusionId = marker.InfusionId, Kind = ReactionKind.Grade1 }, cancellationToken: token);
        var markerAlert = await firstAlert.Task.WaitAsync(TimeSpan.FromSeconds(30), token);

        // 1. Peak: patients back to back at a concurrency that saturates two cores.
        Console.WriteLine($"soak: measuring the clinical mix's peak (c={PeakConcurrency}, {PeakDuration.TotalSeconds:F0} s)");
        var peak = await run.MeasureAsync(() => LoadLoop.ClosedAsync($"clinical mix peak, closed loop c={PeakConcurrency}", PeakConcurrency, PeakDuration,
            () => PatientAsync(gateway, ledger, probe, token), warmup: 2));
        var rate = Math.Max(0.5, peak.PerSecond / 2);

        // 2. Soak at half the peak, sampling memory.
        var minutes = run.Options.SoakMinutes;
        Console.WriteLine($"soak: {minutes} min at {rate:F1} patients/s (half of {peak.PerSecond:F1})");
        var samples = new List<(double Seconds, Dictionary<string, ProcessSample> Processes)>();
        var soakClock = Stopwatch.StartNew();
        using var samplingCancel = CancellationTokenSource.CreateLinkedTokenSource(token);
        var sampler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(SampleEvery);
            try
            {
                do
                {
                    samples.Add((soakClock.Elapsed.TotalSeconds, run.Processes.Sample()));
                }
                while (await timer.WaitForNextTickAsync(samplingCancel.Token));
            }
            catch (OperationCanceledException)
            {
            }
        });
        var soak = await run.MeasureAsync(() => LoadLoop.OpenAsync("clinical mix soak, open loop", rate, TimeSpan.FromMinutes(minutes),
            _ => PatientAsync(gateway, ledger, probe, token)));
        await Task.WhenAll(ledger.Stops);
        await samplingCancel.CancelAsync();
        await sampler;
        samples.Add((soakClock.Elapsed.TotalSeconds, run.Processes.Sample()));

        // 3. Alerts: give the live stream a moment, then read the stored ones after the marker.
        await Task.Delay(TimeSpan.FromSeconds(3), token);
        await watchCancel.CancelAsync();
        await reader;
        var stored = await StoredReactionAlertsAsync(monitoring, markerAlert, token);

        var reported = ledger.Reported.Keys.ToList();
        int Lost(Func<string, int> count) => reported.Count(id => count(id) == 0);
        int Duplicated(Func<string, int> count) => reported.Count(id => count(id) > 1);
        int Live(string id) => ledger.LiveAlerts.TryGetValue(id, out var a) ? a.Count : 0;
        int Stored(string id) => stored.TryGetValue(id, out var a) ? a.Count : 0;
        var memory = run.Processes.Roots.Keys.Append(ProcessStats.Bench).Append(ProcessStats.Orchestrator)
            .Where(name => samples[0].Processes.ContainsKey(name) && samples[^1].Processes.ContainsKey(name))
            .ToDictionary(name => name, name => new
            {
                startMiB = Math.Round(samples[0].Processes[name].RssMiB, 1),
                endMiB = Math.Round(samples[^1].Processes[name].RssMiB, 1),
                maxMiB = Math.Round(samples.Max(s => s.Processes.GetValueOrDefault(name)?.RssMiB ?? 0), 1),
                growthMiB = Math.Round(samples[^1].Processes[name].RssMiB - samples[0].Processes[name].RssMiB, 1),
                cpuCores = Math.Round((samples[^1].Processes[name].CpuSeconds - samples[0].Processes[name].CpuSeconds) / (samples[^1].Seconds - samples[0].Seconds), 3),
            }, StringComparer.Ordinal);
        var result = new
        {
            generatedAt = DateTimeOffset.UtcNow,
            command = run.Options.Command,
            machine = new { cores = Environment.ProcessorCount },
            minutes,
            peakPatientsPerSecond = Math.Round(peak.PerSecond, 2),
            soakPatientsPerSecond = Math.Round(rate, 2),
            patients = new { offered = (int)(rate * minutes * 60), completed = soak.Count, failed = soak.Errors, p50Ms = soak.P50Ms, p99Ms = soak.P99Ms },
            errors = new { total = ledger.Errors.Values.Sum(), byStep = ledger.Errors },
            reactionsReported = reported.Count,
            alertsLost = new
            {
                liveStream = Lost(Live), liveStreamDuplicated = Duplicated(Live),
                stored = Lost(Stored), storedDuplicated = Duplicated(Stored),
            },
            rateChangesMissing = reported.Count(id => !ledger.RateChanged.ContainsKey(id)),
            memory,
            memorySamples = samples.Select(s => new
            {
                seconds = Math.Round(s.Seconds),
                rssMiB = s.Processes.ToDictionary(p => p.Key, p => Math.Round(p.Value.RssMiB, 1), StringComparer.Ordinal),
            }),
        };
        var output = run.Options.Output;
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(result, new JsonSerializerOptions
        {
            WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        }), token);

        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(c, $"Command: `{run.Options.Command}` on {Environment.ProcessorCount} cores, loopback, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        md.AppendLine();
        md.AppendLine(c, $"Clinical mix (assess, plan, start, 5 streamed vitals, grade-1 reaction, stop after the rate order): peak {peak.PerSecond:F1} patients/s "
            + $"(closed loop c={PeakConcurrency}); soak {minutes} min at {rate:F1} patients/s, open loop, through the gateway.");
        md.AppendLine();
        md.AppendLine("| figure | value |");
        md.AppendLine("|---|---:|");
        md.AppendLine(c, $"| patients offered / completed / failed | {result.patients.offered} / {soak.Count} / {soak.Errors} |");
        md.AppendLine(c, $"| patient latency p50 / p99 (ms) | {soak.P50Ms:F0} / {soak.P99Ms:F0} |");
        md.AppendLine(c, $"| errors (all steps) | {result.errors.total} |");
        md.AppendLine(c, $"| reactions reported | {reported.Count} |");
        md.AppendLine(c, $"| alerts lost: live WatchAlerts stream (duplicated) | {result.alertsLost.liveStream} ({result.alertsLost.liveStreamDuplicated}) |");
        md.AppendLine(c, $"| alerts lost: stored, read back at the end (duplicated) | {result.alertsLost.stored} ({result.alertsLost.storedDuplicated}) |");
        md.AppendLine(c, $"| rate changes not applied | {result.rateChangesMissing} |");
        foreach (var (step, n) in ledger.Errors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            md.AppendLine(c, $"| error: {step} | {n} |");
        }
        md.AppendLine();
        md.AppendLine(c, $"Resident memory, sampled every {SampleEvery.TotalSeconds:F0} s ({samples.Count} samples):");
        md.AppendLine();
        md.AppendLine("| process | start MiB | end MiB | max MiB | growth MiB | cores |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, m) in memory.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            md.AppendLine(c, $"| {name} | {m.startMiB:F0} | {m.endMiB:F0} | {m.maxMiB:F0} | {m.growthMiB:+0;-0;0} | {m.cpuCores:F2} |");
        }
        await File.WriteAllTextAsync(Path.ChangeExtension(output, ".md"), md.ToString(), token);
        Console.WriteLine($"results: {output}");
        Console.WriteLine(md.ToString());
        return result.errors.total == 0 && soak.Errors == 0 && result.alertsLost.stored == 0 && result.alertsLost.storedDuplicated == 0
            && result.alertsLost.liveStream == 0;
    }

    /// <summary>One patient through the gateway; the stop waits (off the clock) for Dosing's rate order.</summary>
    private static async Task PatientAsync(Grpc.Net.Client.GrpcChannel gateway, Ledger ledger, MessagingProbe probe, CancellationToken token)
    {
        var step = "AssessEligibility";
        try
        {
            var assessment = (await new EligibilityService.EligibilityServiceClient(gateway)
                .AssessEligibilityAsync(Scenario.Assessment(), cancellationToken: token)).Assessment;
            step = "PlanRegimen";
            var regimen = (await new DosingService.DosingServiceClient(gateway)
                .PlanRegimenAsync(Scenario.Plan(assessment.AssessmentId), cancellationToken: token)).Regimen;
            step = "StartInfusion";
            var monitoring = new MonitoringService.MonitoringServiceClient(gateway);
            var infusion = (await monitoring.StartInfusionAsync(Scenario.Start(regimen.RegimenId, 1), cancellationToken: token)).Infusion;
            step = "StreamVitals";
            using (var stream = monitoring.StreamVitals(cancellationToken: token))
            {
                for (var i = 0; i < 5; i++)
                {
                    await stream.RequestStream.WriteAsync(new StreamVitalsRequest { InfusionId = infusion.InfusionId, Vitals = Scenario.Vitals() }, token);
                }
                await stream.RequestStream.CompleteAsync();
                await stream.ResponseAsync;
            }
            step = "ReportReaction";
            await monitoring.ReportReactionAsync(new ReportReactionRequest { InfusionId = infusion.InfusionId, Kind = ReactionKind.Grade1 }, cancellationToken: token);
            ledger.Reported[infusion.InfusionId] = Stopwatch.GetTimestamp();
            ledger.Stops.Add(StopAfterRateOrderAsync(monitoring, infusion.InfusionId, ledger, token));
        }
        catch (Exception ex) when (ex is RpcException or IOException or HttpRequestException)
        {
            ledger.Error(step, ex);
            throw;
        }
    }

    private static async Task StopAfterRateOrderAsync(MonitoringService.MonitoringServiceClient monitoring, string infusionId, Ledger ledger, CancellationToken token)
    {
        var waited = Stopwatch.StartNew();
        while (!ledger.RateChanged.ContainsKey(infusionId) && waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(250, token);
        }
        try
        {
            await monitoring.StopInfusionAsync(new StopInfusionRequest { InfusionId = infusionId, Reason = "bench soak: course ended" }, cancellationToken: token);
        }
        catch (RpcException ex)
        {
            ledger.Error("StopInfusion", ex);
        }
    }

    /// <summary>Every stored reaction alert raised after the marker, by infusion (WatchAlerts resumed after it: the backlog, once each).</summary>
    private static async Task<Dictionary<string, HashSet<string>>> StoredReactionAlertsAsync(MonitoringService.MonitoringServiceClient monitoring, string afterAlertId, CancellationToken token)
    {
        var stored = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(token);
        using var watch = monitoring.WatchAlerts(new WatchAlertsRequest { AfterAlertId = afterAlertId }, cancellationToken: cancel.Token);
        try
        {
            // The backlog comes first; the stream then waits for live changes, so 5 quiet seconds mean "all read".
            while (true)
            {
                using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancel.Token);
                quiet.CancelAfter(TimeSpan.FromSeconds(5));
                if (!await watch.ResponseStream.MoveNext(quiet.Token))
                {
                    break;
                }
                var alert = watch.ResponseStream.Current.Alert;
                if (alert.RuleId.StartsWith("RXN-", StringComparison.Ordinal))
                {
                    (stored.TryGetValue(alert.InfusionId, out var ids) ? ids : stored[alert.InfusionId] = new(StringComparer.Ordinal)).Add(alert.AlertId);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException || (ex is RpcException rpc && rpc.StatusCode == StatusCode.Cancelled))
        {
        }
        await cancel.CancelAsync();
        return stored;
    }
}

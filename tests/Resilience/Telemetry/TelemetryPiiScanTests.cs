using System.Diagnostics;
using Xunit.Abstractions;

namespace Ivig.Resilience.Telemetry;

/// <summary>
/// Issue 9 security check: no patient-identifying value appears in logs, span attributes or metric labels.
/// The real suite exports OTLP to a capture receiver; the clinical path runs with unique sentinel values in
/// the patient reference and every free-text field (and in bad fields of failed calls); once every process
/// has exported all three signals after the path, no captured body may contain any sentinel.
/// </summary>
[Collection(TelemetryCaptureCollection.Name)]
public sealed class TelemetryPiiScanTests(TelemetryCaptureSuiteFixture suite, ITestOutputHelper output)
{
    private static readonly string[] Processes = ["eligibility", "dosing", "monitoring", "gateway"];
    private static readonly TimeSpan ExportWait = TimeSpan.FromSeconds(60);

    // Spans and logs are exported 200 ms after they end, metrics every second: this much after the last
    // call, a metrics export of every process shows its exporters have run past the path.
    private static readonly TimeSpan FlushMargin = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task No_sentinel_value_reaches_logs_span_attributes_or_metric_labels()
    {
        var clock = Stopwatch.StartNew();
        var sentinels = new PiiSentinels();
        var path = new SentinelClinicalPath(suite, sentinels);
        await path.RunAsync();
        output.WriteLine($"Clinical path with sentinels and {path.FailedCalls} failed calls driven in {clock.Elapsed.TotalSeconds:0.0} s.");

        var exports = await WaitForExportsAfterAsync(DateTime.UtcNow + FlushMargin);
        var byProcess = exports.GroupBy(e => OtlpPayload.ServiceName(e.Body) ?? "(no service.name)").ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (process, received) in byProcess.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{process}: " + string.Join(", ", OtlpCaptureReceiver.Signals.Select(s =>
                $"{s} {received.Count(e => e.Signal == s)} bodies / {received.Where(e => e.Signal == s).Sum(e => e.Body.Length) / 1024} KB")));
        }
        foreach (var process in Processes)
        {
            foreach (var signal in OtlpCaptureReceiver.Signals)
            {
                Assert.True(byProcess.GetValueOrDefault(process)?.Any(e => e.Signal == signal) == true, $"No {signal} received from {process}.");
            }
        }

        var occurrences = (
            from export in exports
            from sentinel in sentinels.All
            from context in OtlpPayload.Contexts(export.Body, sentinel.Value)
            select new SentinelOccurrence(sentinel.Key, export.Signal, OtlpPayload.ServiceName(export.Body) ?? "(no service.name)", context))
            .Distinct().ToList();
        var known = occurrences.Where(o => KnownLeaks.For(o) is not null).ToList();
        var leaks = occurrences.Except(known).ToList();
        output.WriteLine($"{exports.Count} bodies ({exports.Sum(e => e.Body.Length) / 1024} KB) scanned for {sentinels.All.Count} sentinels in {clock.Elapsed.TotalSeconds:0.0} s: " +
            $"{leaks.Count} new occurrence(s), {known.Count} of reported leaks.");
        foreach (var leak in KnownLeaks.All)
        {
            var seen = known.Where(leak.Explains).ToList();
            output.WriteLine($"Reported leak {leak.Id}, {seen.Count} occurrence(s){(seen.Count == 0 ? " -- no longer seen: remove it from KnownLeaks" : "")}: {leak.Description}");
            foreach (var occurrence in seen)
            {
                output.WriteLine("  " + occurrence);
            }
        }
        foreach (var leak in leaks)
        {
            output.WriteLine("NEW: " + leak);
        }
        Assert.True(leaks.Count == 0, $"Sentinel values reached telemetry:{Environment.NewLine}{string.Join(Environment.NewLine, leaks)}");
    }

    /// <summary>Waits until every process has exported every signal, and metrics after <paramref name="after"/>.</summary>
    private async Task<IReadOnlyList<CapturedExport>> WaitForExportsAfterAsync(DateTime after)
    {
        var deadline = DateTime.UtcNow + ExportWait;
        while (true)
        {
            var exports = suite.Receiver.Exports;
            var complete = Processes.All(process =>
            {
                var mine = exports.Where(e => OtlpPayload.ServiceName(e.Body) == process).ToList();
                return OtlpCaptureReceiver.Signals.All(s => mine.Any(e => e.Signal == s))
                    && mine.Any(e => e.Signal == "metrics" && e.ReceivedAt > after);
            });
            if (complete || DateTime.UtcNow > deadline)
            {
                return exports;
            }
            await Task.Delay(500);
        }
    }
}

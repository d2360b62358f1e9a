using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Ivig.Bench;

/// <summary>Server-side request latency of one service, per one-second interval, from its own histogram.</summary>
internal sealed record ServerLatency(int Intervals, double P50Ms, double P95Ms, double P99Ms, double WorstIntervalP99Ms)
{
    public override string ToString() =>
        $"p50 {P50Ms:F2} ms, p95 {P95Ms:F2} ms, p99 {P99Ms:F2} ms (medians of {Intervals} one-second intervals; worst interval p99 {WorstIntervalP99Ms:F2} ms)";
}

/// <summary>
/// Reads ASP.NET Core's own <c>http.server.request.duration</c> histogram of a service process with
/// dotnet-counters (a local tool: bench/dotnet-tools.json), which reports its 50th, 95th and 99th
/// percentiles for every one-second interval: the time Kestrel's hosting layer spent on each request,
/// without the client or the loopback. If the tool cannot run, the figure is simply absent.
/// </summary>
internal sealed class ServerCounters : IAsyncDisposable
{
    private readonly Process? _process;
    private readonly string _file;

    private ServerCounters(Process? process, string file)
    {
        _process = process;
        _file = file;
    }

    // A fresh clone has the tool pinned (bench/dotnet-tools.json) but not yet restored.
    private static readonly Lazy<Task> ToolRestored = new(RestoreToolAsync);

    private static async Task RestoreToolAsync()
    {
        try
        {
            using var restore = Process.Start(new ProcessStartInfo("dotnet", ["tool", "restore"])
            {
                WorkingDirectory = Path.Combine(Suite.RepositoryRoot, "bench"),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (restore is not null)
            {
                _ = restore.StandardOutput.ReadToEndAsync();
                _ = restore.StandardError.ReadToEndAsync();
                await restore.WaitForExitAsync();
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No dotnet on the PATH: the server-side figures are simply absent.
        }
    }

    public static async Task<ServerCounters> StartAsync(int pid, TimeSpan duration, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Path.GetTempPath(), $"bench-counters-{pid}-{Guid.NewGuid():N}.json");
        await ToolRestored.Value.WaitAsync(cancellationToken);
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Path.Combine(Suite.RepositoryRoot, "bench"),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
            };
            foreach (var arg in new[]
            {
                "dotnet-counters", "collect", "--process-id", pid.ToString(CultureInfo.InvariantCulture),
                "--counters", "Microsoft.AspNetCore.Hosting[http.server.request.duration]", "--refresh-interval", "1",
                "--format", "json", "--output", file, "--duration", duration.Add(TimeSpan.FromSeconds(2)).ToString(@"dd\:hh\:mm\:ss", CultureInfo.InvariantCulture),
            })
            {
                start.ArgumentList.Add(arg);
            }
            var process = Process.Start(start);
            if (process is not null)
            {
                process.OutputDataReceived += (_, _) => { };
                process.ErrorDataReceived += (_, _) => { };
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                // The session is established within a second or two; the first interval is dropped anyway.
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
            return new ServerCounters(process, file);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return new ServerCounters(null, file);
        }
    }

    public async Task<ServerLatency?> ReadAsync()
    {
        if (_process is null)
        {
            return null;
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        if (!File.Exists(_file))
        {
            return null;
        }
        // {"TargetProcess": ..., "Events": [{"timestamp", "provider", "name", "tags": "...,Percentile=99", "counterType", "value"}]}
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_file));
        var byInterval = new Dictionary<(string At, string Route), Dictionary<string, double>>();
        foreach (var e in json.RootElement.GetProperty("Events").EnumerateArray())
        {
            var name = e.GetProperty("name").GetString() ?? "";
            var tags = e.TryGetProperty("tags", out var t) ? t.GetString() ?? "" : "";
            if (!name.StartsWith("http.server.request.duration", StringComparison.Ordinal) || tags.Contains("/health", StringComparison.Ordinal))
            {
                continue;
            }
            var percentile = tags.Split(',').Select(x => x.Trim()).FirstOrDefault(x => x.StartsWith("Percentile=", StringComparison.Ordinal));
            if (percentile is null)
            {
                continue;
            }
            var route = string.Join(',', tags.Split(',').Where(x => !x.Contains("Percentile=", StringComparison.Ordinal)));
            // One interval's percentiles are separate events a few microseconds apart: key them by the second.
            var at = e.GetProperty("timestamp").GetString() ?? "";
            var key = (at.Length >= 19 ? at[..19] : at, route);
            var values = byInterval.TryGetValue(key, out var v) ? v : byInterval[key] = new Dictionary<string, double>();
            // Seconds in the histogram; milliseconds in the report.
            values[percentile["Percentile=".Length..]] = e.GetProperty("value").GetDouble() * (name.Contains("[ms]", StringComparison.Ordinal) ? 1 : 1000);
        }
        // The busiest route is the measured call; the first and last intervals are partial.
        var main = byInterval.GroupBy(k => k.Key.Route).OrderByDescending(g => g.Count()).FirstOrDefault();
        if (main is null)
        {
            return null;
        }
        var intervals = main.OrderBy(k => k.Key.At, StringComparer.Ordinal).Select(k => k.Value).ToList();
        if (intervals.Count > 3)
        {
            intervals = intervals.Skip(1).SkipLast(1).ToList();
        }
        double Median(string p)
        {
            var values = intervals.Where(i => i.ContainsKey(p)).Select(i => i[p]).Order().ToList();
            return values.Count == 0 ? double.NaN : values[values.Count / 2];
        }
        return new ServerLatency(intervals.Count, Median("50"), Median("95"), Median("99"),
            intervals.Where(i => i.ContainsKey("99")).Select(i => i["99"]).DefaultIfEmpty(double.NaN).Max());
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
        if (Environment.GetEnvironmentVariable("BENCH_KEEP_COUNTERS") is null)
        {
            File.Delete(_file);
        }
    }
}

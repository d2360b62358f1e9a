using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ivig.Bench;

/// <summary>One issue-10 target: the figure, how it was computed, and whether this run met it.</summary>
internal sealed record Target(string Name, double Value, string Unit, string Goal, bool? Met);

/// <summary>The run's results as bench/results/*.json and a Markdown table beside it.</summary>
internal static class Report
{
    public static List<Target> Targets(BenchRun run)
    {
        var targets = new List<Target>();
        Stats? S(string name) => run.Find(name);
        void Add(string name, double value, string unit, string goal, Func<double, bool> met) =>
            targets.Add(new Target(name, Math.Round(value, 3), unit, goal, double.IsNaN(value) ? null : met(value)));

        if (S(BenchRun.Unary("gateway", 32)) is { } g32 && S(BenchRun.Unary("bare-proxy", 32)) is { } b32 && S(BenchRun.Unary("direct", 32)) is { } d32)
        {
            Add("gateway ÷ bare proxy throughput, c=32", g32.PerSecond / b32.PerSecond, "×", ">= 0.9", v => v >= 0.9);
            Add("gateway ÷ direct throughput, c=32", g32.PerSecond / d32.PerSecond, "×", "(reported)", _ => true);
            Add("bare proxy ÷ direct throughput, c=32", b32.PerSecond / d32.PerSecond, "×", "(reported)", _ => true);
        }
        if (S(BenchRun.Unary("gateway", 1)) is { } g1 && S(BenchRun.Unary("bare-proxy", 1)) is { } b1 && S(BenchRun.Unary("direct", 1)) is { } d1)
        {
            Add("gateway added p50 over direct, c=1", g1.P50Ms - d1.P50Ms, "ms", "<= 0.3", v => v <= 0.3);
            Add("bare proxy added p50 over direct, c=1", b1.P50Ms - d1.P50Ms, "ms", "(reported)", _ => true);
            Add("gateway ÷ bare proxy throughput, c=1", g1.PerSecond / b1.PerSecond, "×", "(reported)", _ => true);
        }
        if (S(BenchRun.ReactionBoth) is { } both)
        {
            Add("reaction -> rate change and alert, p50", both.P50Ms, "ms", "<= 10", v => v <= 10);
            Add("reaction -> rate change and alert, p99", both.P99Ms, "ms", "<= 25", v => v <= 25);
            if (S(BenchRun.Relay) is { } relay)
            {
                Add("reaction ÷ bare MassTransit relay, p50", both.P50Ms / relay.P50Ms, "×", "<= 3", v => v <= 3);
                Add("reaction ÷ bare MassTransit relay, p99", both.P99Ms / relay.P99Ms, "×", "<= 3", v => v <= 3);
            }
            Add("reactions without alert or rate change", both.Errors, "", "0", v => v == 0);
        }
        var half = BenchRun.HalfRateSuffix(run.ReactionRate / 2);
        if (S(BenchRun.ReactionBoth + half) is { } halfBoth)
        {
            Add($"reaction -> rate change and alert{half}, p50", halfBoth.P50Ms, "ms", "(reported)", _ => true);
            Add($"reaction -> rate change and alert{half}, p99", halfBoth.P99Ms, "ms", "(reported)", _ => true);
            if (S(BenchRun.Relay + half) is { } halfRelay)
            {
                Add($"reaction ÷ bare MassTransit relay{half}, p50", halfBoth.P50Ms / halfRelay.P50Ms, "×", "(reported)", _ => true);
            }
        }
        foreach (var (name, where) in new[] { (BenchRun.VitalsDirect, "direct to Monitoring"), (BenchRun.VitalsGateway, "through the gateway") })
        {
            if (S(name) is { } vitals)
            {
                Add($"StreamVitals readings/s ({where})", vitals.PerSecond, "/s", ">= 40000", v => v >= 40_000);
                if (S(BenchRun.EchoStream) is { } echo)
                {
                    // The echo has no proxy in front of it: the like-for-like ratio is the direct one.
                    Add($"StreamVitals ({where}) ÷ bare streaming echo", vitals.PerSecond / echo.PerSecond, "×",
                        name == BenchRun.VitalsDirect ? ">= 0.5" : "(reported)", v => v >= 0.5);
                }
            }
        }
        if (run.Figures.TryGetValue("memoryMiBAtActiveInfusions", out var m) && m is Dictionary<string, double> memory)
        {
            var active = run.Figures.TryGetValue("activeInfusions", out var a) ? a : 0;
            var services = memory.Where(p => Suite.Services.Contains(p.Key)).Sum(p => p.Value);
            Add($"resident memory of the four .NET services at {active} active infusions", services, "MiB", "< 1024", v => v < 1024);
            Add($"resident memory incl. Redis and RabbitMQ at {active} active infusions",
                memory.Where(p => p.Key is not ProcessStats.Bench and not ProcessStats.Orchestrator and not ProcessStats.Launchers and not ProcessStats.Other).Sum(p => p.Value), "MiB", "(reported)", _ => true);
        }
        if (S(BenchRun.ListActive) is { } list)
        {
            Add("ListActiveInfusions p99", list.P99Ms, "ms", "< 50", v => v < 50);
        }
        foreach (var (name, service) in new[] { (BenchRun.Assess, "eligibility"), (BenchRun.PlanRegimen, "dosing") })
        {
            if (S(name) is { } decision)
            {
                Add($"{service} decision p99, client-observed direct", decision.P99Ms, "ms", "<= 2 (upper bound of server-side)", v => v <= 2);
                if (run.Figures.TryGetValue($"server-side {name}", out var s) && s is ServerLatency server)
                {
                    Add($"{service} decision p99, server-side histogram", server.P99Ms, "ms", "<= 2", v => v <= 2);
                }
            }
        }
        Add("cold start, bench AppHost start to all healthy", run.Suite.ColdStartSeconds, "s", "<= 30", v => v <= 30);
        if (run.Figures.TryGetValue("coldStartReadmeSeconds", out var c) && c is double readme)
        {
            Add("cold start, README run command (scripts/run.sh) to 'suite ready'", readme, "s", "<= 30", v => v <= 30);
        }
        return targets;
    }

    public static async Task WriteAsync(BenchRun run, IReadOnlyDictionary<string, double> memoryAtEnd, string? loadAverageAtStart)
    {
        var options = run.Options;
        var targets = Targets(run);
        var report = new
        {
            generatedAt = DateTimeOffset.UtcNow,
            mode = options.Mode.ToString().ToLowerInvariant(),
            command = options.Command,
            machine = new { cores = Environment.ProcessorCount, os = Environment.OSVersion.ToString(), loadAverageAtStart },
            topology = "as the AppHost defines it: each service on its own loopback ports, no orchestrator proxy in between",
            coldStartToHealthySeconds = run.Suite.ColdStartSeconds,
            targets,
            results = run.Results.Select(r => new
            {
                r.Name, r.Count, r.Seconds, perSecond = r.PerSecond, p50Ms = r.P50Ms, p95Ms = r.P95Ms, p99Ms = r.P99Ms, r.Errors, r.Note, cpuCores = r.CpuCores,
            }),
            figures = run.Figures,
            memoryMiBAtEnd = memoryAtEnd,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(options.Output)!);
        var json = JsonSerializer.Serialize(report, new JsonSerializerOptions
        {
            WriteIndented = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        });
        await File.WriteAllTextAsync(options.Output, json);
        var markdown = Markdown(run, targets, memoryAtEnd, loadAverageAtStart);
        await File.WriteAllTextAsync(Path.ChangeExtension(options.Output, ".md"), markdown);
        Console.WriteLine($"results: {options.Output}");
        Console.WriteLine(markdown);
    }

    private static string Markdown(BenchRun run, List<Target> targets, IReadOnlyDictionary<string, double> memoryAtEnd, string? loadAverage)
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(c, $"Command: `{run.Options.Command}` on {Environment.ProcessorCount} cores, loopback, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC"
            + $" (load average at start: {loadAverage ?? "?"}). Bench AppHost start to all healthy: {run.Suite.ColdStartSeconds:F1} s.");
        md.AppendLine();
        md.AppendLine("| target (issue 10) | this run | goal | met |");
        md.AppendLine("|---|---:|---|---|");
        foreach (var t in targets)
        {
            md.AppendLine(c, $"| {t.Name} | {Format(t.Value)} {t.Unit} | {t.Goal} | {(t.Met is null ? "n/a" : t.Goal.StartsWith('(') ? "" : t.Met.Value ? "yes" : "**no**")} |");
        }
        md.AppendLine();
        md.AppendLine("| measurement | calls | per second | p50 ms | p95 ms | p99 ms | errors | busiest processes (cores) |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in run.Results)
        {
            var cpu = r.CpuCores is null ? "" : string.Join(", ", r.CpuCores.Where(x => x.Value >= 0.05).OrderByDescending(x => x.Value).Take(4).Select(x => $"{x.Key} {x.Value:F2}"));
            var name = r.Note is null ? r.Name : $"{r.Name} ({r.Note})";
            md.AppendLine(c, $"| {name} | {r.Count} | {r.PerSecond:F0} | {Format(r.P50Ms)} | {Format(r.P95Ms)} | {Format(r.P99Ms)} | {r.Errors} | {cpu} |");
        }
        foreach (var (name, value) in run.Figures.Where(f => f.Value is ServerLatency))
        {
            md.AppendLine();
            md.AppendLine(c, $"{name} (dotnet-counters): {value}");
        }
        if (run.Figures.TryGetValue("memoryMiBAtActiveInfusions", out var m) && m is Dictionary<string, double> at)
        {
            md.AppendLine();
            md.AppendLine(c, $"Resident memory at {run.Figures.GetValueOrDefault("activeInfusions")} active infusions, and at the end of the run:");
            md.AppendLine();
            var peak = run.Figures.TryGetValue("memoryMiBAtActiveInfusionsPeak", out var p) && p is Dictionary<string, double> pk ? pk : [];
            md.AppendLine("| process | MiB right after ListActiveInfusions load | MiB at N active, settled | MiB at end |");
            md.AppendLine("|---|---:|---:|---:|");
            foreach (var name in at.Keys.Union(memoryAtEnd.Keys).Where(n => n != ProcessStats.Other).Order(StringComparer.Ordinal))
            {
                md.AppendLine(c, $"| {name} | {Format(peak.GetValueOrDefault(name, double.NaN))} | {Format(at.GetValueOrDefault(name, double.NaN))} | {Format(memoryAtEnd.GetValueOrDefault(name, double.NaN))} |");
            }
        }
        return md.ToString();
    }

    private static string Format(double value) => double.IsNaN(value) ? "—" : value.ToString(Math.Abs(value) >= 100 ? "F0" : "F2", CultureInfo.InvariantCulture);
}

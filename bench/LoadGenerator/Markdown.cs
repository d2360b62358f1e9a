using System.Globalization;
using System.Text;

namespace Ivig.Bench;

internal static class Markdown
{
    public static string Render(string command, double coldStart, IReadOnlyList<Stats> results, Dictionary<string, double> ratios, Dictionary<string, double> memory)
    {
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.AppendLine(c, $"Command: `{command}` (2 cores, loopback). Suite cold start to all healthy: {coldStart:F1} s.");
        md.AppendLine();
        md.AppendLine("| measurement | calls | per second | p50 ms | p95 ms | p99 ms | errors |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            md.AppendLine(c, $"| {r.Name} | {r.Count} | {r.PerSecond:F0} | {r.P50Ms:F2} | {r.P95Ms:F2} | {r.P99Ms:F2} | {r.Errors} |");
        }
        md.AppendLine();
        md.AppendLine("| ratio (same run) | value |");
        md.AppendLine("|---|---:|");
        foreach (var (name, value) in ratios)
        {
            md.AppendLine(c, $"| {name} | {value:F2} |");
        }
        md.AppendLine();
        md.AppendLine("| process | resident MiB |");
        md.AppendLine("|---|---:|");
        foreach (var (name, mib) in memory.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            md.AppendLine(c, $"| {name} | {mib:F0} |");
        }
        return md.ToString();
    }
}

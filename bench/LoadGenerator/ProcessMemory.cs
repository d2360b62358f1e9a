namespace Ivig.Bench;

/// <summary>Resident memory of the suite's processes (from /proc), by process name.</summary>
internal static class ProcessMemory
{
    private static readonly string[] Names = ["Eligibility.Service", "Dosing.Service", "Monitoring.Service", "Gateway", "redis-server", "beam.smp"];

    public static Dictionary<string, double> OfSuite()
    {
        var memory = new Dictionary<string, double>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var status = File.ReadAllLines(Path.Combine(dir, "status"));
                var name = status.First(l => l.StartsWith("Name:", StringComparison.Ordinal))[5..].Trim();
                var match = Names.FirstOrDefault(n => n.StartsWith(name, StringComparison.Ordinal));
                var rss = status.FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                if (match is not null && rss is not null)
                {
                    var kib = double.Parse(rss[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                    memory[match] = memory.GetValueOrDefault(match) + kib / 1024;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // The process ended while we looked.
            }
        }
        return memory;
    }
}

using System.Globalization;

namespace Ivig.Bench;

/// <summary>CPU time and resident memory of one process group at one moment (from /proc).</summary>
internal sealed record ProcessSample(double CpuSeconds, double RssMiB);

/// <summary>
/// CPU and memory per process of the suite, read from /proc: utime+stime of /proc/PID/stat and VmRSS of
/// /proc/PID/status, summed over each resource's process tree (RabbitMQ is a shell, erl and beam.smp).
/// "bench" is this process alone (client, bare proxy, echo and relay baselines, and the in-process
/// AppHost); "aspire-dcp" is the orchestrator's own processes.
/// </summary>
internal sealed class ProcessStats(Dictionary<string, int> roots)
{
    /// <summary>Counts another process (a baseline the bench started) under its own name.</summary>
    public void Add(string name, int pid) => roots[name] = pid;

    public void Remove(string name) => roots.Remove(name);

    // USER_HZ: 100 on every Linux configuration .NET supports.
    private const double TicksPerSecond = 100;

    public IReadOnlyDictionary<string, int> Roots => roots;

    public const string Bench = "bench";
    public const string Orchestrator = "aspire-dcp";

    /// <summary>Everything else on the machine (other people's builds and tests): busy CPU of /proc/stat minus the processes above.</summary>
    public const string Other = "other (not the suite)";

    public const string Launchers = "aspire launchers (dotnet run)";

    /// <summary>
    /// The process that is the service itself: Aspire starts a project as "dotnet run --no-build", whose
    /// child is the service; that launcher exists only on a developer's machine and is counted apart.
    /// </summary>
    public int AppPid(string resource)
    {
        var pid = roots[resource];
        if (!IsLauncher(pid))
        {
            return pid;
        }
        var all = ReadAll();
        return all.Values.Where(p => p.ParentPid == pid).Select(p => p.Pid).DefaultIfEmpty(pid).First();
    }

    public Dictionary<string, ProcessSample> Sample()
    {
        var all = ReadAll();
        var children = all.Values.GroupBy(p => p.ParentPid).ToDictionary(g => g.Key, g => g.Select(p => p.Pid).ToList());
        var owner = new Dictionary<int, string>();
        foreach (var (name, pid) in roots)
        {
            foreach (var member in Tree(pid, children))
            {
                owner[member] = member == pid && IsLauncher(pid) ? Launchers : name;
            }
        }
        // The orchestrator (dcp) runs detached, watching this process; and whatever else this process started.
        var self = Environment.ProcessId;
        var monitor = $"--monitor\0{self}\0";
        var orchestrators = all.Keys.Where(pid => Cmdline(pid) is { } c && c.Contains("start-apiserver", StringComparison.Ordinal)
            && c.Contains(monitor, StringComparison.Ordinal)).Append(self);
        foreach (var member in orchestrators.SelectMany(o => Tree(o, children)).Where(p => p != self && !owner.ContainsKey(p)))
        {
            owner[member] = Orchestrator;
        }
        owner[self] = Bench;

        var result = new Dictionary<string, ProcessSample>(StringComparer.Ordinal);
        foreach (var (pid, name) in owner)
        {
            if (all.TryGetValue(pid, out var p))
            {
                var sum = result.GetValueOrDefault(name) ?? new ProcessSample(0, 0);
                result[name] = new ProcessSample(sum.CpuSeconds + p.CpuSeconds, sum.RssMiB + ReadRssMiB(pid));
            }
        }
        result[Other] = new ProcessSample(MachineBusySeconds() - result.Values.Sum(r => r.CpuSeconds), 0);
        return result;
    }

    private static bool IsLauncher(int pid) => Cmdline(pid) is { } c && c.StartsWith("dotnet\0run\0", StringComparison.Ordinal);

    private static string? Cmdline(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static double MachineBusySeconds()
    {
        try
        {
            // "cpu  user nice system idle iowait irq softirq steal ...": busy = all but idle and iowait.
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return (fields.Sum() - fields[3] - fields[4] - (fields.Length > 8 ? fields[8..].Sum() : 0)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Cores used by each process between two samples (CPU seconds per wall second).</summary>
    public static Dictionary<string, double> Cores(Dictionary<string, ProcessSample> before, Dictionary<string, ProcessSample> after, double seconds) =>
        after.Where(a => before.ContainsKey(a.Key))
            .ToDictionary(a => a.Key, a => Math.Round(Math.Max(0, a.Value.CpuSeconds - before[a.Key].CpuSeconds) / seconds, 3), StringComparer.Ordinal);

    private static IEnumerable<int> Tree(int root, Dictionary<int, List<int>> children)
    {
        var stack = new Stack<int>([root]);
        var seen = new HashSet<int>();
        while (stack.TryPop(out var pid))
        {
            if (!seen.Add(pid))
            {
                continue;
            }
            yield return pid;
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                stack.Push(child);
            }
        }
    }

    private sealed record Proc(int Pid, int ParentPid, double CpuSeconds);

    private static Dictionary<int, Proc> ReadAll()
    {
        var all = new Dictionary<int, Proc>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                // "pid (comm) state ppid ... utime(14) stime(15)": comm may hold spaces, so split after ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                var ticks = double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
                all[pid] = new Proc(pid, parent, ticks / TicksPerSecond);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process ended while we looked.
            }
        }
        return all;
    }

    private static double ReadRssMiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}

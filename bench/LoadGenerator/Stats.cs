namespace Ivig.Bench;

/// <summary>Latency samples of one measurement and what they add up to, with the CPU each process used meanwhile.</summary>
internal sealed record Stats(string Name, int Count, double Seconds, double P50Ms, double P95Ms, double P99Ms, int Errors)
{
    public double PerSecond => Seconds > 0 ? Count / Seconds : 0;

    /// <summary>Cores used by each process during the measurement (CPU seconds per wall second).</summary>
    public Dictionary<string, double>? CpuCores { get; init; }

    /// <summary>What the figure is, when its name does not say it all (open-loop rate, where it was measured).</summary>
    public string? Note { get; init; }

    public static Stats From(string name, List<double> samplesMs, double seconds, int errors)
    {
        samplesMs.Sort();
        return new Stats(name, samplesMs.Count, seconds, At(samplesMs, 0.50), At(samplesMs, 0.95), At(samplesMs, 0.99), errors);
    }

    /// <summary>A throughput figure without latencies (readings per second of a stream).</summary>
    public static Stats Throughput(string name, int count, double seconds, int errors) =>
        new(name, count, seconds, double.NaN, double.NaN, double.NaN, errors);

    private static double At(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1))];

    public override string ToString() => double.IsNaN(P50Ms)
        ? $"{Name}: {PerSecond:F0}/s ({Count} in {Seconds:F1} s), errors {Errors}"
        : $"{Name}: {PerSecond:F0}/s, p50 {P50Ms:F2} ms, p95 {P95Ms:F2} ms, p99 {P99Ms:F2} ms ({Count} in {Seconds:F1} s), errors {Errors}";
}

namespace Ivig.Bench;

/// <summary>Latency samples of one measurement and what they add up to.</summary>
internal sealed record Stats(string Name, int Count, double Seconds, double P50Ms, double P95Ms, double P99Ms, int Errors)
{
    public double PerSecond => Seconds > 0 ? Count / Seconds : 0;

    public static Stats From(string name, List<double> samplesMs, double seconds, int errors)
    {
        samplesMs.Sort();
        double At(double q) => samplesMs.Count == 0 ? double.NaN : samplesMs[Math.Min(samplesMs.Count - 1, (int)Math.Ceiling(q * samplesMs.Count) - 1)];
        return new Stats(name, samplesMs.Count, seconds, At(0.50), At(0.95), At(0.99), errors);
    }
}

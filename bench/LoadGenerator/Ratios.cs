namespace Ivig.Bench;

/// <summary>The figures issue 10 asks for, as ratios of measurements taken in the same run.</summary>
internal static class Ratios
{
    public static Dictionary<string, double> From(IReadOnlyList<Stats> results)
    {
        Stats Find(string name) => results.First(r => r.Name == name);
        var ratios = new Dictionary<string, double>();
        var direct32 = Find("unary GetProduct direct c=32");
        var bare32 = Find("unary GetProduct bare-proxy c=32");
        var gateway32 = Find("unary GetProduct gateway c=32");
        ratios["gateway / bare proxy throughput (c=32), target >= 0.9"] = gateway32.PerSecond / bare32.PerSecond;
        ratios["bare proxy / direct throughput (c=32)"] = bare32.PerSecond / direct32.PerSecond;
        ratios["gateway / direct throughput (c=32)"] = gateway32.PerSecond / direct32.PerSecond;
        ratios["gateway added p50 at c=1 over direct (ms), target <= 0.3"] =
            Find("unary GetProduct gateway c=1").P50Ms - Find("unary GetProduct direct c=1").P50Ms;
        ratios["bare proxy added p50 at c=1 over direct (ms)"] =
            Find("unary GetProduct bare-proxy c=1").P50Ms - Find("unary GetProduct direct c=1").P50Ms;
        return ratios;
    }
}

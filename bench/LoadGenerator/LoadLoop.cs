using System.Diagnostics;

namespace Ivig.Bench;

/// <summary>Runs one call in a closed loop at a given concurrency for a bounded time.</summary>
internal static class LoadLoop
{
    public static async Task<Stats> RunAsync(string name, int concurrency, TimeSpan duration, Func<Task> call)
    {
        // Warm-up: connections, JIT, pools.
        for (var i = 0; i < Math.Max(20, concurrency * 2); i++)
        {
            await call();
        }
        var samples = new List<double>[concurrency];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = samples[worker] = new List<double>(4096);
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await call();
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        return Stats.From(name, samples.SelectMany(s => s).ToList(), clock.Elapsed.TotalSeconds, errors);
    }
}

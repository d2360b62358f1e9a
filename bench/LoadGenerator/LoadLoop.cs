using System.Diagnostics;

namespace Ivig.Bench;

/// <summary>Runs calls in a closed loop (fixed concurrency) or an open loop (fixed arrival rate), bounded in time.</summary>
internal static class LoadLoop
{
    /// <summary>Each of <paramref name="concurrency"/> workers calls in a loop until the time is up (or, with
    /// <paramref name="stopWhenCancelled"/>, until a call throws OperationCanceledException: "no more work").</summary>
    public static async Task<Stats> ClosedAsync(string name, int concurrency, TimeSpan duration, Func<Task> call, int warmup = -1, bool stopWhenCancelled = false,
        TimeSpan warmupTime = default, List<double>? collect = null)
    {
        // Warm-up: connections, JIT (tiered compilation promotes hot methods after a while), pools.
        for (var i = 0; i < (warmup >= 0 ? warmup : Math.Max(20, concurrency * 2)); i++)
        {
            await call();
        }
        if (warmupTime > TimeSpan.Zero)
        {
            var warming = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                while (warming.Elapsed < warmupTime)
                {
                    await call();
                }
            }));
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
                catch (OperationCanceledException) when (stopWhenCancelled)
                {
                    return;
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var all = samples.SelectMany(s => s).ToList();
        collect?.AddRange(all);
        return Stats.From(name, all, clock.Elapsed.TotalSeconds, errors);
    }

    /// <summary>
    /// Starts call i at i/rate seconds whatever the earlier calls are doing (open loop), so a slow
    /// response never lowers the offered load. Latency is from the call's start to its completion.
    /// </summary>
    public static async Task<Stats> OpenAsync(string name, double rate, TimeSpan duration, Func<int, Task> call)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var samples = new double[total];
        var ok = new bool[total];
        var errors = 0;
        var tasks = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i / rate * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < due)
            {
                await Task.Delay(1);
            }
            tasks.Add(Run(i));
        }
        await Task.WhenAll(tasks);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var latencies = samples.Where((_, i) => ok[i]).ToList();
        return Stats.From(name, latencies, Math.Max(seconds, duration.TotalSeconds), errors) with { Note = $"open loop at {rate:F0}/s" };

        async Task Run(int i)
        {
            await Task.Yield();
            var started = Stopwatch.GetTimestamp();
            try
            {
                await call(i);
                samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                ok[i] = true;
            }
            catch (Exception)
            {
                Interlocked.Increment(ref errors);
            }
        }
    }
}

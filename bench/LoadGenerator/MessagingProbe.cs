using System.Collections.Concurrent;
using System.Diagnostics;
using Ivig.IntegrationEvents;
using MassTransit;

namespace Ivig.Bench;

/// <summary>The relay baseline's messages (the bench's own, on the suite's broker).</summary>
public sealed record BenchPing(int Sequence, string Run);

public sealed record BenchPong(int Sequence, string Run);

/// <summary>
/// The bench's MassTransit 8 bus on the suite's RabbitMQ. Two jobs:
/// (1) the baseline for the reaction flow: a bare two-hop relay (publish Ping → endpoint A consumes
///     it and publishes Pong → endpoint B consumes Pong), at a fixed rate, publish → Pong consumed;
/// (2) observing <see cref="InfusionRateChanged"/> as the suite publishes it, so the reaction
///     measurement knows when each rate change was applied without one WatchInfusion stream per infusion.
/// Queues are the bench's own (named per run, auto-deleted); the suite's queues are untouched.
/// </summary>
internal sealed class MessagingProbe : IAsyncDisposable
{
    private readonly IBusControl _bus;
    private readonly string _run;
    private readonly ConcurrentDictionary<int, long> _pongs = new();

    private MessagingProbe(IBusControl bus, string run)
    {
        _bus = bus;
        _run = run;
    }

    /// <summary>Called with (infusion id, rule id, order id, timestamp) for each rate change the suite publishes.</summary>
    public Action<InfusionRateChanged, long>? RateChanged { get; set; }

    public static async Task<MessagingProbe> StartAsync(string connectionString, string run, CancellationToken cancellationToken)
    {
        MessagingProbe? probe = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(connectionString));
            // The relay's two hops, with MassTransit's defaults (prefetch, durable publish, publisher confirms).
            rabbit.ReceiveEndpoint($"bench-relay-a-{run}", e =>
            {
                e.AutoDelete = true;
                e.Handler<BenchPing>(context => context.Publish(new BenchPong(context.Message.Sequence, context.Message.Run)));
            });
            rabbit.ReceiveEndpoint($"bench-relay-b-{run}", e =>
            {
                e.AutoDelete = true;
                e.Handler<BenchPong>(context =>
                {
                    if (context.Message.Run == run)
                    {
                        probe!._pongs.TryAdd(context.Message.Sequence, Stopwatch.GetTimestamp());
                    }
                    return Task.CompletedTask;
                });
            });
            rabbit.ReceiveEndpoint($"bench-rate-observer-{run}", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                e.PrefetchCount = 256;
                e.Handler<InfusionRateChanged>(context =>
                {
                    probe!.RateChanged?.Invoke(context.Message, Stopwatch.GetTimestamp());
                    return Task.CompletedTask;
                });
            });
        });
        probe = new MessagingProbe(bus, run);
        await bus.StartAsync(cancellationToken);
        return probe;
    }

    /// <summary>Publishes Ping at a fixed rate; each latency is from the publish call to Pong consumed.</summary>
    public async Task<Stats> RelayAsync(string name, double rate, TimeSpan duration)
    {
        _pongs.Clear();
        // Warm-up: exchanges, bindings and channels exist before the clock starts.
        for (var i = 0; i < 20; i++)
        {
            await _bus.Publish(new BenchPing(-1 - i, _run));
        }
        await Task.Delay(500);
        var sent = new long[(int)(rate * duration.TotalSeconds)];
        var stats = await LoadLoop.OpenAsync(name, rate, duration, async i =>
        {
            sent[i] = Stopwatch.GetTimestamp();
            await _bus.Publish(new BenchPing(i, _run));
        });
        var deadline = Stopwatch.StartNew();
        while (Enumerable.Range(0, sent.Length).Count(_pongs.ContainsKey) < sent.Length && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }
        var latencies = new List<double>(sent.Length);
        for (var i = 0; i < sent.Length; i++)
        {
            if (_pongs.TryGetValue(i, out var at))
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent[i], at).TotalMilliseconds);
            }
        }
        return Stats.From(name, latencies, stats.Seconds, stats.Errors + sent.Length - latencies.Count) with { Note = stats.Note };
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}

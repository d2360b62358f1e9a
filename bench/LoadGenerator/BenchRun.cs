using System.Diagnostics;
using Grpc.Net.Client;
using Ivig.Testing;

namespace Ivig.Bench;

/// <summary>What every phase of a run shares: the suite, channels to it, the process table and the results.</summary>
internal sealed partial class BenchRun(Suite suite, Options options, CancellationToken cancellationToken) : IDisposable
{
    private readonly string _token = DevTokens.AllRoles("bench");
    private readonly Dictionary<string, GrpcChannel> _channels = new(StringComparer.Ordinal);
    private ProcessStats? _processes;

    public Suite Suite { get; } = suite;

    public Options Options { get; } = options;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public List<Stats> Results { get; } = [];

    /// <summary>Extra figures that are not latency measurements (memory at N infusions, counters, alerts lost).</summary>
    public Dictionary<string, object> Figures { get; } = new(StringComparer.Ordinal);

    public ProcessStats Processes => _processes ??= new ProcessStats(Suite.ProcessIds());

    /// <summary>Measured phases are this long (smoke: a few seconds, so the whole smoke run stays under a minute).</summary>
    public TimeSpan Phase => TimeSpan.FromSeconds(Options.PhaseSeconds ?? (Options.Smoke ? 0.75 : 10));

    public GrpcChannel Gateway => Channel(Suite.Grpc("gateway"));

    public GrpcChannel Direct(string service) => Channel(Suite.Grpc(service));

    /// <summary>One channel per address, with the bench's bearer token; several HTTP/2 connections when streams exceed one's limit.</summary>
    public GrpcChannel Channel(Uri address)
    {
        var key = address.ToString();
        if (!_channels.TryGetValue(key, out var channel))
        {
            channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
            {
                HttpHandler = new DefaultTokenHandler(_token) { InnerHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } },
                MaxReceiveMessageSize = 64 * 1024 * 1024,
            });
            _channels[key] = channel;
        }
        return channel;
    }

    /// <summary>Runs one measurement, records the cores each process used meanwhile, prints and keeps it.</summary>
    public async Task<Stats> MeasureAsync(Func<Task<Stats>> measurement)
    {
        var before = Processes.Sample();
        var clock = Stopwatch.StartNew();
        var stats = await measurement();
        var cores = ProcessStats.Cores(before, Processes.Sample(), clock.Elapsed.TotalSeconds);
        stats = stats with { CpuCores = cores };
        Results.Add(stats);
        Console.WriteLine($"  {stats}");
        Console.WriteLine($"    cores: {string.Join(", ", cores.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value:F2}"))}");
        return stats;
    }

    public Stats? Find(string name) => Results.FirstOrDefault(r => r.Name == name);

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }
}

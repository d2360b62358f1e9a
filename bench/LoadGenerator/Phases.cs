using System.Diagnostics;
using Grpc.Core;
using Ivig.Bench.Echo;
using Ivig.Dosing.V1;
using Ivig.Eligibility.V1;
using Ivig.Monitoring.V1;

namespace Ivig.Bench;

/// <summary>The measurements of issue 10, each next to the baseline it is compared with.</summary>
internal sealed partial class BenchRun
{
    public const string UnaryPrefix = "unary GetProduct";
    public const string Assess = "AssessEligibility direct, open loop";
    public const string PlanRegimen = "PlanRegimen direct, open loop";
    public const string EchoStream = "bare client-streaming echo";
    public const string VitalsGateway = "StreamVitals through the gateway";
    public const string VitalsDirect = "StreamVitals direct to Monitoring";
    public const string ListActive = "ListActiveInfusions (first page of 100) through the gateway c=4";
    public const string Relay = "bare MassTransit relay publish -> consume -> publish -> consume";
    public const string ReactionBoth = "reaction -> rate change and alert";
    public const string ReactionAlert = "reaction -> alert on an open WatchAlerts stream";
    public const string ReactionRateChange = "reaction -> rate change applied (InfusionRateChanged)";
    public const string ReactionWatchInfusion = "reaction -> rate change on WatchInfusion, one at a time";

    /// <summary>Infusions kept for the one-at-a-time WatchInfusion cross-check.</summary>
    public int ReactionWatchCount => Options.Smoke ? 5 : 20;

    /// <summary>Reactions per second in the reaction measurement (and so in the relay baseline).</summary>
    public int ReactionRate => Options.Smoke ? 100 : 500;

    public static string Unary(string path, int concurrency) => $"{UnaryPrefix} {path} c={concurrency}";

    /// <summary>
    /// One unary RPC (GetProduct: a catalogue read, no storage) directly to Dosing, through a bare YARP hop
    /// in this process (no authentication, limits or logging) and through the gateway; same client, same
    /// concurrency. The bare hop and the gateway reach Dosing at the same address.
    /// </summary>
    public async Task UnaryAsync()
    {
        Console.WriteLine("unary: direct vs bare YARP hop vs gateway");
        await using var proxy = await BareProxy.StartAsync(Suite.Grpc("dosing"), GatewayUsesServerGc());
        Processes.Add("bare-proxy", proxy.ProcessId);
        var paths = new[] { ("direct", Direct("dosing")), ("bare-proxy", Channel(proxy.Address)), ("gateway", Gateway) };
        var request = new GetProductRequest { ProductId = "privigen" };
        // Warm every path first (connections, and tiered JIT: a process fresh from start-up recompiles its hot
        // methods for a few seconds under load, more of them in the gateway than in the bare hop).
        foreach (var (name, channel) in paths)
        {
            var client = new DosingService.DosingServiceClient(channel);
            await LoadLoop.ClosedAsync($"warm-up {name}", 32, TimeSpan.FromSeconds(Options.Smoke ? 0.3 : 5),
                async () => await client.GetProductAsync(request, cancellationToken: CancellationToken), warmup: 0);
        }
        // Interleaved rounds (direct, bare, gateway, direct, ...), so load from outside the suite that comes
        // and goes on a shared machine falls on the three paths alike.
        var rounds = Options.Smoke ? 1 : 5;
        foreach (var concurrency in new[] { 1, 32 })
        {
            Console.WriteLine($"  c={concurrency}: {rounds} interleaved rounds");
            var samples = paths.ToDictionary(p => p.Item1, _ => new List<double>(), StringComparer.Ordinal);
            var seconds = paths.ToDictionary(p => p.Item1, _ => 0.0, StringComparer.Ordinal);
            var errors = paths.ToDictionary(p => p.Item1, _ => 0, StringComparer.Ordinal);
            var cpu = paths.ToDictionary(p => p.Item1, _ => new Dictionary<string, double>(StringComparer.Ordinal), StringComparer.Ordinal);
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (name, channel) in paths)
                {
                    var client = new DosingService.DosingServiceClient(channel);
                    var before = Processes.Sample();
                    var stats = await LoadLoop.ClosedAsync(name, concurrency, Phase / rounds,
                        async () => await client.GetProductAsync(request, cancellationToken: CancellationToken), warmup: 0,
                        warmupTime: TimeSpan.FromSeconds(0.2), collect: samples[name]);
                    var after = Processes.Sample();
                    seconds[name] += stats.Seconds;
                    errors[name] += stats.Errors;
                    foreach (var (process, sample) in after.Where(a => before.ContainsKey(a.Key)))
                    {
                        cpu[name][process] = cpu[name].GetValueOrDefault(process) + sample.CpuSeconds - before[process].CpuSeconds;
                    }
                }
            }
            foreach (var (name, _) in paths)
            {
                var stats = Stats.From(Unary(name, concurrency), samples[name], seconds[name], errors[name]) with
                {
                    CpuCores = cpu[name].ToDictionary(c => c.Key, c => Math.Round(Math.Max(0, c.Value) / seconds[name], 3), StringComparer.Ordinal),
                    Note = $"{rounds} interleaved rounds",
                };
                Results.Add(stats);
                Console.WriteLine($"  {stats}");
                Console.WriteLine($"    cores: {string.Join(", ", stats.CpuCores.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value:F2}"))}");
            }
        }
        Processes.Remove("bare-proxy");
    }

    /// <summary>The bare proxy runs with the gateway's garbage collector mode (its runtimeconfig, or an --env override).</summary>
    private bool GatewayUsesServerGc()
    {
        foreach (var setting in Options.Environment)
        {
            if ((setting.StartsWith("gateway:", StringComparison.Ordinal) || setting.StartsWith("*:", StringComparison.Ordinal))
                && setting.Contains(":DOTNET_gcServer=", StringComparison.Ordinal))
            {
                return setting.EndsWith("=1", StringComparison.Ordinal);
            }
        }
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var config = Path.Combine(Suite.RepositoryRoot, "src", "Gateway", "bin", configuration, "net10.0", "Gateway.runtimeconfig.json");
        return !File.Exists(config) || !File.ReadAllText(config).Contains("\"System.GC.Server\": false", StringComparison.Ordinal);
    }

    /// <summary>
    /// Eligibility and dosing decisions at a fixed arrival rate (1 000/s; smoke: 200/s), each stored,
    /// audited and published as in production, sent directly to the service so the latency is the
    /// service's own plus the loopback hop (an upper bound of the server-side time). In the full run the
    /// server-side histogram (ASP.NET Core http.server.request.duration) is read with dotnet-counters too.
    /// </summary>
    public async Task DecisionsAsync()
    {
        var rate = Options.Smoke ? 200 : 1000;
        Console.WriteLine($"decisions at {rate}/s");
        var eligibility = new EligibilityService.EligibilityServiceClient(Direct("eligibility"));
        var dosing = new DosingService.DosingServiceClient(Direct("dosing"));
        var request = Scenario.Assessment();
        // The assessment every regimen is planned from.
        string assessmentId = "";
        for (var i = 0; i < 5; i++)
        {
            assessmentId = (await eligibility.AssessEligibilityAsync(request, cancellationToken: CancellationToken)).Assessment.AssessmentId;
            await dosing.PlanRegimenAsync(Scenario.Plan(assessmentId), cancellationToken: CancellationToken);
        }
        var plan = Scenario.Plan(assessmentId);

        // Each at its rate unmeasured first: a service fresh from start-up spends its first seconds under load
        // recompiling hot methods (tiered JIT, with profile-guided rejits), which is start-up cost, not the
        // steady state measured here. A profile 9 s into the first 5 s warm-up still showed the JIT at a sixth
        // of Eligibility's CPU, so the warm-up is 10 s.
        var warmup = TimeSpan.FromSeconds(Options.Smoke ? 0.3 : 10);
        Func<int, Task> assess = async _ => await eligibility.AssessEligibilityAsync(request, cancellationToken: CancellationToken);
        Func<int, Task> planRegimen = async _ => await dosing.PlanRegimenAsync(plan, cancellationToken: CancellationToken);
        await LoadLoop.OpenAsync("warm-up", rate, warmup, assess);
        await MeasureWithCountersAsync("eligibility", Assess, () => LoadLoop.OpenAsync(Assess, rate, Phase, assess));
        await LoadLoop.OpenAsync("warm-up", rate, warmup, planRegimen);
        await MeasureWithCountersAsync("dosing", PlanRegimen, () => LoadLoop.OpenAsync(PlanRegimen, rate, Phase, planRegimen));
    }

    private async Task MeasureWithCountersAsync(string service, string name, Func<Task<Stats>> measurement)
    {
        if (Options.Smoke || !Processes.Roots.ContainsKey(service))
        {
            await MeasureAsync(measurement);
            return;
        }
        await using var counters = await ServerCounters.StartAsync(Processes.AppPid(service), Phase + TimeSpan.FromSeconds(1), CancellationToken);
        await MeasureAsync(measurement);
        if (await counters.ReadAsync() is { } server)
        {
            Figures[$"server-side {name}"] = server;
            Console.WriteLine($"    server-side (dotnet-counters): {server}");
        }
    }

    /// <summary>
    /// Readings per second over client streams (4 at once, each its own infusion) for a fixed time: the
    /// bare echo in this process, then StreamVitals (thresholds evaluated, state kept in Redis).
    /// </summary>
    public async Task VitalsAsync()
    {
        const int Streams = 4;
        Console.WriteLine($"vitals ingestion: {Streams} client streams");
        var (echoApp, echoAddress) = await EchoServer.StartAsync();
        try
        {
            var echo = new VitalsEcho.VitalsEchoClient(Channel(echoAddress));
            await MeasureAsync(() => StreamAsync(EchoStream, Streams, _ => echo.Stream(cancellationToken: CancellationToken), _ => ""));
        }
        finally
        {
            await echoApp.StopAsync();
            await echoApp.DisposeAsync();
        }

        var paths = Options.Smoke
            ? new[] { (VitalsGateway, Gateway) }
            : new[] { (VitalsGateway, Gateway), (VitalsDirect, Direct("monitoring")) };
        foreach (var (name, channel) in paths)
        {
            var infusions = new List<string>();
            for (var i = 0; i < Streams; i++)
            {
                infusions.Add((await Scenario.StartInfusionAsync(Gateway)).InfusionId);
            }
            var monitoring = new MonitoringService.MonitoringServiceClient(channel);
            await MeasureAsync(() => StreamAsync(name, Streams, _ => monitoring.StreamVitals(cancellationToken: CancellationToken), s => infusions[s]));
        }
    }

    /// <summary>
    /// Each stream sends batches of readings (one client-streaming call per batch, answered with the
    /// count accepted) until the phase is over. A batch doubles while it completes within a quarter of a
    /// second (up to 5 000), so a slow service is never handed more than a short backlog (HTTP/2 flow
    /// control would otherwise buffer hundreds of kilobytes of readings per stream), and a fast one is
    /// measured with little per-call overhead. The echo and StreamVitals are driven alike.
    /// </summary>
    private async Task<Stats> StreamAsync(string name, int streams, Func<int, AsyncClientStreamingCall<StreamVitalsRequest, StreamVitalsResponse>> open, Func<int, string> infusion)
    {
        var sent = 0;
        var accepted = 0;
        var errors = 0;
        var calls = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, streams).Select(async s =>
        {
            var batch = 50;
            var request = new StreamVitalsRequest { InfusionId = infusion(s), Vitals = Scenario.Vitals() };
            while (clock.Elapsed < Phase)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var call = open(s);
                    for (var i = 0; i < batch; i++)
                    {
                        await call.RequestStream.WriteAsync(request, CancellationToken);
                    }
                    Interlocked.Add(ref sent, batch);
                    await call.RequestStream.CompleteAsync();
                    Interlocked.Add(ref accepted, (await call.ResponseAsync).Accepted);
                    Interlocked.Increment(ref calls);
                }
                catch (RpcException ex)
                {
                    Console.WriteLine($"    stream {s} failed: {ex.Status.StatusCode} {ex.Status.Detail}");
                    Interlocked.Increment(ref errors);
                    return;
                }
                if (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(0.25))
                {
                    batch = Math.Min(5000, batch * 2);
                }
            }
        }));
        // Readings count once the service has answered for them (the response ends each call).
        return Stats.Throughput(name, accepted, clock.Elapsed.TotalSeconds, errors) with
        {
            Note = $"{streams} streams, {calls} calls; {sent} sent, {accepted} accepted",
        };
    }

    /// <summary>
    /// N active infusions (full: 10 000; smoke: 250), started directly to the services with concurrency;
    /// then the ward view (ListActiveInfusions, first page) and every process's memory.
    /// </summary>
    public async Task<List<string>> ActiveInfusionsAsync()
    {
        var count = Math.Max(Options.Smoke ? 250 : 10_000, (int)(ReactionRate * (Phase.TotalSeconds + (Options.Smoke ? 0.5 : 2))) + ReactionWatchCount + 5);
        Console.WriteLine($"{count} active infusions");
        List<string> infusions = [];
        await MeasureAsync(async () =>
        {
            var (started, plans, starts) = await Scenario.StartManyAsync(Direct("eligibility"), Direct("dosing"), Direct("monitoring"), count, 16);
            infusions = started;
            Results.Add(plans);
            Console.WriteLine($"  {plans}");
            return starts;
        });
        var monitoring = new MonitoringService.MonitoringServiceClient(Gateway);
        await MeasureAsync(() => LoadLoop.ClosedAsync(ListActive, 4, Phase,
            async () => await monitoring.ListActiveInfusionsAsync(new ListActiveInfusionsRequest(), cancellationToken: CancellationToken), warmup: 10));
        // Right after the ward view's load (the peak), then once the ward is only being watched over (the
        // safety sweep still reads every active infusion every 2 s): the target is about the second.
        var peak = Processes.Sample().ToDictionary(p => p.Key, p => Math.Round(p.Value.RssMiB), StringComparer.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(Options.Smoke ? 0.5 : 10), CancellationToken);
        var memory = Processes.Sample().ToDictionary(p => p.Key, p => Math.Round(p.Value.RssMiB), StringComparer.Ordinal);
        Figures["activeInfusions"] = infusions.Count;
        Figures["memoryMiBAtActiveInfusionsPeak"] = peak;
        Figures["memoryMiBAtActiveInfusions"] = memory;
        Console.WriteLine($"  {infusions.Count} active; resident MiB: {string.Join(", ", memory.Select(m => $"{m.Key} {m.Value}"))}");
        return infusions;
    }

    /// <summary>
    /// The reaction flow at a fixed rate (full: 500/s; smoke: 100/s), one reaction per infusion across
    /// many infusions, over real RabbitMQ and Dosing: from ReportReaction sent to (a) its alert arriving
    /// on one WatchAlerts stream open through the gateway, (b) the halved rate applied by Monitoring (seen
    /// as the InfusionRateChanged it publishes), (c) both. The bare MassTransit relay runs just before,
    /// at the same rate, over the same broker.
    /// </summary>
    public async Task ReactionsAsync(List<string> infusions) => await ReactionsAsync(infusions, ReactionRate, "");

    /// <summary>
    /// The same flow at half the rate (reported, no target): on 2 cores 500/s keeps the machine busy, so that
    /// figure is mostly queueing; this one shows the flow's latency with headroom. Uses infusions the first
    /// measurement left untouched.
    /// </summary>
    public async Task HalfRateReactionsAsync(List<string> infusions)
    {
        var used = (int)(ReactionRate * Phase.TotalSeconds) + ReactionWatchCount + (int)(ReactionRate * (Options.Smoke ? 0.5 : 2));
        await ReactionsAsync(infusions.Skip(used).ToList(), ReactionRate / 2, HalfRateSuffix(ReactionRate / 2));
    }

    public static string HalfRateSuffix(int rate) => $" at {rate}/s";

    private async Task ReactionsAsync(List<string> infusions, int rate, string suffix)
    {
        var count = (int)(rate * Phase.TotalSeconds);
        Console.WriteLine($"reactions at {rate}/s over {count} infusions");
        var connection = await Suite.ConnectionStringAsync("messaging", CancellationToken)
            ?? throw new InvalidOperationException("No connection string for 'messaging'.");
        await using var probe = await MessagingProbe.StartAsync(connection, Suite.Instance, CancellationToken);
        await MeasureAsync(() => probe.RelayAsync(Relay + suffix, rate, Phase));

        var index = infusions.Take(count).Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        var sentAt = new long[count];
        var alertAt = new long[count];
        var rateAt = new long[count];
        probe.RateChanged = (change, at) =>
        {
            if (change.OrderId is not null && index.TryGetValue(change.InfusionId.ToString(), out var i))
            {
                Interlocked.CompareExchange(ref rateAt[i], at, 0);
            }
        };
        using var watchCancel = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken);
        var alerts = new MonitoringService.MonitoringServiceClient(Gateway);
        using var watch = alerts.WatchAlerts(new WatchAlertsRequest(), cancellationToken: watchCancel.Token);
        try
        {
            await watch.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken);
        }
        catch (TimeoutException)
        {
            Console.WriteLine("    WatchAlerts did not open within 5 s; measuring anyway");
        }
        var reader = Task.Run(async () =>
        {
            try
            {
                while (await watch.ResponseStream.MoveNext(watchCancel.Token))
                {
                    var alert = watch.ResponseStream.Current.Alert;
                    if (alert.RuleId.StartsWith("RXN-", StringComparison.Ordinal) && index.TryGetValue(alert.InfusionId, out var i))
                    {
                        Interlocked.CompareExchange(ref alertAt[i], Stopwatch.GetTimestamp(), 0);
                    }
                }
            }
            catch (RpcException) when (watchCancel.IsCancellationRequested)
            {
            }
            catch (OperationCanceledException)
            {
            }
        });

        var ids = infusions.Take(count).ToList();
        var monitoring = new MonitoringService.MonitoringServiceClient(Gateway);
        // Warm the reaction path (ReportReaction, Dosing's consumer, Monitoring's consumer) on other infusions first.
        var spare = infusions.Skip(count + ReactionWatchCount).ToList();
        var warmupCount = Math.Min(spare.Count, (int)(rate * (Options.Smoke ? 0.5 : 2)));
        await LoadLoop.OpenAsync("warm-up", rate, TimeSpan.FromSeconds((double)warmupCount / rate), async i =>
            await monitoring.ReportReactionAsync(new ReportReactionRequest { InfusionId = spare[i], Kind = ReactionKind.Grade1 }, cancellationToken: CancellationToken));
        await Task.Delay(TimeSpan.FromSeconds(Options.Smoke ? 0.5 : 2), CancellationToken);
        var sending = await MeasureAsync(() => LoadLoop.OpenAsync("ReportReaction through the gateway, open loop" + suffix, rate, Phase, async i =>
        {
            sentAt[i] = Stopwatch.GetTimestamp();
            await monitoring.ReportReactionAsync(new ReportReactionRequest { InfusionId = ids[i], Kind = ReactionKind.Grade1 }, cancellationToken: CancellationToken);
        }));
        var waited = Stopwatch.StartNew();
        while (Enumerable.Range(0, count).Any(i => sentAt[i] != 0 && (alertAt[i] == 0 || rateAt[i] == 0)) && waited.Elapsed < TimeSpan.FromSeconds(Options.Smoke ? 5 : 15))
        {
            await Task.Delay(100);
        }
        await watchCancel.CancelAsync();
        await reader;

        List<double> Latencies(Func<int, long> seen) => Enumerable.Range(0, count)
            .Where(i => sentAt[i] != 0 && seen(i) != 0)
            .Select(i => Stopwatch.GetElapsedTime(sentAt[i], seen(i)).TotalMilliseconds).ToList();
        int Missing(Func<int, long> seen) => Enumerable.Range(0, count).Count(i => seen(i) == 0);
        var note = $"{count} reactions at {rate}/s over {count} infusions";
        foreach (var (name, seen) in new (string, Func<int, long>)[]
        {
            (ReactionAlert, i => alertAt[i]),
            (ReactionRateChange, i => rateAt[i]),
            (ReactionBoth, i => alertAt[i] == 0 || rateAt[i] == 0 ? 0 : Math.Max(alertAt[i], rateAt[i])),
        })
        {
            var stats = Stats.From(name + suffix, Latencies(seen), sending.Seconds, Missing(seen)) with { Note = note, CpuCores = sending.CpuCores };
            Results.Add(stats);
            Console.WriteLine($"  {stats}");
        }
    }

    /// <summary>The earlier figure, kept as a cross-check: one reaction at a time, rate change seen on that infusion's WatchInfusion stream.</summary>
    public async Task WatchInfusionAsync(IReadOnlyList<string> infusions)
    {
        var monitoring = new MonitoringService.MonitoringServiceClient(Gateway);
        await MeasureAsync(async () =>
        {
            var samples = new List<double>();
            var clock = Stopwatch.StartNew();
            foreach (var infusion in infusions)
            {
                // Bounded: a stream that never opens or never shows the change is a miss (an error), not a hung bench.
                using var bound = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken);
                bound.CancelAfter(TimeSpan.FromSeconds(5));
                try
                {
                    using var watch = monitoring.WatchInfusion(new WatchInfusionRequest { InfusionId = infusion }, cancellationToken: bound.Token);
                    await watch.ResponseStream.MoveNext(bound.Token);
                    var started = Stopwatch.GetTimestamp();
                    await monitoring.ReportReactionAsync(new ReportReactionRequest { InfusionId = infusion, Kind = ReactionKind.Grade1 }, cancellationToken: bound.Token);
                    while (await watch.ResponseStream.MoveNext(bound.Token))
                    {
                        if (watch.ResponseStream.Current.Infusion.RateHistory.Any(c => c.RuleId == "RXN-G1"))
                        {
                            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                            break;
                        }
                    }
                }
                catch (Exception ex) when (bound.IsCancellationRequested && !CancellationToken.IsCancellationRequested
                    && ex is OperationCanceledException or RpcException)
                {
                    Console.WriteLine($"    WatchInfusion of {infusion}: no rate change seen within 5 s");
                }
            }
            return Stats.From(ReactionWatchInfusion, samples, clock.Elapsed.TotalSeconds, infusions.Count - samples.Count);
        });
    }
}

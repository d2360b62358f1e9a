using System.Diagnostics;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Ivig.Bench;
using Ivig.Dosing.V1;
using Ivig.Eligibility.V1;
using Ivig.Monitoring.V1;
using Ivig.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// The suite's speed as ratios measured in one run (docs/performance.md). Loopback only, bounded in time.
//   dotnet run -c Release --project bench/LoadGenerator              full run (about 3 minutes)
//   dotnet run -c Release --project bench/LoadGenerator -- --smoke   under a minute, for the test command
var smoke = args.Contains("--smoke");
var outIndex = Array.IndexOf(args, "--out");
var repository = RepositoryPaths.Root();
var output = outIndex >= 0 ? args[outIndex + 1] : Path.Combine(repository, "bench", "results", smoke ? "smoke.json" : "latest.json");
var phase = TimeSpan.FromSeconds(smoke ? 2 : 10);
using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(10));

var instance = "bench-" + Guid.NewGuid().ToString("N")[..8];
var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
    [$"Infrastructure:InstanceName={instance}", "Gateway:HttpPort=0", "Gateway:GrpcPort=0",
     // The benchmark is one client sending far above a clinical client's rate.
     "Gateway:Protection:RequestsPerSecondPerClient=1000000", "Gateway:Protection:BurstPerClient=1000000"], budget.Token);
appHost.Services.AddLogging(logging => logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning)
    .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", Microsoft.Extensions.Logging.LogLevel.None)
    .AddFilter("AppHost.Resources", Microsoft.Extensions.Logging.LogLevel.Warning));
var coldStart = Stopwatch.StartNew();
await using var app = await appHost.BuildAsync(budget.Token);
await app.StartAsync(budget.Token);
foreach (var resource in new[] { "redis", "messaging", "eligibility", "dosing", "monitoring", "gateway" })
{
    await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, budget.Token);
}
var coldStartSeconds = coldStart.Elapsed.TotalSeconds;

var token = DevTokens.AllRoles("bench");
GrpcChannel Channel(Uri address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
{
    HttpHandler = new DefaultTokenHandler(token) { InnerHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } },
});
var direct = Channel(app.GetEndpoint("dosing", "grpc"));
var (proxyApp, proxyAddress) = await BareProxy.StartAsync(app.GetEndpoint("dosing", "grpc"));
var proxied = Channel(proxyAddress);
var gateway = Channel(app.GetEndpoint("gateway", "grpc"));

var results = new List<Stats>();
Console.WriteLine($"suite healthy in {coldStartSeconds:F1} s; measuring ({(smoke ? "smoke" : "full")}, {phase.TotalSeconds:F0} s per phase)");

// 1. One unary RPC (GetProduct) directly, through a bare YARP hop, and through the gateway.
foreach (var concurrency in new[] { 1, 32 })
{
    foreach (var (name, channel) in new[] { ("direct", direct), ("bare-proxy", proxied), ("gateway", gateway) })
    {
        var client = new DosingService.DosingServiceClient(channel);
        results.Add(await LoadLoop.RunAsync($"unary GetProduct {name} c={concurrency}", concurrency, phase,
            async () => await client.GetProductAsync(new GetProductRequest { ProductId = "privigen" })));
        Console.WriteLine(results[^1]);
    }
}

// 2. Eligibility decisions through the gateway (each is stored, audited and published).
var eligibility = new EligibilityService.EligibilityServiceClient(gateway);
results.Add(await LoadLoop.RunAsync("AssessEligibility gateway c=8", 8, phase, async () =>
    await eligibility.AssessEligibilityAsync(new AssessEligibilityRequest { PatientReference = "bench-0001", Facts = Scenario.Facts() })));
Console.WriteLine(results[^1]);

// 3. Vitals ingestion over one client stream (thresholds evaluated, state kept in Redis).
var monitoring = new MonitoringService.MonitoringServiceClient(gateway);
var streamed = await Scenario.StartInfusionAsync(gateway);
var readings = smoke ? 200 : 2000;
var vitalsClock = Stopwatch.StartNew();
using (var stream = monitoring.StreamVitals(cancellationToken: budget.Token))
{
    for (var i = 0; i < readings; i++)
    {
        await stream.RequestStream.WriteAsync(new StreamVitalsRequest { InfusionId = streamed.InfusionId, Vitals = Scenario.Vitals() });
    }
    await stream.RequestStream.CompleteAsync();
    await stream.ResponseAsync;
}
results.Add(new Stats($"StreamVitals {readings} readings, one infusion", readings, vitalsClock.Elapsed.TotalSeconds, double.NaN, double.NaN, double.NaN, 0));
Console.WriteLine(results[^1]);

// 4. Reaction reported -> halved rate seen on an open WatchInfusion stream (over real RabbitMQ and Dosing).
var reactionSamples = new List<double>();
var reactions = smoke ? 5 : 40;
var reactionClock = Stopwatch.StartNew();
for (var i = 0; i < reactions; i++)
{
    var infusion = await Scenario.StartInfusionAsync(gateway);
    using var watch = monitoring.WatchInfusion(new WatchInfusionRequest { InfusionId = infusion.InfusionId }, cancellationToken: budget.Token);
    await watch.ResponseStream.MoveNext(budget.Token);
    var started = Stopwatch.GetTimestamp();
    await monitoring.ReportReactionAsync(new ReportReactionRequest { InfusionId = infusion.InfusionId, Kind = ReactionKind.Grade1 });
    while (await watch.ResponseStream.MoveNext(budget.Token))
    {
        if (watch.ResponseStream.Current.Infusion.RateHistory.Any(c => c.RuleId == "RXN-G1"))
        {
            reactionSamples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            break;
        }
    }
}
results.Add(Stats.From("reaction -> rate change on WatchInfusion", reactionSamples, reactionClock.Elapsed.TotalSeconds, reactions - reactionSamples.Count));
Console.WriteLine(results[^1]);

var memory = ProcessMemory.OfSuite();
await proxyApp.StopAsync();

var report = new
{
    generatedAt = DateTimeOffset.UtcNow,
    mode = smoke ? "smoke" : "full",
    machine = new { cores = Environment.ProcessorCount, os = Environment.OSVersion.ToString() },
    command = smoke ? "dotnet run -c Release --project bench/LoadGenerator -- --smoke" : "dotnet run -c Release --project bench/LoadGenerator",
    coldStartToHealthySeconds = coldStartSeconds,
    ratios = Ratios.From(results),
    results = results.Select(r => new { r.Name, r.Count, r.Seconds, perSecond = r.PerSecond, p50Ms = r.P50Ms, p95Ms = r.P95Ms, p99Ms = r.P99Ms, r.Errors }),
    memoryMiB = memory,
};
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
var json = JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
await File.WriteAllTextAsync(output, json);
await File.WriteAllTextAsync(Path.ChangeExtension(output, ".md"), Markdown.Render(report.command, coldStartSeconds, results, Ratios.From(results), memory));
Console.WriteLine($"results: {output}");
Console.WriteLine(await File.ReadAllTextAsync(Path.ChangeExtension(output, ".md")));

var failed = results.Sum(r => r.Errors);
await app.StopAsync();
Directory.Delete(Path.Combine(repository, ".work", instance), recursive: true);
return failed == 0 ? 0 : 1;

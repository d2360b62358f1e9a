using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ivig.Bench;

/// <summary>
/// The real suite (the AppHost with its Redis, RabbitMQ, three services and gateway) started in this
/// process, with what the bench needs to know about it: endpoints, process ids, connection strings.
/// </summary>
internal sealed class Suite : IAsyncDisposable
{
    public static readonly string[] Services = ["eligibility", "dosing", "monitoring", "gateway"];

    private readonly string _workDirectory;

    private Suite(DistributedApplication app, string instance, string workDirectory, double coldStartSeconds)
    {
        App = app;
        Instance = instance;
        _workDirectory = workDirectory;
        ColdStartSeconds = coldStartSeconds;
    }

    public DistributedApplication App { get; }

    public string Instance { get; }

    /// <summary>From app.StartAsync to every resource healthy (the AppHost is already built).</summary>
    public double ColdStartSeconds { get; }

    /// <summary>
    /// Starts the suite as the AppHost defines it (each service on its own loopback ports, no orchestrator
    /// proxy in between), with extra AppHost settings and, for experiments, environment variables.
    /// </summary>
    public static async Task<Suite> StartAsync(IEnumerable<string> settings, IReadOnlyList<string> environment, CancellationToken cancellationToken)
    {
        var instance = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"Infrastructure:InstanceName={instance}", "Gateway:HttpPort=0", "Gateway:GrpcPort=0", .. settings], cancellationToken);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("AppHost.Resources", LogLevel.Warning));
        // "resource:NAME=VALUE" (or "*:NAME=VALUE"): an environment variable for experiments (GC modes, samplers).
        foreach (var setting in environment)
        {
            var (target, pair) = (setting[..setting.IndexOf(':', StringComparison.Ordinal)], setting[(setting.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            var (name, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            foreach (var resource in builder.Resources.OfType<ProjectResource>().Where(r => target == "*" || r.Name == target))
            {
                resource.Annotations.Add(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables[name] = value));
            }
        }
        var app = await builder.BuildAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        await app.StartAsync(cancellationToken);
        foreach (var resource in new[] { "redis", "messaging", "eligibility", "dosing", "monitoring", "gateway" })
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellationToken);
        }
        return new Suite(app, instance, Path.Combine(RepositoryRoot, ".work", instance), clock.Elapsed.TotalSeconds);
    }

    public static string RepositoryRoot { get; } = Ivig.Testing.RepositoryPaths.Root();

    /// <summary>The gRPC endpoint callers use (the gateway's service discovery resolves the same one).</summary>
    public Uri Grpc(string resource) => App.GetEndpoint(resource, "grpc");

    public Task<string?> ConnectionStringAsync(string name, CancellationToken cancellationToken) =>
        App.GetConnectionStringAsync(name, cancellationToken).AsTask();

    /// <summary>Each resource's process id, as the orchestrator reports it.</summary>
    public Dictionary<string, int> ProcessIds()
    {
        var pids = new Dictionary<string, int>(StringComparer.Ordinal);
        var model = App.Services.GetRequiredService<DistributedApplicationModel>();
        foreach (var resource in model.Resources)
        {
            if (App.ResourceNotifications.TryGetCurrentState(resource.Name, out var state)
                && state.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
                && int.TryParse(value.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var pid))
            {
                pids[resource.Name] = pid;
            }
        }
        return pids;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await App.StopAsync();
        }
        finally
        {
            await App.DisposeAsync();
            try
            {
                if (Directory.Exists(_workDirectory))
                {
                    Directory.Delete(_workDirectory, recursive: true);
                }
            }
            catch (IOException)
            {
                // A process may still hold a file for a moment; the folder is under .work (ignored by git).
            }
        }
    }
}

using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ivig.EndToEnd;

/// <summary>
/// Starts the whole suite once for all end-to-end tests: the real AppHost with its own Redis and
/// RabbitMQ processes (data in a throw-away instance folder), waits until every resource is healthy,
/// and hands out gRPC channels to the gateway.
/// </summary>
public class SuiteFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private static readonly string[] Resources = ["redis", "messaging", "eligibility", "dosing", "monitoring", "gateway"];

    private readonly string _instanceName = "test-" + Guid.NewGuid().ToString("N")[..8];
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The suite is not started.");

    public GrpcChannel GatewayChannel { get; private set; } = null!;

    public Uri GatewayHttp { get; private set; } = null!;

    /// <summary>The instance's folder name under .work (its Redis and RabbitMQ data and logs).</summary>
    public string InstanceName => _instanceName;

    /// <summary>More AppHost settings for a variant of the suite (replicas, telemetry capture).</summary>
    protected virtual IEnumerable<string> AdditionalArguments => [];

    public virtual async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [
                $"Infrastructure:InstanceName={_instanceName}",
                // Let the orchestrator pick gateway ports, so tests can run beside a developer's suite.
                "Gateway:HttpPort=0",
                "Gateway:GrpcPort=0",
                .. AdditionalArguments,
            ],
            timeout.Token);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));

        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        foreach (var resource in Resources)
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }

        GatewayChannel = GrpcChannel.ForAddress(_app.GetEndpoint("gateway", "grpc"), new GrpcChannelOptions
        {
            HttpHandler = new Ivig.Testing.DefaultTokenHandler(Ivig.Testing.DevTokens.AllRoles()) { InnerHandler = new SocketsHttpHandler() },
        });
        GatewayHttp = _app.GetEndpoint("gateway", "http");
    }

    /// <summary>
    /// Stops a service (an outage): its process gets SIGTERM, as an orchestrator stopping it would send,
    /// and the test waits until the orchestrator has seen it end. (The orchestrator's own Stop command
    /// cannot stop a project launched through "dotnet run" here: the signal is not passed on.)
    /// </summary>
    public async Task StopResourceAsync(string resource, string signal = "-TERM")
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var current = await App.ResourceNotifications.WaitForResourceAsync(resource, e => e.Snapshot.Properties.Any(p => p.Name == "executable.pid"), timeout.Token);
        var launcherPid = Convert.ToInt32(current.Snapshot.Properties.First(p => p.Name == "executable.pid").Value, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var pid in ChildProcesses(launcherPid).Append(launcherPid))
        {
            using var kill = System.Diagnostics.Process.Start("kill", [signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync(timeout.Token);
        }
        await App.ResourceNotifications.WaitForResourceAsync(resource,
            e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
    }

    private static IEnumerable<int> ChildProcesses(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Select(name =>
            {
                try
                {
                    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
                    var stat = File.ReadAllText($"/proc/{name}/stat");
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    return (Pid: int.Parse(name!, System.Globalization.CultureInfo.InvariantCulture), Parent: int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture));
                }
                catch (IOException)
                {
                    return (Pid: 0, Parent: -1);
                }
            })
            .Where(p => p.Parent == parent)
            .Select(p => p.Pid)
            .ToList();

    /// <summary>Restarts a resource (stop, then start) and waits until the new process is healthy.</summary>
    public async Task RestartResourceAsync(string resource)
    {
        await StopResourceAsync(resource);
        await StartResourceAsync(resource);
    }

    /// <summary>Starts a stopped resource and waits until the new process is healthy.</summary>
    public async Task StartResourceAsync(string resource)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var result = await App.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, timeout.Token);
        Assert.True(result.Success, result.Message);
        await App.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.State?.Text == KnownResourceStates.Running
                 && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy,
            timeout.Token);
        // The gateway must see the backend again before the next call goes through it.
        await App.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
    }

    public async Task<string> ConnectionStringAsync(string resource) =>
        await App.GetConnectionStringAsync(resource) ?? throw new InvalidOperationException($"No connection string for {resource}.");

    public virtual async Task DisposeAsync()
    {
        GatewayChannel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        var instanceDirectory = Path.Combine(Ivig.Testing.RepositoryPaths.Root(), ".work", _instanceName);
        if (Directory.Exists(instanceDirectory))
        {
            Directory.Delete(instanceDirectory, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SuiteCollection : ICollectionFixture<SuiteFixture>
{
    public const string Name = "suite";
}

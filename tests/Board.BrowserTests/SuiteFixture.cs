using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ivig.Board.BrowserTests;

/// <summary>
/// Starts the whole suite for the browser test: the real AppHost with its own Redis and RabbitMQ
/// processes (data in a throw-away instance folder) and gateway ports chosen by the orchestrator, so
/// it runs beside a developer's suite. (A copy of tests/EndToEnd/SuiteFixture's start-up, trimmed.)
/// </summary>
public sealed class SuiteFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private static readonly string[] Resources = ["redis", "messaging", "eligibility", "dosing", "monitoring", "gateway"];

    private readonly string _instanceName = "board-" + Guid.NewGuid().ToString("N")[..8];
    private DistributedApplication? _app;

    /// <summary>The gateway's native gRPC endpoint (h2c); calls need their own token.</summary>
    public GrpcChannel GatewayChannel { get; private set; } = null!;

    /// <summary>The gateway's HTTP/1.1 endpoint: the board, gRPC-Web and the JSON routes.</summary>
    public Uri GatewayHttp { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [
                $"Infrastructure:InstanceName={_instanceName}",
                "Gateway:HttpPort=0",
                "Gateway:GrpcPort=0",
            ],
            timeout.Token);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));

        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        foreach (var resource in Resources)
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }

        GatewayChannel = GrpcChannel.ForAddress(_app.GetEndpoint("gateway", "grpc"));
        GatewayHttp = _app.GetEndpoint("gateway", "http");
    }

    public async Task DisposeAsync()
    {
        GatewayChannel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        var instanceDirectory = Path.Combine(RepositoryRoot(), ".work", _instanceName);
        if (Directory.Exists(instanceDirectory))
        {
            Directory.Delete(instanceDirectory, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IvigSuite.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}

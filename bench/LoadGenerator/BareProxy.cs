using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace Ivig.Bench;

/// <summary>
/// The baseline for the gateway: a bare YARP hop (h2c in, h2c out, no authentication, limits, logging
/// or telemetry) to the same service endpoint, so "gateway ÷ bare proxy" is what our policies cost.
/// It runs as a process of its own (this program started with --bare-proxy), like the gateway: in the
/// bench's process it would share the client's threads and skip the process wake-up every real proxy
/// pays, which flatters it at low concurrency.
/// </summary>
internal sealed class BareProxy : IAsyncDisposable
{
    private readonly Process _process;

    private BareProxy(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts the bare proxy process in front of <paramref name="backend"/>, with the gateway's garbage collector mode.</summary>
    public static async Task<BareProxy> StartAsync(Uri backend, bool serverGc)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("No process path."))
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BareProxy).Assembly.Location);
        }
        start.ArgumentList.Add("--bare-proxy");
        start.ArgumentList.Add(backend.ToString());
        start.Environment["DOTNET_gcServer"] = serverGc ? "1" : "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The bare proxy did not start.");
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"The bare proxy did not start: {line}");
        }
        return new BareProxy(process, new Uri(line["listening ".Length..]));
    }

    /// <summary>The child process: proxies until its standard input closes (the bench ended or stopped it).</summary>
    public static async Task<int> RunAsync(Uri backend)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = "backend", Match = new RouteMatch { Path = "/{**rest}" } }],
            [new ClusterConfig
            {
                ClusterId = "backend",
                HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { Version = new Version(2, 0), VersionPolicy = HttpVersionPolicy.RequestVersionExact },
                Destinations = new Dictionary<string, DestinationConfig> { ["d"] = new() { Address = backend.ToString() } },
            }]);
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync();
        Console.WriteLine($"listening {app.Urls.First()}");
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }
        _process.Dispose();
    }
}

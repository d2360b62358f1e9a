using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ivig.Resilience.Telemetry;

/// <summary>One OTLP/HTTP export as received: the signal ("traces", "metrics", "logs") and the raw protobuf body.</summary>
public sealed record CapturedExport(string Signal, byte[] Body, DateTime ReceivedAt);

/// <summary>
/// A tiny OTLP/HTTP receiver on a free loopback port: accepts POST /v1/traces, /v1/metrics and /v1/logs,
/// keeps each body as sent (gunzipped when the exporter compresses), answers an empty success. No OTLP
/// decoding: protobuf carries strings as raw UTF-8, so a value in any attribute or log line is in the bytes.
/// </summary>
public sealed class OtlpCaptureReceiver : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> Signals = ["traces", "metrics", "logs"];

    private readonly ConcurrentQueue<CapturedExport> _exports = new();
    private readonly WebApplication _app;

    private OtlpCaptureReceiver(WebApplication app) => _app = app;

    /// <summary>The base address the exporters are given; they append /v1/{signal}.</summary>
    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<CapturedExport> Exports => [.. _exports];

    public static async Task<OtlpCaptureReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpCaptureReceiver(app);
        app.MapPost("/v1/{signal}", receiver.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Address = new Uri(address);
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(string signal, HttpContext context)
    {
        if (!Signals.Contains(signal))
        {
            return Results.NotFound();
        }
        var body = context.Request.Body;
        if (string.Equals(context.Request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            body = new GZipStream(body, CompressionMode.Decompress);
        }
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, context.RequestAborted);
        _exports.Enqueue(new CapturedExport(signal, buffer.ToArray(), DateTime.UtcNow));
        // An empty Export*ServiceResponse: full success.
        return Results.Bytes([], "application/x-protobuf");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

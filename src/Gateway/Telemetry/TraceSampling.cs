using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Ivig.Gateway.Telemetry;

/// <summary>
/// The gateway starts (almost) every trace in the suite, so it decides which are recorded: every request
/// while traffic is at a clinical pace, and at most <c>Gateway:Telemetry:TracesPerSecond</c> new traces a
/// second under heavy load (default 50). A trace the client already started follows the client's decision,
/// and the services follow the gateway's (parent-based sampling), so a trace is recorded whole or not at all.
/// </summary>
/// <remarks>
/// Recording a span for every request cost the gateway about a quarter of its CPU per request at
/// thousands of requests a second (docs/performance.md); metrics still count every request.
/// </remarks>
internal static class TraceSampling
{
    public const string TracesPerSecondKey = "Gateway:Telemetry:TracesPerSecond";

    /// <summary>
    /// Instruments the gateway does not export: its outbound HTTP client's (every proxied call is measured
    /// again, from inside, by the service that answers it: http.server.request.duration) and routing's
    /// match counter. Recording them cost the gateway more per request than the proxying itself.
    /// </summary>
    public static readonly string[] DroppedInstruments =
    [
        "http.client.request.duration", "http.client.active_requests", "http.client.request.time_in_queue", "aspnetcore.routing.match_attempts",
    ];

    public static void AddGatewayTraceSampling(this IHostApplicationBuilder builder)
    {
        var perSecond = builder.Configuration.GetValue(TracesPerSecondKey, 50.0);
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing =>
            tracing.SetSampler(new ParentBasedSampler(perSecond > 0 ? new RateLimitedSampler(perSecond) : new AlwaysOffSampler())));
        if (builder.Configuration.GetValue("Gateway:Telemetry:DropPerCallClientMetrics", true))
        {
            builder.Services.ConfigureOpenTelemetryMeterProvider(metrics =>
            {
                foreach (var instrument in DroppedInstruments)
                {
                    metrics.AddView(instrument, MetricStreamConfiguration.Drop);
                }
            });
        }
    }
}

/// <summary>Samples new traces at up to a fixed rate (a token bucket refilled continuously, one second of burst).</summary>
internal sealed class RateLimitedSampler : Sampler
{
    private static readonly SamplingResult Sampled = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Dropped = new(SamplingDecision.Drop);

    private readonly Lock _lock = new();
    private readonly double _perSecond;
    private double _tokens;
    private long _at = Stopwatch.GetTimestamp();

    public RateLimitedSampler(double perSecond)
    {
        _perSecond = perSecond;
        _tokens = perSecond;
    }

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            _tokens = Math.Min(_perSecond, _tokens + (now - _at) * _perSecond / Stopwatch.Frequency);
            _at = now;
            if (_tokens < 1)
            {
                return Dropped;
            }
            _tokens -= 1;
            return Sampled;
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;

namespace Ivig.Gateway.Protection;

/// <summary>
/// Per-client rate limit: a token bucket per caller (the token's subject, else the remote address) that
/// refills continuously at <see cref="GatewayProtectionOptions.RequestsPerSecondPerClient"/> up to
/// <see cref="GatewayProtectionOptions.BurstPerClient"/>; a request finding it empty is refused at once
/// (gRPC: ResourceExhausted; otherwise 429). Health probes are limited like anything else.
/// </summary>
/// <remarks>
/// Replaces ASP.NET Core's rate-limiting middleware with the same policy at a fraction of its cost per
/// request: no global lock around the partition table, no lease object, and no per-request metrics (one
/// counter, <c>ivig.gateway.rate_limited</c>, counts refusals).
/// </remarks>
internal sealed class ClientRateLimiter
{
    private static readonly Meter Meter = new("Ivig.Gateway");
    private static readonly Counter<long> Refused = Meter.CreateCounter<long>("ivig.gateway.rate_limited", description: "Requests refused by the per-client rate limit");

    private readonly ConcurrentDictionary<ClientKey, Bucket> _buckets = new();
    private readonly double _perSecond;
    private readonly double _burst;
    private readonly long _idleTicks;
    private long _nextPrune;

    public ClientRateLimiter(GatewayProtectionOptions options)
    {
        _perSecond = Math.Max(1, options.RequestsPerSecondPerClient);
        _burst = Math.Max(1, options.BurstPerClient);
        // A bucket left alone this long is full again: forgetting it changes nothing.
        _idleTicks = (long)(Stopwatch.Frequency * Math.Max(60, _burst / _perSecond));
    }

    public bool TryAcquire(HttpContext context)
    {
        var now = Stopwatch.GetTimestamp();
        var key = ClientKey.Of(context);
        var bucket = _buckets.GetOrAdd(key, static (_, limiter) => new Bucket(limiter._burst, Stopwatch.GetTimestamp()), this);
        var admitted = bucket.TryTake(now, _perSecond, _burst);
        if (!admitted)
        {
            Refused.Add(1);
        }
        if (now >= Interlocked.Read(ref _nextPrune))
        {
            Prune(now);
        }
        return admitted;
    }

    private void Prune(long now)
    {
        Interlocked.Exchange(ref _nextPrune, now + Stopwatch.Frequency * 10);
        foreach (var (key, bucket) in _buckets)
        {
            if (now - bucket.LastUsed > _idleTicks)
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }

    private readonly record struct ClientKey(string? Subject, IPAddress? Address)
    {
        public static ClientKey Of(HttpContext context) =>
            context.User.Identity is { IsAuthenticated: true } identity
                ? new ClientKey(identity.Name ?? "", null)
                : new ClientKey(null, context.Connection.RemoteIpAddress);
    }

    private sealed class Bucket(double tokens, long at)
    {
        private readonly Lock _lock = new();
        private double _tokens = tokens;
        private long _at = at;

        public long LastUsed => Volatile.Read(ref _at);

        public bool TryTake(long now, double perSecond, double burst)
        {
            lock (_lock)
            {
                if (now > _at)
                {
                    _tokens = Math.Min(burst, _tokens + (now - _at) * perSecond / Stopwatch.Frequency);
                    _at = now;
                }
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    return true;
                }
                return false;
            }
        }
    }
}

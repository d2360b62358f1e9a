using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>Redis (the suite's state) the same way in every service.</summary>
public static class StateExtensions
{
    /// <summary>Name of the connection string (and of the AppHost resource) for Redis.</summary>
    public const string ConnectionName = "redis";

    /// <summary>
    /// Any command gives up after 2 s, so while Redis is unreachable a clinical request answers
    /// Unavailable well inside its deadline instead of hanging; the client retries. Commands issued
    /// during a brief reconnect wait for it (the default backlog) rather than failing at once, so a
    /// Redis restart costs the callers of those seconds a short wait, not an error.
    /// </summary>
    /// <remarks>
    /// No span per Redis command: the client's tracing profiles every command of every request, sampled or
    /// not, and keeps each record for up to 10 s before turning it into a span; at hundreds of reactions a
    /// second that garbage was a large share of Monitoring's CPU (docs/performance.md). The request, gRPC and
    /// MassTransit spans around the commands remain, and Redis's own latency is in its slowlog and metrics.
    /// </remarks>
    public static TBuilder AddSuiteRedis<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddRedisClient(ConnectionName, settings => settings.DisableTracing = true, configureOptions: options =>
        {
            options.BacklogPolicy = BacklogPolicy.Default;
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = 2000;
            options.AsyncTimeout = 2000;
            options.SyncTimeout = 2000;
        });
        return builder;
    }
}

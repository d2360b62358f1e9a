using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>Redis (the suite's state) the same way in every service.</summary>
public static class StateExtensions
{
    /// <summary>Name of the connection string (and of the AppHost resource) for Redis.</summary>
    public const string ConnectionName = "redis";

    /// <summary>
    /// While Redis is unreachable a command fails at once (no backlog waiting for a reconnect) and any
    /// command gives up after 2 s, so a clinical request answers Unavailable well inside its deadline
    /// instead of hanging; the client retries. Reconnection happens in the background as usual.
    /// </summary>
    public static TBuilder AddSuiteRedis<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddRedisClient(ConnectionName, configureOptions: options =>
        {
            options.BacklogPolicy = BacklogPolicy.FailFast;
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = 2000;
            options.AsyncTimeout = 2000;
            options.SyncTimeout = 2000;
        });
        return builder;
    }
}

using Ivig.AppHost.LocalInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting;

/// <summary>Redis and RabbitMQ as local processes (Debian packages) bound to loopback.</summary>
internal static class LocalInfrastructureExtensions
{
    /// <summary>
    /// redis-server with AOF persistence (appendfsync everysec: an acknowledged write survives a
    /// process crash, and at most about one second of writes can be lost if the machine loses power).
    /// </summary>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory, int port)
    {
        Directory.CreateDirectory(dataDirectory);
        var healthCheckKey = $"{name}-ping";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheckKey, ct => LocalProbes.RedisAsync(port, ct));

        return builder.AddResource(new LocalRedisResource(name, dataDirectory))
            .WithEndpoint(LocalRedisResource.EndpointName, e =>
            {
                e.Port = port;
                e.TargetPort = port;
                e.UriScheme = "tcp";
                e.IsProxied = false;
            })
            .WithArgs(
                "--bind", "127.0.0.1",
                "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--dir", dataDirectory,
                "--appendonly", "yes",
                "--appendfsync", "everysec",
                "--save", "",
                "--protected-mode", "yes",
                "--daemonize", "no",
                "--logfile", "")
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>
    /// A RabbitMQ node with its own data, logs, node name, ports and plugin list, plus its own epmd
    /// in the foreground, so stopping the AppHost leaves no beam.smp or epmd behind.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMqResource> AddLocalRabbitMq(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory, int amqpPort)
    {
        var epmdPort = LoopbackPorts.Free();
        var distributionPort = LoopbackPorts.Free();
        var home = Path.Combine(dataDirectory, "home");
        var mnesia = Path.Combine(dataDirectory, "mnesia");
        var logs = Path.Combine(dataDirectory, "log");
        foreach (var dir in new[] { home, mnesia, logs })
        {
            Directory.CreateDirectory(dir);
        }
        var enabledPlugins = Path.Combine(dataDirectory, "enabled_plugins");
        File.WriteAllText(enabledPlugins, "[].\n");

        var epmdKey = $"{name}-epmd-listening";
        builder.Services.AddHealthChecks().AddAsyncCheck(epmdKey, ct => LocalProbes.ListeningAsync(epmdPort, ct));
        var epmd = builder.AddExecutable($"{name}-epmd", "epmd", dataDirectory,
                "-port", Invariant(epmdPort), "-address", "127.0.0.1")
            .WithHealthCheck(epmdKey);

        var amqpKey = $"{name}-amqp";
        builder.Services.AddHealthChecks().AddAsyncCheck(amqpKey, ct => LocalProbes.RabbitMqAsync(amqpPort, ct));

        // The node name is unique per port, so a test run can live beside the developer's suite.
        // The Erlang cookie is written under HOME, which must be writable.
        return builder.AddResource(new LocalRabbitMqResource(name, dataDirectory))
            .WithEndpoint(LocalRabbitMqResource.EndpointName, e =>
            {
                e.Port = amqpPort;
                e.TargetPort = amqpPort;
                e.UriScheme = "amqp";
                e.IsProxied = false;
            })
            .WithEnvironment("HOME", home)
            .WithEnvironment("ERL_EPMD_PORT", Invariant(epmdPort))
            .WithEnvironment("RABBITMQ_NODENAME", "ivig-" + Invariant(amqpPort) + "@localhost")
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_NODE_PORT", Invariant(amqpPort))
            .WithEnvironment("RABBITMQ_DIST_PORT", Invariant(distributionPort))
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}")
            .WithEnvironment("RABBITMQ_MNESIA_BASE", mnesia)
            .WithEnvironment("RABBITMQ_LOG_BASE", logs)
            .WithEnvironment("RABBITMQ_LOGS", "-")
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", enabledPlugins)
            .WithEnvironment("RABBITMQ_CONFIG_FILE", Path.Combine(dataDirectory, "rabbitmq"))
            .WithEnvironment("RABBITMQ_ADVANCED_CONFIG_FILE", Path.Combine(dataDirectory, "advanced.config"))
            .WithHealthCheck(amqpKey)
            .WaitFor(epmd);
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

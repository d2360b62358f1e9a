namespace Ivig.AppHost.LocalInfrastructure;

/// <summary>The AppHost's "Infrastructure" configuration section.</summary>
internal sealed class InfrastructureOptions
{
    /// <summary>Use Aspire's Redis and RabbitMQ containers (needs a container runtime) instead of local executables.</summary>
    public bool UseContainers { get; set; }

    /// <summary>Where local data and logs live; empty means the repository's ignored ".work" folder.</summary>
    public string WorkDirectory { get; set; } = "";

    /// <summary>Separates the data of concurrent suites (the developer's suite and a test run).</summary>
    public string InstanceName { get; set; } = "dev";

    /// <summary>0 allocates a free loopback port at start-up.</summary>
    public int RedisPort { get; set; }

    /// <summary>0 allocates a free loopback port at start-up.</summary>
    public int RabbitMqPort { get; set; }

    /// <summary>
    /// Fault testing only: when set, the services reach RabbitMQ through this loopback port (a test's
    /// delay proxy in front of the broker) instead of the broker's own. 0: directly.
    /// </summary>
    public int MessagingRoutePort { get; set; }

    public string ResolveWorkDirectory(string appHostDirectory)
    {
        var root = string.IsNullOrWhiteSpace(WorkDirectory)
            ? Path.Combine(appHostDirectory, "..", "..", ".work")
            : WorkDirectory;
        return Path.GetFullPath(Path.Combine(root, InstanceName));
    }
}

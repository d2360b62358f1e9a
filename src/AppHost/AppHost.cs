using Ivig.AppHost.LocalInfrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = builder.Configuration.GetSection("Infrastructure").Get<InfrastructureOptions>() ?? new();
var workDirectory = infrastructure.ResolveWorkDirectory(builder.AppHostDirectory);

// State and messaging: local processes by default (no container engine on our machines),
// Aspire's containers where a container runtime is configured (Infrastructure:UseContainers=true).
IResourceBuilder<IResourceWithConnectionString> redis;
IResourceBuilder<IResourceWithConnectionString> messaging;
if (infrastructure.UseContainers)
{
    redis = builder.AddRedis("redis").WithDataVolume().WithPersistence();
    messaging = builder.AddRabbitMQ("messaging").WithDataVolume();
}
else
{
    redis = builder.AddLocalRedis("redis", Path.Combine(workDirectory, "redis"), LoopbackPorts.ConfiguredOrFree(infrastructure.RedisPort));
    messaging = builder.AddLocalRabbitMq("messaging", Path.Combine(workDirectory, "rabbitmq"), LoopbackPorts.ConfiguredOrFree(infrastructure.RabbitMqPort));
}

// Every service and the gateway validate the same tokens: a development key here, an OIDC authority
// in production (Authentication:Jwt:Authority; docs/security.md).
var jwt = builder.Configuration.GetSection("Authentication:Jwt");
IResourceBuilder<ProjectResource> WithJwt(IResourceBuilder<ProjectResource> project) => project
    .WithEnvironment("Authentication__Jwt__Issuer", jwt["Issuer"] ?? "")
    .WithEnvironment("Authentication__Jwt__Audience", jwt["Audience"] ?? "")
    .WithEnvironment("Authentication__Jwt__SigningKey", jwt["SigningKey"] ?? "")
    .WithEnvironment("Authentication__Jwt__Authority", jwt["Authority"] ?? "");

// --- Telemetry capture (tests/Resilience/Telemetry, the PII scan) ---------------------------------------
// Telemetry:CaptureEndpoint sends every project's OTLP export (traces, metrics, logs) to that address over
// HTTP/protobuf, exported every fraction of a second. Added at start, after Aspire's own OTEL_* callback
// (which points at the dashboard, if any), so these values win; the service name is kept or set.
var telemetryCapture = builder.Configuration["Telemetry:CaptureEndpoint"];
if (!string.IsNullOrWhiteSpace(telemetryCapture))
{
    builder.Eventing.Subscribe<BeforeStartEvent>((start, _) =>
    {
        foreach (var project in start.Model.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project).WithEnvironment(context =>
            {
                context.EnvironmentVariables["OTEL_EXPORTER_OTLP_ENDPOINT"] = telemetryCapture;
                context.EnvironmentVariables["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
                context.EnvironmentVariables["OTEL_BSP_SCHEDULE_DELAY"] = "200";
                context.EnvironmentVariables["OTEL_BLRP_SCHEDULE_DELAY"] = "200";
                context.EnvironmentVariables["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
                context.EnvironmentVariables.TryAdd("OTEL_SERVICE_NAME", project.Name);
            });
        }
        return Task.CompletedTask;
    });
}
// --- end of telemetry capture ------------------------------------------------------------------------------

// Each service listens on its own fixed loopback ports with no orchestrator proxy in between: a
// stopped service then refuses connections at once, so callers get Unavailable instead of waiting on
// a proxy that still accepts, and a restarted one comes back on the same address. Suite:Replicas > 1
// runs that many copies of every service and the gateway (docs/deployment.md); copies share one
// address, so they go behind the orchestrator's proxy.
var replicas = builder.Configuration.GetValue("Suite:Replicas", 1);
IResourceBuilder<ProjectResource> Direct(IResourceBuilder<ProjectResource> project, int httpPort = 0, int grpcPort = 0)
{
    foreach (var (endpoint, configured) in new[] { ("http", httpPort), ("grpc", grpcPort) })
    {
        if (replicas > 1)
        {
            project.WithEndpoint(endpoint, e => e.Port = configured > 0 ? configured : null);
            continue;
        }
        var port = LoopbackPorts.ConfiguredOrFree(configured);
        project.WithEndpoint(endpoint, e =>
        {
            e.Port = port;
            e.TargetPort = port;
            e.IsProxied = false;
        });
    }
    return replicas > 1 ? project.WithReplicas(replicas) : project;
}

var eligibility = Direct(WithJwt(builder.AddProject<Projects.Eligibility_Service>("eligibility")))
    .WithHttpHealthCheck("/health", endpointName: "http")
    .WithReference(redis).WaitFor(redis)
    .WithReference(messaging).WaitFor(messaging);

var dosing = Direct(WithJwt(builder.AddProject<Projects.Dosing_Service>("dosing")))
    .WithHttpHealthCheck("/health", endpointName: "http")
    .WithReference(redis).WaitFor(redis)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(eligibility.GetEndpoint("grpc"));

var monitoring = Direct(WithJwt(builder.AddProject<Projects.Monitoring_Service>("monitoring")))
    .WithHttpHealthCheck("/health", endpointName: "http")
    .WithReference(redis).WaitFor(redis)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(dosing.GetEndpoint("grpc"))
    .WithReference(eligibility.GetEndpoint("grpc"));

if (infrastructure.MessagingRoutePort > 0)
{
    foreach (var service in new[] { eligibility, dosing, monitoring })
    {
        service.WithEnvironment("ConnectionStrings__messaging",
            "amqp://guest:guest@127.0.0.1:" + infrastructure.MessagingRoutePort.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/");
    }
}

var gatewayPorts = builder.Configuration.GetSection("Gateway");
var gateway = Direct(WithJwt(builder.AddProject<Projects.Gateway>("gateway")), gatewayPorts.GetValue<int>("HttpPort"), gatewayPorts.GetValue<int>("GrpcPort"))
    .WithHttpHealthCheck("/health", endpointName: "http")
    .WithReference(eligibility.GetEndpoint("grpc")).WaitFor(eligibility)
    .WithReference(dosing.GetEndpoint("grpc")).WaitFor(dosing)
    .WithReference(monitoring.GetEndpoint("grpc")).WaitFor(monitoring)
    .WithExternalHttpEndpoints();

// Gateway protection settings given to the AppHost (Gateway:Protection:*) override the gateway's own.
foreach (var setting in builder.Configuration.GetSection("Gateway:Protection").AsEnumerable(makePathsRelative: true).Where(s => s.Value is not null))
{
    gateway.WithEnvironment("Gateway__Protection__" + setting.Key.Replace(":", "__", StringComparison.Ordinal), setting.Value);
}

// Tell the person at the terminal where the front door is once everything behind it is healthy.
gateway.OnResourceReady((resource, ready, _) =>
{
    var logger = ready.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Ivig.AppHost");
    logger.LogInformation("IVIG suite ready. Gateway: {Http} (HTTP/1.1: gRPC-Web, JSON, health) and {Grpc} (native gRPC, h2c)",
        resource.GetEndpoint("http").Url, resource.GetEndpoint("grpc").Url);
    return Task.CompletedTask;
});

builder.Build().Run();


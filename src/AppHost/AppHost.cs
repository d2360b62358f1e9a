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

var eligibility = WithJwt(builder.AddProject<Projects.Eligibility_Service>("eligibility"))
    .WithHttpHealthCheck("/health", endpointName: "http")
    .WithReference(redis).WaitFor(redis)
    .WithReference(messaging).WaitFor(messaging);

var dosing = WithJwt(builder.AddProject<Projects.Dosing_Service>("dosing"))
    .WithHttpHealthCheck("/health", endpointName: "http")
    .WithReference(redis).WaitFor(redis)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(eligibility.GetEndpoint("grpc"));

var monitoring = WithJwt(builder.AddProject<Projects.Monitoring_Service>("monitoring"))
    .WithHttpHealthCheck("/health", endpointName: "http")
    .WithReference(redis).WaitFor(redis)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(dosing.GetEndpoint("grpc"))
    .WithReference(eligibility.GetEndpoint("grpc"));

var gatewayPorts = builder.Configuration.GetSection("Gateway");
var gateway = WithJwt(builder.AddProject<Projects.Gateway>("gateway"))
    .WithHttpHealthCheck("/health", endpointName: "http")
    .WithEndpoint("http", e => e.Port = NullIfZero(gatewayPorts.GetValue<int>("HttpPort")))
    .WithEndpoint("grpc", e => e.Port = NullIfZero(gatewayPorts.GetValue<int>("GrpcPort")))
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

// A fixed gateway port for people; 0 lets the orchestrator choose (tests beside a running suite).
static int? NullIfZero(int port) => port > 0 ? port : null;

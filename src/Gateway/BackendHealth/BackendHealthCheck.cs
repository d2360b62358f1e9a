using Grpc.Health.V1;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ivig.Gateway.BackendHealth;

/// <summary>
/// The gateway is only as healthy as the services behind it: asks one backend's standard gRPC
/// health service, with a short deadline so a dead backend reads as unhealthy, not as a hang.
/// </summary>
internal sealed class BackendHealthCheck(GrpcClientFactory clients, string backend) : IHealthCheck
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var client = clients.CreateClient<Health.HealthClient>(backend);
            var reply = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: cancellationToken);
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving
                ? HealthCheckResult.Healthy($"{backend} is serving.")
                : HealthCheckResult.Unhealthy($"{backend} reports {reply.Status}.");
        }
        catch (Grpc.Core.RpcException ex)
        {
            return HealthCheckResult.Unhealthy($"{backend} is unreachable: {ex.Status.StatusCode}.");
        }
    }
}

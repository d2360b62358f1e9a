using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ivig.AppHost.LocalInfrastructure;

/// <summary>Readiness probes for the local processes, spoken in each server's own protocol.</summary>
internal static class LocalProbes
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Redis answers PING with +PONG only once it has loaded its data (AOF replay included).</summary>
    public static Task<HealthCheckResult> RedisAsync(int port, CancellationToken cancellationToken) =>
        ProbeAsync(port, "PING\r\n"u8.ToArray(), reply => reply.StartsWith("+PONG", StringComparison.Ordinal), cancellationToken);

    /// <summary>A RabbitMQ node that is ready answers the AMQP 0-9-1 header with a Connection.Start method frame.</summary>
    public static Task<HealthCheckResult> RabbitMqAsync(int port, CancellationToken cancellationToken) =>
        ProbeAsync(port, [(byte)'A', (byte)'M', (byte)'Q', (byte)'P', 0, 0, 9, 1], reply => reply.Length > 0 && reply[0] == '\u0001', cancellationToken);

    /// <summary>epmd is ready once it accepts connections.</summary>
    public static async Task<HealthCheckResult> ListeningAsync(int port, CancellationToken cancellationToken) =>
        await LoopbackPorts.AcceptsConnectionsAsync(port, cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"127.0.0.1:{port} does not accept connections yet.");

    private static async Task<HealthCheckResult> ProbeAsync(int port, byte[] hello, Func<string, bool> isReady, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(hello, timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            var reply = Encoding.Latin1.GetString(buffer, 0, read);
            return isReady(reply) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"Not ready: '{reply.Trim()}'");
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            // Not an error while the server boots: the message says enough, a stack trace would only be noise.
            return HealthCheckResult.Unhealthy($"127.0.0.1:{port} is not answering yet ({ex.GetType().Name}).");
        }
    }
}

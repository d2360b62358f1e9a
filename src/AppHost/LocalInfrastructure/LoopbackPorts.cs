using System.Net;
using System.Net.Sockets;

namespace Ivig.AppHost.LocalInfrastructure;

/// <summary>Free TCP ports on 127.0.0.1 for the local Redis and RabbitMQ processes.</summary>
internal static class LoopbackPorts
{
    /// <summary>The configured port, or a free one when the configuration says 0.</summary>
    public static int ConfiguredOrFree(int configured) => configured > 0 ? configured : Free();

    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

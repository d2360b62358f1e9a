using System.Net;
using System.Net.Sockets;

namespace Ivig.AppHost.LocalInfrastructure;

/// <summary>Free TCP ports on 127.0.0.1 for the local Redis and RabbitMQ processes and the services.</summary>
internal static class LoopbackPorts
{
    /// <summary>The configured port, or a free one when the configuration says 0.</summary>
    public static int ConfiguredOrFree(int configured) => configured > 0 ? configured : Free();

    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A port nothing listens on now and that this process has not handed out before: the kernel may give
    /// a just-released port to the next bind to port 0, and two services on one port fail at start (seen
    /// once in a bench run: Monitoring refused with "address already in use" by Eligibility).
    /// </summary>
    public static int Free()
    {
        lock (HandedOut)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
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

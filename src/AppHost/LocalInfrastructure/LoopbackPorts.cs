using System.Net;
using System.Net.Sockets;

namespace Ivig.AppHost.LocalInfrastructure;

/// <summary>Free TCP ports on 127.0.0.1 for the local Redis and RabbitMQ processes and the services.</summary>
internal static class LoopbackPorts
{
    /// <summary>The configured port, or a free one when the configuration says 0.</summary>
    public static int ConfiguredOrFree(int configured) => configured > 0 ? configured : Free();

    // Below the kernel's ephemeral range (32768-60999 by default): a port handed out here can otherwise be
    // taken as the local port of some outgoing connection before its service binds it.
    private const int First = 20000;
    private const int Last = 32767;

    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A port nothing listens on now that this process has not handed out before, chosen at random below the
    /// ephemeral range. Binding to port 0 and releasing it was racy: the kernel may give the same port to the
    /// next bind or to an outgoing connection, and two AppHosts started side by side (the test command's
    /// suites) may be handed the same one; a service then fails at start with "address already in use" (seen
    /// in a bench run: Monitoring on Eligibility's port).
    /// </summary>
    public static int Free()
    {
        lock (HandedOut)
        {
            while (true)
            {
                var port = Random.Shared.Next(First, Last + 1);
                if (HandedOut.Contains(port) || !CanBind(port))
                {
                    continue;
                }
                HandedOut.Add(port);
                return port;
            }
        }
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
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

namespace Ivig.Gateway.Protection;

/// <summary>The gateway's "Gateway:Protection" section: per-client rate limits, body size, CORS origins.</summary>
public sealed class GatewayProtectionOptions
{
    public const string SectionName = "Gateway:Protection";

    /// <summary>Sustained requests per second for one client (the token's subject, else the remote address).</summary>
    public int RequestsPerSecondPerClient { get; set; } = 100;

    /// <summary>Requests one client may send at once above the sustained rate.</summary>
    public int BurstPerClient { get; set; } = 200;

    /// <summary>Largest request body the gateway accepts (bytes); services refuse gRPC messages above their own, lower limit.</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Browser front ends allowed to call the gateway (exact origins). Empty: no cross-origin calls.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}

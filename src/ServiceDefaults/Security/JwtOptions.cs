namespace Ivig.ServiceDefaults.Security;

/// <summary>
/// The "Authentication:Jwt" section. In production set <see cref="Authority"/> (an OIDC issuer whose
/// signing keys are discovered); on a developer machine the AppHost passes a local signing key instead.
/// </summary>
public sealed class JwtOptions
{
    public const string SectionName = "Authentication:Jwt";

    /// <summary>OIDC authority (e.g. the hospital's identity provider). When set, the signing key is ignored.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience every token must carry.</summary>
    public string Audience { get; set; } = "ivig-suite";

    /// <summary>The issuer of development tokens (used only without an authority).</summary>
    public string Issuer { get; set; } = "ivig-suite-dev";

    /// <summary>Development only: the symmetric HMAC-SHA256 key tokens are signed with (at least 32 bytes).</summary>
    public string? SigningKey { get; set; }
}

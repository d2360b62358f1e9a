using System.Security.Claims;
using System.Text;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ivig.Testing;

/// <summary>
/// Development tokens for tests, signed with the local development key (the same values as
/// src/AppHost/appsettings.json "Authentication:Jwt"). Also mints the broken ones the
/// authorization tests need: expired, wrong audience, forged signature.
/// </summary>
public static class DevTokens
{
    public const string Issuer = "ivig-suite-dev";
    public const string Audience = "ivig-suite";
    public const string SigningKey = "ivig-suite-local-development-signing-key-not-for-production";

    /// <summary>Configuration an in-process service needs to validate these tokens.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Authentication:Jwt:Issuer"] = Issuer,
        ["Authentication:Jwt:Audience"] = Audience,
        ["Authentication:Jwt:SigningKey"] = SigningKey,
    };

    public static string Mint(string subject, IEnumerable<string> roles, TimeSpan? lifetime = null,
        string audience = Audience, string signingKey = SigningKey, DateTime? notBefore = null)
    {
        var now = notBefore ?? DateTime.UtcNow;
        var claims = new List<Claim> { new("sub", subject) };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now,
            IssuedAt = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(1)),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    public static string Mint(string subject, string role) => Mint(subject, [role]);

    /// <summary>Call metadata carrying a bearer token for one subject and role.</summary>
    public static Metadata For(string subject, string role) => Bearer(Mint(subject, role));

    public static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };

    /// <summary>A token with every role, for flow tests that are not about authorization.</summary>
    public static string AllRoles(string subject = "e2e-suite") =>
        Mint(subject, ["prescriber", "pharmacist", "nurse", "ops", "integration"]);
}

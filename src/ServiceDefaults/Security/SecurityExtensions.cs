using System.Text;
using Ivig.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// JWT bearer authentication and default-deny authorization, the same at the gateway and at every
/// service, so calling a service directly without a valid token grants nothing.
/// </summary>
public static class SecurityExtensions
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static TBuilder AddSuiteAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var options = builder.Configuration.GetSection(JwtOptions.SectionName).Get<JwtOptions>() ?? new JwtOptions();
        if (string.IsNullOrWhiteSpace(options.Authority) && Encoding.UTF8.GetByteCount(options.SigningKey ?? "") < 32)
        {
            throw new InvalidOperationException(
                $"Authentication is not configured: set {JwtOptions.SectionName}:Authority (an OIDC issuer) in production, "
                + $"or {JwtOptions.SectionName}:SigningKey (32+ bytes, development only).");
        }

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                // Keep the token's own claim names: "sub" is the subject, "role" the roles.
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateAudience = true,
                    ValidAudience = options.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ClockSkew = ClockSkew,
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                };
                if (!string.IsNullOrWhiteSpace(options.Authority))
                {
                    jwt.Authority = options.Authority;
                    jwt.Audience = options.Audience;
                }
                else
                {
                    jwt.TokenValidationParameters.ValidIssuer = options.Issuer;
                    jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey!));
                    jwt.RequireHttpsMetadata = false;
                }
            });
        // Each client's token is validated once, then reused until it expires (at most two minutes).
        builder.Services.AddValidatedTokenCache();

        builder.Services.AddAuthorization(authorization =>
        {
            // Default deny: an endpoint without its own policy still needs an authenticated caller;
            // every RPC additionally names its roles ([Authorize(Roles = ...)]).
            authorization.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        return builder;
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ivig.ServiceDefaults.Security;

/// <summary>
/// Validates each distinct bearer token once and reuses the result for its next requests: a client
/// sends the same token with every call, and checking its signature, parsing its JSON and building its
/// claims again each time was the gateway's largest cost per request after proxying itself, and a large
/// part of each service's (every service validates the token again: bypassing the gateway grants nothing).
/// </summary>
/// <remarks>
/// Only successful validations are kept, keyed by the exact token string (a different or tampered token is
/// a different key and is validated in full), and only until the earlier of the token's own expiry (without
/// the clock skew the validator allows) and <see cref="MaxAge"/>, so a token is never accepted past its
/// lifetime and a rotated-out signing key stops being trusted within <see cref="MaxAge"/>. Failures are
/// never cached. The cache holds at most <see cref="MaxEntries"/> tokens.
/// </remarks>
internal sealed class CachingJsonWebTokenHandler(TimeProvider clock) : JsonWebTokenHandler
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(2);
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _validated = new(StringComparer.Ordinal);
    private long _nextPrune;

    private sealed record Entry(TokenValidationResult Result, DateTimeOffset Until);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow();
        if (token is not null && _validated.TryGetValue(token, out var hit))
        {
            if (hit.Until > now)
            {
                return hit.Result;
            }
            _validated.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (token is not null && result.IsValid && result.SecurityToken is JsonWebToken jwt)
        {
            var expires = new DateTimeOffset(DateTime.SpecifyKind(jwt.ValidTo, DateTimeKind.Utc));
            var until = expires < now + MaxAge ? expires : now + MaxAge;
            if (until > now)
            {
                // Build the identity now, once, so cached results are only ever read.
                _ = result.ClaimsIdentity;
                Prune(now);
                _validated[token] = new Entry(result, until);
            }
        }
        return result;
    }

    private void Prune(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        if (_validated.Count < MaxEntries && ticks < Interlocked.Read(ref _nextPrune))
        {
            return;
        }
        Interlocked.Exchange(ref _nextPrune, (now + TimeSpan.FromSeconds(30)).UtcTicks);
        foreach (var (token, entry) in _validated)
        {
            if (entry.Until <= now)
            {
                _validated.TryRemove(token, out _);
            }
        }
        if (_validated.Count >= MaxEntries)
        {
            _validated.Clear();
        }
    }
}

internal static class ValidatedTokenCacheExtensions
{
    /// <summary>JWT bearer authentication (<see cref="Microsoft.Extensions.Hosting.SecurityExtensions"/>) reuses validated tokens.</summary>
    public static void AddValidatedTokenCache(this IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            jwt.TokenHandlers.Clear();
            jwt.TokenHandlers.Add(new CachingJsonWebTokenHandler(TimeProvider.System) { MapInboundClaims = jwt.MapInboundClaims });
        });
}

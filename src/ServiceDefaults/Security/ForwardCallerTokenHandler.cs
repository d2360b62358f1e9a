using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Ivig.ServiceDefaults.Security;

/// <summary>
/// A service calling another on a user's behalf passes the user's own bearer token on, so the callee
/// authorizes and audits the real person (a nurse starting an infusion reads the regimen as that nurse),
/// and no service holds a standing credential that could do more than its caller.
/// </summary>
public sealed class ForwardCallerTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authorization = accessor.HttpContext?.Request.Headers.Authorization.ToString();
        if (request.Headers.Authorization is null && !string.IsNullOrEmpty(authorization))
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return base.SendAsync(request, cancellationToken);
    }
}

public static class ForwardCallerTokenExtensions
{
    /// <summary>Outgoing calls of this client carry the incoming request's bearer token.</summary>
    public static IHttpClientBuilder ForwardCallerToken(this IHttpClientBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<ForwardCallerTokenHandler>();
        return builder.AddHttpMessageHandler<ForwardCallerTokenHandler>();
    }
}

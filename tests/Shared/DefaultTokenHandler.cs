using System.Net.Http.Headers;

namespace Ivig.Testing;

/// <summary>
/// Adds a bearer token to every request that does not carry one already, so flow tests that are not
/// about authorization need not repeat it; a call's own "authorization" metadata always wins.
/// </summary>
public sealed class DefaultTokenHandler(string token) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", token);
        return base.SendAsync(request, cancellationToken);
    }
}

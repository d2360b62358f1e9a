using System.Security.Claims;
using Grpc.Core;

namespace Ivig.ServiceDefaults.Grpc;

/// <summary>Who is calling, as the audit trails record it.</summary>
public sealed record Caller(string Subject, string Role)
{
    public static Caller Anonymous { get; } = new("anonymous", "");
}

/// <summary>
/// The caller of a gRPC request: the validated token's subject and roles. Every RPC requires a valid
/// token (default deny), so nothing a caller merely claims in metadata is ever trusted.
/// </summary>
public static class CallerIdentity
{
    public static Caller From(ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return Caller.Anonymous;
        }
        var subject = user.FindFirstValue("sub") ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity.Name ?? "unknown";
        var roles = user.FindAll("role").Select(c => c.Value).Concat(user.FindAll(ClaimTypes.Role).Select(c => c.Value)).Distinct();
        return new Caller(subject, string.Join(",", roles));
    }
}

using System.Security.Claims;
using Grpc.Core;

namespace Ivig.ServiceDefaults.Grpc;

/// <summary>Who is calling, as the audit trails record it.</summary>
public sealed record Caller(string Subject, string Role)
{
    public static Caller Anonymous { get; } = new("anonymous", "");
}

/// <summary>
/// Reads the caller of a gRPC request: the authenticated subject and role once JWT authentication
/// is on; before that, the <c>x-caller-id</c> and <c>x-caller-role</c> metadata an integration sends.
/// </summary>
public static class CallerIdentity
{
    public const string CallerIdHeader = "x-caller-id";
    public const string CallerRoleHeader = "x-caller-role";

    public static Caller From(ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var subject = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub") ?? user.Identity.Name ?? "unknown";
            var role = user.FindFirstValue(ClaimTypes.Role) ?? user.FindFirstValue("role") ?? "";
            return new Caller(subject, role);
        }
        var id = context.RequestHeaders.GetValue(CallerIdHeader);
        var claimedRole = context.RequestHeaders.GetValue(CallerRoleHeader);
        return string.IsNullOrWhiteSpace(id) ? Caller.Anonymous : new Caller(id.Trim(), claimedRole?.Trim() ?? "");
    }
}

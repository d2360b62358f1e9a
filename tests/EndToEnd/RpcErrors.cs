using Google.Rpc;
using Grpc.Core;

namespace Ivig.EndToEnd;

/// <summary>Reads the google.rpc rich error details the services attach to a failed call.</summary>
internal static class RpcErrors
{
    public static IReadOnlyList<string> FieldViolations(RpcException ex) =>
        ex.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];

    public static string? PreconditionType(RpcException ex) =>
        ex.GetRpcStatus()?.GetDetail<PreconditionFailure>()?.Violations.FirstOrDefault()?.Type;

    public static async Task<RpcException> ExpectAsync(StatusCode code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, ex.StatusCode);
        return ex;
    }
}

using System.Diagnostics;
using Google.Rpc;
using Grpc.Core;

namespace Ivig.Resilience.BadInput;

/// <summary>What one case got: the status (null when the call did not fail) and, when unacceptable, why.</summary>
internal sealed record CaseOutcome(BadInputCase Case, StatusCode? Code, string? Problem, TimeSpan Elapsed)
{
    public bool Acceptable => Problem is null;

    public override string ToString() =>
        $"{Case.FullName} -> {Code?.ToString() ?? "no error"} ({Elapsed.TotalMilliseconds:0} ms){(Problem is null ? "" : ": " + Problem)}";
}

/// <summary>
/// Sends one case with a deadline, so nothing hangs, and judges the answer: an acceptable refusal code with
/// the rich detail its code promises (BadRequest naming the field, PreconditionFailure naming the condition,
/// ResourceInfo), never Internal, Unknown, Unavailable or DeadlineExceeded.
/// </summary>
internal static class CaseRunner
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static async Task<CaseOutcome> RunAsync(BadInputCase badInput)
    {
        var clock = Stopwatch.StartNew();
        // The cancellation is a backstop a little after the deadline, for a client that ignores it.
        using var backstop = new CancellationTokenSource(Deadline + TimeSpan.FromSeconds(5));
        var options = new CallOptions(deadline: DateTime.UtcNow + Deadline, cancellationToken: backstop.Token);
        try
        {
            await badInput.Send(options);
            return new CaseOutcome(badInput, null, "the call succeeded", clock.Elapsed);
        }
        catch (RpcException ex)
        {
            return new CaseOutcome(badInput, ex.StatusCode, Judge(badInput, ex), clock.Elapsed);
        }
        catch (Exception ex) when (ex is UnexpectedAnswerException or OperationCanceledException)
        {
            return new CaseOutcome(badInput, null, ex.Message, clock.Elapsed);
        }
    }

    private static string? Judge(BadInputCase badInput, RpcException ex)
    {
        if (!badInput.Acceptable.Contains(ex.StatusCode))
        {
            return $"expected {string.Join(" or ", badInput.Acceptable)}; detail: {Shorten(ex.Status.Detail)}";
        }
        var status = ex.GetRpcStatus();
        switch (ex.StatusCode)
        {
            case StatusCode.InvalidArgument:
                var fields = status?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList();
                if (fields is not { Count: > 0 })
                {
                    return "InvalidArgument without a google.rpc.BadRequest field violation";
                }
                if (badInput.Field is { } field && !fields.Contains(field))
                {
                    return $"BadRequest names {string.Join(", ", fields)}, not {field}";
                }
                return null;
            case StatusCode.FailedPrecondition:
                var types = status?.GetDetail<PreconditionFailure>()?.Violations.Select(v => v.Type).ToList();
                if (types is not { Count: > 0 })
                {
                    return "FailedPrecondition without a google.rpc.PreconditionFailure";
                }
                if (badInput.Condition is { } condition && !types.Contains(condition))
                {
                    return $"PreconditionFailure is {string.Join(", ", types)}, not {condition}";
                }
                return null;
            case StatusCode.NotFound:
                return status?.GetDetail<ResourceInfo>() is null ? "NotFound without a google.rpc.ResourceInfo" : null;
            default:
                return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

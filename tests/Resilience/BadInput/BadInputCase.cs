using Grpc.Core;

namespace Ivig.Resilience.BadInput;

/// <summary>
/// One malformed request: a name that says what is wrong with it, the RPC it goes to, how to send it, and
/// the status codes that are an acceptable answer (never Internal, Unknown, Unavailable or DeadlineExceeded).
/// </summary>
internal sealed record BadInputCase
{
    /// <summary>The only answers a bad request may get (AlreadyExists only where a service documents it for duplicates).</summary>
    public static readonly IReadOnlySet<StatusCode> RefusalCodes = new HashSet<StatusCode>
    {
        StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.FailedPrecondition,
        StatusCode.OutOfRange, StatusCode.ResourceExhausted, StatusCode.AlreadyExists,
    };

    public BadInputCase(string rpc, string name, Func<CallOptions, Task> send, params StatusCode[] acceptable)
    {
        if (acceptable.Length == 0 || acceptable.Any(c => !RefusalCodes.Contains(c)))
        {
            throw new ArgumentException($"Case {name}: acceptable codes must be refusal codes.", nameof(acceptable));
        }
        Rpc = rpc;
        Name = name;
        Send = send;
        Acceptable = acceptable;
    }

    /// <summary>The RPC's full name, e.g. "ivig.monitoring.v1.MonitoringService/GetInfusion".</summary>
    public string Rpc { get; }

    public string Name { get; }

    /// <summary>Sends the request with the given call options (deadline, cancellation); throws RpcException on a refusal.</summary>
    public Func<CallOptions, Task> Send { get; }

    public IReadOnlyList<StatusCode> Acceptable { get; }

    /// <summary>A field the google.rpc.BadRequest must name, when the case breaks one field.</summary>
    public string? Field { get; init; }

    /// <summary>The google.rpc.PreconditionFailure type expected, when the case is a wrong-state one.</summary>
    public string? Condition { get; init; }

    public string FullName => $"{Rpc.Split('/')[^1]}: {Name}";
}

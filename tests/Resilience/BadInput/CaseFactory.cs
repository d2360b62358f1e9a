using Grpc.Core;

namespace Ivig.Resilience.BadInput;

/// <summary>Short names for the three kinds of refusal a generated case expects.</summary>
internal static class CaseFactory
{
    /// <summary>Bad input: InvalidArgument whose BadRequest names <paramref name="field"/>.</summary>
    public static BadInputCase Invalid(string rpc, string name, string field, Func<CallOptions, Task> send) =>
        new(rpc, name, send, StatusCode.InvalidArgument) { Field = field };

    /// <summary>A well-formed id of nothing: NotFound with a ResourceInfo.</summary>
    public static BadInputCase Unknown(string rpc, string name, Func<CallOptions, Task> send) =>
        new(rpc, name, send, StatusCode.NotFound);

    /// <summary>A request the record's state refuses: FailedPrecondition whose PreconditionFailure is <paramref name="condition"/> (null: any).</summary>
    public static BadInputCase WrongState(string rpc, string name, string? condition, Func<CallOptions, Task> send) =>
        new(rpc, name, send, StatusCode.FailedPrecondition) { Condition = condition };
}

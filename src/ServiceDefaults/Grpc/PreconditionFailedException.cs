namespace Ivig.ServiceDefaults.Grpc;

/// <summary>
/// The request is well formed but the state of the system forbids it (a clinical or workflow rule):
/// mapped to <c>FailedPrecondition</c> with a <c>google.rpc.PreconditionFailure</c> naming the condition.
/// </summary>
public sealed class PreconditionFailedException(string condition, string message) : Exception(message)
{
    /// <summary>Machine-readable name of the failed condition, e.g. a rule id or "REACTION_ACTIVE".</summary>
    public string Condition { get; } = condition;
}

namespace Ivig.Monitoring.Domain;

/// <summary>
/// A request that is well formed but not allowed in the infusion's current state (the host maps it to
/// gRPC FailedPrecondition). <see cref="Condition"/> is a stable machine-readable name such as
/// "STEP_TIME_NOT_ELAPSED"; see <see cref="ViolationConditions"/>.
/// </summary>
public sealed class DomainRuleViolation(string condition, string message) : Exception(message)
{
    public string Condition { get; } = condition;
}

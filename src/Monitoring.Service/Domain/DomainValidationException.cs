namespace Ivig.Monitoring.Domain;

/// <summary>
/// Input that is malformed or implausible (the host maps it to gRPC InvalidArgument with
/// google.rpc.BadRequest field violations). The host should validate first; the domain re-checks so a
/// bad value can never enter a session.
/// </summary>
public sealed class DomainValidationException(IReadOnlyList<FieldViolation> violations)
    : Exception(string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    public static void ThrowIfAny(IReadOnlyList<FieldViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (violations.Count > 0)
        {
            throw new DomainValidationException(violations);
        }
    }

    public static DomainValidationException For(string field, string description) =>
        new([new FieldViolation(field, description)]);
}

namespace Ivig.ServiceDefaults.Grpc;

/// <summary>One field of a request that is not acceptable, named as in the proto (snake_case path).</summary>
public sealed record FieldViolation(string Field, string Description);

/// <summary>Bad input: mapped to <c>InvalidArgument</c> with a <c>google.rpc.BadRequest</c> detail.</summary>
public sealed class RequestValidationException(IReadOnlyList<FieldViolation> violations)
    : Exception("The request is invalid: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    public static void ThrowIfAny(IReadOnlyList<FieldViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw new RequestValidationException(violations);
        }
    }
}

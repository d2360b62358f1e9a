namespace Ivig.Dosing.Domain;

/// <summary>A dosing input is invalid; <see cref="Violations"/> lists every invalid field.</summary>
public sealed class DosingValidationException : Exception
{
    public DosingValidationException(IReadOnlyList<FieldViolation> violations)
        : base(Describe(violations))
    {
        Violations = violations;
    }

    public IReadOnlyList<FieldViolation> Violations { get; }

    private static string Describe(IReadOnlyList<FieldViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        return "Invalid dosing input: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"));
    }
}

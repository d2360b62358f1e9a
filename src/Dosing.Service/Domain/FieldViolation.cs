namespace Ivig.Dosing.Domain;

/// <summary>One invalid input field (maps to a google.rpc.BadRequest field violation).</summary>
public sealed record FieldViolation(string Field, string Description);

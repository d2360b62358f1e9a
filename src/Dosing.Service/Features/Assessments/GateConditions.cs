namespace Ivig.Dosing.Features.Assessments;

/// <summary>The <c>google.rpc.PreconditionFailure</c> types Dosing returns when an assessment does not allow what was asked.</summary>
public static class GateConditions
{
    public const string AssessmentContraindicated = "ASSESSMENT_CONTRAINDICATED";
    public const string OverrideRequired = "OVERRIDE_REQUIRED";
    public const string AssessmentInsufficientData = "ASSESSMENT_INSUFFICIENT_DATA";
    public const string AssessmentUndecided = "ASSESSMENT_UNDECIDED";
    public const string AssessmentConstraintsInvalid = "ASSESSMENT_CONSTRAINTS_INVALID";
    public const string ProductNotAllowed = "PRODUCT_NOT_ALLOWED";
}

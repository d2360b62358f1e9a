using Ivig.Dosing.Domain;

namespace Ivig.Dosing.Features.Assessments;

/// <summary>What an assessment that allows a regimen hands to dosing.</summary>
/// <param name="Decision">The assessment's decision, e.g. "Eligible" or "NotRecommended" (then <paramref name="Overridden"/> is true).</param>
/// <param name="PatientReference">Opaque patient id from the caller's system; never logged.</param>
/// <param name="AtRiskCapRequired">DOSE-CAP: renal or thrombosis risk (PRE-RENAL, PRE-THROMBO).</param>
public sealed record AssessmentClearance(
    Guid AssessmentId,
    string PatientReference,
    string Decision,
    bool Overridden,
    ProductConstraints Constraints,
    bool AtRiskCapRequired);

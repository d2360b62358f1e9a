using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Dosing.Features.Regimens;

/// <summary>What a stored regimen records beside the plan itself: identity, provenance and the schedule's anchor date.</summary>
/// <param name="PatientReference">Opaque patient id, copied from the assessment; never logged.</param>
/// <param name="DeliveryDate">Postpartum: the delivery date the schedule's dates count from.</param>
public sealed record RegimenHeader(
    Guid RegimenId,
    Guid AssessmentId,
    string PatientReference,
    DateTimeOffset PlannedAt,
    Caller PlannedBy,
    string CatalogueVersion,
    DateOnly? DeliveryDate);

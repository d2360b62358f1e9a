using Ivig.Dosing.Domain;

namespace Ivig.Dosing.Features.Regimens;

/// <summary>A PlanRegimen request that passed validation, in domain terms.</summary>
/// <param name="Request">The dosing input; its at-risk cap is still unset: the assessment decides it.</param>
public sealed record ValidatedPlanRequest(Guid AssessmentId, Product Product, RegimenRequest Request, DateOnly? DeliveryDate);

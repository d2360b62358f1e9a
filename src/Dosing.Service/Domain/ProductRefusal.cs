namespace Ivig.Dosing.Domain;

/// <summary>Why a product is refused under a patient's <see cref="ProductConstraints"/>.</summary>
public sealed record ProductRefusal(ProductRefusalReason Reason, string Message);

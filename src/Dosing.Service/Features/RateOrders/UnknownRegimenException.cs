namespace Ivig.Dosing.Features.RateOrders;

/// <summary>A reaction names a regimen Dosing does not have, so no safe rate can be computed for it.</summary>
public sealed class UnknownRegimenException(Guid regimenId, Guid reactionId)
    : Exception($"Regimen {regimenId} of reaction {reactionId} does not exist; no rate order can be computed.")
{
    public Guid RegimenId { get; } = regimenId;
    public Guid ReactionId { get; } = reactionId;
}

namespace Ivig.Dosing.Features.RateOrders;

/// <summary>A reaction event Dosing cannot act on (unknown kind or grade, unusable rate). It ends in the error queue; Monitoring escalates a missing order.</summary>
public sealed class InvalidReactionException(Guid reactionId, string problem)
    : Exception($"Reaction {reactionId} cannot be answered with a rate order: {problem}")
{
    public Guid ReactionId { get; } = reactionId;
}

namespace Ivig.Monitoring.Domain;

/// <summary>
/// The result of <see cref="InfusionSession.ApplyRateOrder"/>. When <see cref="IsDuplicate"/> the order id
/// was seen before: <see cref="Record"/> is the original and nothing changed (publish nothing again).
/// </summary>
public sealed record RateOrderResult(RateOrderRecord Record, RateChange? RateChange, bool IsDuplicate);

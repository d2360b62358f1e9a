using System.Text.Json;
using Ivig.IntegrationEvents;
using Ivig.Monitoring.Domain;
using Ivig.Monitoring.Infrastructure.Outbox;

namespace Ivig.Monitoring.Features.Outbox;

/// <summary>Builds outbox entries, and reads them back: only the event types Monitoring publishes.</summary>
public static class OutboxEntries
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // An allow-list, not Type.GetType: an entry names one of these or is refused.
    private static readonly Dictionary<string, Type> EventTypes = new[]
    {
        typeof(InfusionStarted), typeof(InfusionRateChanged), typeof(InfusionReactionReported),
        typeof(InfusionCompleted), typeof(ClinicalAlertRaised),
    }.ToDictionary(t => t.Name);

    public static OutboxEntry Publish<T>(T message, DateTimeOffset now) where T : class =>
        EventTypes.ContainsKey(typeof(T).Name)
            ? new(Guid.NewGuid(), OutboxEffect.Publish, typeof(T).Name, JsonSerializer.Serialize(message, Json), now)
            : throw new ArgumentException($"{typeof(T).Name} is not an event Monitoring publishes.", nameof(message));

    public static OutboxEntry RaiseAlert(Alert alert, DateTimeOffset now) =>
        new(Guid.NewGuid(), OutboxEffect.RaiseAlert, nameof(Alert), JsonSerializer.Serialize(alert.ToSnapshot(), Json), now);

    public static (object Message, Type Type) ReadEvent(OutboxEntry entry) =>
        EventTypes.TryGetValue(entry.Type, out var type)
            ? (JsonSerializer.Deserialize(entry.Payload, type, Json)!, type)
            : throw new InvalidOperationException($"Outbox entry {entry.Id} names unknown event type '{entry.Type}'.");

    public static Alert ReadAlert(OutboxEntry entry) =>
        Alert.FromSnapshot(JsonSerializer.Deserialize<AlertSnapshot>(entry.Payload, Json)!);
}

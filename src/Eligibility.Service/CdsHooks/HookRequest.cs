using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Ivig.Eligibility.CdsHooks;

/// <summary>
/// A CDS Hooks 2.0 request for <c>order-select</c> or <c>order-sign</c>, with every FHIR resource parsed by the
/// Firely SDK. <see cref="Prefetch"/> holds the keys the client sent: a null resource is a key sent as JSON
/// null (the client found nothing); an absent key is one the client did not (or could not) satisfy.
/// </summary>
internal sealed record HookRequest(
    string Hook,
    string HookInstance,
    string PatientId,
    IReadOnlyList<string> Selections,
    Bundle DraftOrders,
    IReadOnlyDictionary<string, Resource?> Prefetch,
    bool FhirServerGiven)
{
    /// <summary>Required keys that are absent, or that hold an OperationOutcome (the client's prefetch failed).</summary>
    public IReadOnlyList<string> MissingRequiredPrefetch() =>
        [.. CdsServiceCatalog.RequiredPrefetch.Where(key => !Prefetch.TryGetValue(key, out var value) || value is OperationOutcome)];
}

internal static class HookRequestParser
{
    private const int MaxParserMessageLength = 400;

    /// <summary>
    /// Firely's System.Text.Json deserializer. NoOverflow refuses what would not fit the R4 model (unknown elements,
    /// wrong types, invalid codes) instead of keeping it aside, so every property read afterwards is safe.
    /// </summary>
    private static readonly JsonSerializerOptions FhirJson = new JsonSerializerOptions().ForFhir().UsingMode(DeserializationMode.NoOverflow);

    /// <exception cref="CdsHookException">400 for anything that is not a well-formed request for <paramref name="service"/>.</exception>
    public static HookRequest Parse(JsonElement root, CdsServiceDefinition service)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw CdsHookException.BadRequest("The request body must be a JSON object.");
        }

        var hook = RequiredString(root, "hook", "hook");
        if (!string.Equals(hook, service.Hook, StringComparison.Ordinal))
        {
            throw CdsHookException.BadRequest($"The service {service.Id} answers the '{service.Hook}' hook, not '{hook}'.");
        }

        var hookInstance = RequiredString(root, "hookInstance", "hookInstance");
        var fhirServer = OptionalString(root, "fhirServer");
        if (root.TryGetProperty("fhirAuthorization", out var authorization) && authorization.ValueKind != JsonValueKind.Null
            && fhirServer is null)
        {
            throw CdsHookException.BadRequest("fhirAuthorization is given without fhirServer (CDS Hooks 2.0 requires fhirServer with it).");
        }

        if (!root.TryGetProperty("context", out var context) || context.ValueKind != JsonValueKind.Object)
        {
            throw CdsHookException.BadRequest("'context' is required and must be an object.");
        }

        var patientId = RequiredString(context, "patientId", "context.patientId");
        if (!context.TryGetProperty("draftOrders", out var draftOrdersJson))
        {
            throw CdsHookException.BadRequest($"'context.draftOrders' (a Bundle) is required by the {service.Hook} hook.");
        }

        if (ParseResource(draftOrdersJson, "context.draftOrders") is not Bundle draftOrders)
        {
            throw CdsHookException.BadRequest("'context.draftOrders' must be a FHIR Bundle.");
        }

        return new HookRequest(hook, hookInstance, patientId, Selections(context), draftOrders, Prefetch(root), fhirServer is not null);
    }

    private static List<string> Selections(JsonElement context)
    {
        if (!context.TryGetProperty("selections", out var selections) || selections.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (selections.ValueKind != JsonValueKind.Array || selections.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.String))
        {
            throw CdsHookException.BadRequest("'context.selections' must be an array of strings such as \"MedicationRequest/123\".");
        }

        return [.. selections.EnumerateArray().Select(s => s.GetString()!)];
    }

    private static Dictionary<string, Resource?> Prefetch(JsonElement root)
    {
        var prefetch = new Dictionary<string, Resource?>(StringComparer.Ordinal);
        if (!root.TryGetProperty("prefetch", out var json) || json.ValueKind == JsonValueKind.Null)
        {
            return prefetch;
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            throw CdsHookException.BadRequest("'prefetch' must be an object of prefetch keys.");
        }

        foreach (var entry in json.EnumerateObject())
        {
            prefetch[entry.Name] = entry.Value.ValueKind == JsonValueKind.Null
                ? null
                : ParseResource(entry.Value, $"prefetch '{entry.Name}'");
        }

        return prefetch;
    }

    private static Resource ParseResource(JsonElement json, string where)
    {
        if (json.ValueKind != JsonValueKind.Object
            || !json.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String)
        {
            throw CdsHookException.BadRequest($"{where} must be a FHIR R4 resource (a JSON object with a resourceType).");
        }

        try
        {
            return json.Deserialize<Resource>(FhirJson)
                ?? throw CdsHookException.BadRequest($"{where} must be a FHIR R4 resource.");
        }
        catch (Exception e) when (e is DeserializationFailedException or JsonException or InvalidOperationException or FormatException)
        {
            var message = e.Message.Length > MaxParserMessageLength ? e.Message[..MaxParserMessageLength] + "…" : e.Message;
            throw CdsHookException.BadRequest($"{where} is not valid FHIR R4: {message}");
        }
    }

    private static string RequiredString(JsonElement parent, string name, string path) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw CdsHookException.BadRequest($"'{path}' is required and must be a non-empty string.");

    private static string? OptionalString(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}

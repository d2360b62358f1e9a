using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Ivig.Monitoring.Features.Fhir;

/// <summary>FHIR JSON as the Firely SDK writes it (System.Text.Json based; never hand-written).</summary>
public static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    // Thread-safe: the serializer keeps no per-call state (filters come from a factory per call).
    private static readonly FhirJsonSerializer Serializer = new();

    public static string Serialize(Resource resource) => Serializer.SerializeToString(resource);
}

using Microsoft.AspNetCore.Http;

namespace Ivig.Eligibility.CdsHooks;

/// <summary>
/// A hook request the service cannot answer with cards: bad input (400), or required prefetch data the service
/// cannot obtain (412, CDS Hooks 2.0 "Providing FHIR Resources"). Answered as application/problem+json; the
/// detail goes to the caller only, never to the log.
/// </summary>
internal sealed class CdsHookException(int status, string title, string detail, IReadOnlyList<string>? missingPrefetch = null)
    : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public IReadOnlyList<string> MissingPrefetch { get; } = missingPrefetch ?? [];

    public static CdsHookException BadRequest(string detail) =>
        new(StatusCodes.Status400BadRequest, "Invalid CDS Hooks request", detail);

    public static CdsHookException PrefetchMissing(IReadOnlyList<string> keys, bool fhirServerGiven) =>
        new(StatusCodes.Status412PreconditionFailed,
            "Required prefetch data missing",
            $"The service needs the prefetch key(s) {string.Join(", ", keys.Select(k => $"'{k}'"))} (see GET /cds-services). "
            + (fhirServerGiven
                ? "It does not query the CDS Client's FHIR server itself, so it cannot obtain them: send them as prefetch."
                : "No fhirServer was given, so the service cannot obtain them: send them as prefetch.")
            + " A key whose search found nothing is sent with the value null.",
            keys);
}

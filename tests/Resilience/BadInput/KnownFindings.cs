using System.Text.RegularExpressions;

namespace Ivig.Resilience.BadInput;

/// <summary>
/// A defect a case revealed in a service, reported and awaiting a fix there. The matching cases are still
/// sent and printed; they are tolerated only while they fail in exactly the reported way (their outcome,
/// code and problem, contains <see cref="Symptom"/>), so any other failure of the same case still fails the test.
/// </summary>
/// <param name="CasePattern">The case's full name ("Rpc: case"); '*' matches any text.</param>
internal sealed record KnownFinding(string Id, string CasePattern, string Symptom, string Description)
{
    public bool Covers(BadInputCase badInput) =>
        Regex.IsMatch(badInput.FullName, "^" + Regex.Escape(CasePattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.None, TimeSpan.FromSeconds(1));

    public bool Reproduces(CaseOutcome outcome) => !outcome.Acceptable && outcome.ToString().Contains(Symptom, StringComparison.Ordinal);
}

/// <summary>The open findings of the bad-input corpus (reported with the corpus; remove an entry once fixed).</summary>
internal static class KnownFindings
{
    private const string EchoedInput =
        "F1 Dosing echoes the caller's raw value in its error text (PlanRegimenValidator: product_id, delivery_date; " +
        "ListProductsQuery: excluded_stabilizers[i]; GetProduct: the NotFound message and ResourceInfo). A 100 KB value makes the " +
        "grpc-message and grpc-status-details-bin trailers larger than the 64 KB response-header limit of the gateway's backend " +
        "client, so the gateway cannot relay the answer and the caller gets Unavailable instead of InvalidArgument/NotFound.";

    private const string DoubledPrefix =
        "F2 StartInfusion names baseline-vitals violations 'baseline_vitals.baseline_vitals.<field>': the domain already prefixes " +
        "'baselineVitals.' and StartInfusionCommand adds fieldPrefix \"baseline_vitals.\" again.";

    private const string UnparsableMessage =
        "F3 A request body that is not valid protobuf fails to deserialize before any interceptor runs; Grpc.AspNetCore answers " +
        "Unknown (\"Exception was thrown by handler.\") instead of InvalidArgument, on every service.";

    private const string InvisibleText =
        "F4 Mandatory free text made only of invisible characters (zero-width/format characters, or a NUL) is accepted as a " +
        "reason: the checks use string.IsNullOrWhiteSpace / Trim, which do not treat those characters as blank.";

    private const string LeakedStreamRead =
        "F5 StreamVitals answers Internal (\"Reading is already in progress\", VitalsBatches.cs line 29) for a later, even valid, " +
        "stream: VitalsBatches yields a batch while the next MoveNext is pending; when that batch is refused the pending read is " +
        "abandoned, and a following stream (the pooled HTTP/2 stream) fails on its first read. Intermittent here.";

    public static IReadOnlyList<KnownFinding> All { get; } =
    [
        new("F1", "PlanRegimen: product 100 KB", "-> Unavailable", EchoedInput),
        new("F1", "PlanRegimen: postpartum delivery date 100 KB", "-> Unavailable", EchoedInput),
        new("F1", "ListProducts: excluded stabilizer 100 KB", "-> Unavailable", EchoedInput),
        new("F1", "GetProduct: product id with 100 KB", "-> Unavailable", EchoedInput),
        new("F2", "StartInfusion: baseline *", "names baseline_vitals.baseline_vitals.", DoubledPrefix),
        new("F3", "*: raw bytes: a truncated string field", "Exception was thrown by handler.", UnparsableMessage),
        new("F3", "*: raw bytes: an eleven-byte varint", "Exception was thrown by handler.", UnparsableMessage),
        new("F3", "*: raw bytes: field number 0", "Exception was thrown by handler.", UnparsableMessage),
        new("F3", "*: raw bytes: an end-group without a group", "Exception was thrown by handler.", UnparsableMessage),
        new("F4", "*of zero-width characters only", "the call succeeded", InvisibleText),
        new("F4", "*of a NUL only", "the call succeeded", InvisibleText),
        new("F5", "StreamVitals: *", "-> Internal", LeakedStreamRead),
    ];

    public static KnownFinding? For(BadInputCase badInput) => All.FirstOrDefault(f => f.Covers(badInput));
}

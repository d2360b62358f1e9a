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
    private const string UnparsableMessage =
        "F3 A request body that is not valid protobuf fails to deserialize before any interceptor runs; Grpc.AspNetCore answers " +
        "Unknown (\"Exception was thrown by handler.\") instead of InvalidArgument, on every service.";

    public static IReadOnlyList<KnownFinding> All { get; } =
    [
        new("F3", "*: raw bytes: a truncated string field", "Exception was thrown by handler.", UnparsableMessage),
        new("F3", "*: raw bytes: an eleven-byte varint", "Exception was thrown by handler.", UnparsableMessage),
        new("F3", "*: raw bytes: field number 0", "Exception was thrown by handler.", UnparsableMessage),
        new("F3", "*: raw bytes: an end-group without a group", "Exception was thrown by handler.", UnparsableMessage),
    ];

    public static KnownFinding? For(BadInputCase badInput) => All.FirstOrDefault(f => f.Covers(badInput));
}

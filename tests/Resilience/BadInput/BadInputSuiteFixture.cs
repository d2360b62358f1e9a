using Ivig.EndToEnd;

namespace Ivig.Resilience.BadInput;

/// <summary>
/// The real suite for the bad-input corpus. The corpus sends several hundred calls in a burst from one
/// subject, so the gateway's per-client rate limit is raised: a ResourceExhausted from the rate limiter would
/// hide what the services themselves answer. The body size limits stay as configured (they are under test).
/// </summary>
public sealed class BadInputSuiteFixture : SuiteFixture
{
    protected override IEnumerable<string> AdditionalArguments =>
    [
        "Gateway:Protection:RequestsPerSecondPerClient=100000",
        "Gateway:Protection:BurstPerClient=100000",
    ];
}

[CollectionDefinition(Name)]
public sealed class BadInputCollection : ICollectionFixture<BadInputSuiteFixture>
{
    public const string Name = "bad-input";
}

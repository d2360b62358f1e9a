using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Ivig.Testing;
using Xunit.Abstractions;

namespace Ivig.EndToEnd;

/// <summary>
/// Every RPC × every role × every kind of bad token, through the gateway and directly against each
/// service: a call is let through exactly when the role is allowed, and no bad token gets anywhere.
/// The expected roles are written here independently of the code's attributes.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class AuthorizationMatrixTests(SuiteFixture suite, ITestOutputHelper output)
{
    private const string P = "prescriber", Ph = "pharmacist", N = "nurse", O = "ops", I = "integration";
    private static readonly string[] Anyone = [P, Ph, N, O, I];
    private static readonly string[] RecordReaders = [P, Ph, N, I];

    private sealed record Rpc(string Service, string Package, string Name, MethodType Type, string[] Roles);

    private static readonly Rpc[] Rpcs =
    [
        new("eligibility", "ivig.eligibility.v1.EligibilityService", "ListRules", MethodType.Unary, Anyone),
        new("eligibility", "ivig.eligibility.v1.EligibilityService", "AssessEligibility", MethodType.Unary, [P]),
        new("eligibility", "ivig.eligibility.v1.EligibilityService", "GetAssessment", MethodType.Unary, RecordReaders),
        new("eligibility", "ivig.eligibility.v1.EligibilityService", "ListAssessments", MethodType.Unary, RecordReaders),
        new("eligibility", "ivig.eligibility.v1.EligibilityService", "RecordOverride", MethodType.Unary, [P]),
        new("eligibility", "ivig.eligibility.v1.EligibilityService", "ListAuditEntries", MethodType.Unary, [P, I]),
        new("dosing", "ivig.dosing.v1.DosingService", "ListProducts", MethodType.Unary, Anyone),
        new("dosing", "ivig.dosing.v1.DosingService", "GetProduct", MethodType.Unary, Anyone),
        new("dosing", "ivig.dosing.v1.DosingService", "PlanRegimen", MethodType.Unary, [P]),
        new("dosing", "ivig.dosing.v1.DosingService", "GetRegimen", MethodType.Unary, RecordReaders),
        new("monitoring", "ivig.monitoring.v1.MonitoringService", "StartInfusion", MethodType.Unary, [N]),
        new("monitoring", "ivig.monitoring.v1.MonitoringService", "RecordVitals", MethodType.Unary, [N]),
        new("monitoring", "ivig.monitoring.v1.MonitoringService", "StreamVitals", MethodType.ClientStreaming, [N]),
        new("monitoring", "ivig.monitoring.v1.MonitoringService", "AdvanceTitration", MethodType.Unary, [N]),
        new("monitoring", "ivig.monitoring.v1.MonitoringService", "ReportReaction", MethodType.Unary, [N]),
        new("monitoring", "ivig.monitoring.v1.MonitoringService", "ResolveReaction", MethodType.Unary, [N]),
        new("monitoring", "ivig.monitoring.v1.MonitoringService", "PauseInfusion", MethodType.Unary, [N]),
        new("monitoring", "ivig.monitoring.v1.MonitoringService", "ResumeInfusion", MethodType.Unary, [N]),
        new("monitoring", "ivig.monitoring.v1.MonitoringService", "StopInfusion", MethodType.Unary, [N]),
        new("monitoring", "ivig.monitoring.v1.MonitoringService", "CompleteInfusion", MethodType.Unary, [N]),
        new("monitoring", "ivig.monitoring.v1.MonitoringService", "GetInfusion", MethodType.Unary, Anyone),
        new("monitoring", "ivig.monitoring.v1.MonitoringService", "ListActiveInfusions", MethodType.Unary, Anyone),
        new("monitoring", "ivig.monitoring.v1.MonitoringService", "WatchInfusion", MethodType.ServerStreaming, [N, O]),
        new("monitoring", "ivig.monitoring.v1.MonitoringService", "WatchAlerts", MethodType.ServerStreaming, [N, O]),
        new("monitoring", "ivig.monitoring.v1.MonitoringService", "AcknowledgeAlert", MethodType.Unary, [N, O]),
        new("monitoring", "ivig.monitoring.v1.MonitoringService", "ExportInfusionBundle", MethodType.Unary, [I]),
    ];

    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(b => b, b => b);

    [Fact]
    public async Task Every_rpc_admits_exactly_its_roles_and_no_bad_token_through_the_gateway_or_directly()
    {
        var badTokens = new Dictionary<string, string?>
        {
            ["no token"] = null,
            ["expired"] = DevTokens.Mint("matrix-expired", Anyone, lifetime: TimeSpan.FromMinutes(5), notBefore: DateTime.UtcNow.AddHours(-2)),
            ["wrong audience"] = DevTokens.Mint("matrix-audience", Anyone, audience: "some-other-api"),
            ["forged signature"] = DevTokens.Mint("matrix-forged", Anyone, signingKey: "an-attacker-key-that-is-long-enough-to-sign-tokens"),
        };
        var roleTokens = Anyone.ToDictionary(r => r, r => DevTokens.Mint("matrix-" + r, r));

        var targets = new Dictionary<string, Func<Rpc, Uri>>
        {
            ["gateway"] = _ => suite.App.GetEndpoint("gateway", "grpc"),
            ["direct"] = rpc => suite.App.GetEndpoint(rpc.Service, "grpc"),
        };

        var failures = new List<string>();
        var calls = 0;
        foreach (var (targetName, address) in targets)
        {
            foreach (var rpc in Rpcs)
            {
                using var channel = GrpcChannel.ForAddress(address(rpc));
                var invoker = channel.CreateCallInvoker();
                foreach (var (role, token) in roleTokens)
                {
                    var status = await CallAsync(invoker, rpc, token);
                    calls++;
                    var allowed = rpc.Roles.Contains(role);
                    var admitted = status is not (StatusCode.Unauthenticated or StatusCode.PermissionDenied);
                    if (allowed != admitted || (!allowed && status != StatusCode.PermissionDenied))
                    {
                        failures.Add($"{targetName} {rpc.Name} as {role}: {status} (allowed: {allowed})");
                    }
                }
                foreach (var (kind, token) in badTokens)
                {
                    var status = await CallAsync(invoker, rpc, token);
                    calls++;
                    if (status != StatusCode.Unauthenticated)
                    {
                        failures.Add($"{targetName} {rpc.Name} with {kind}: {status} (expected Unauthenticated)");
                    }
                }
            }
        }

        output.WriteLine($"{calls} calls, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>Calls one RPC with an empty request (bad input, so nothing is changed) and returns its status.</summary>
    private static async Task<StatusCode> CallAsync(CallInvoker invoker, Rpc rpc, string? token)
    {
        var method = new Method<byte[], byte[]>(rpc.Type, rpc.Package, rpc.Name, Raw, Raw);
        var headers = token is null ? new Metadata() : DevTokens.Bearer(token);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var options = new CallOptions(headers, cancellationToken: cts.Token);
        try
        {
            switch (rpc.Type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(method, null, options, []);
                    break;
                case MethodType.ClientStreaming:
                    using (var call = invoker.AsyncClientStreamingCall(method, null, options))
                    {
                        await call.RequestStream.CompleteAsync();
                        await call.ResponseAsync;
                    }
                    break;
                case MethodType.ServerStreaming:
                    using (var call = invoker.AsyncServerStreamingCall(method, null, options, []))
                    {
                        // An admitted watch stays open; the response headers show it got past authorization.
                        var headersTask = call.ResponseHeadersAsync;
                        var first = call.ResponseStream.MoveNext(cts.Token);
                        var done = await Task.WhenAny(first, Task.Delay(TimeSpan.FromMilliseconds(500), cts.Token));
                        if (done != first)
                        {
                            await headersTask;
                            return StatusCode.OK;
                        }
                        await first;
                    }
                    break;
            }
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }
}

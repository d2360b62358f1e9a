using Grpc.Core;
using Ivig.Dosing.V1;
using Ivig.Eligibility.V1;
using Ivig.Monitoring.V1;
using StackExchange.Redis;

namespace Ivig.EndToEnd;

/// <summary>The platform: each service's real RPC answers through the gateway, bad input is
/// InvalidArgument with field details, and state lives in a real, durable Redis.</summary>
[Collection(SuiteCollection.Name)]
public sealed class PlatformTests(SuiteFixture suite)
{
    [Fact]
    public async Task Eligibility_ListRules_answers_through_the_gateway_with_the_catalogue()
    {
        var client = new EligibilityService.EligibilityServiceClient(suite.GatewayChannel);

        var reply = await client.ListRulesAsync(new ListRulesRequest());

        Assert.False(string.IsNullOrEmpty(reply.CatalogueVersion));
        Assert.Contains(reply.Rules, r => r.RuleId == "ELIG-PROG" && r.Outcome == Decision.NotRecommended);
        Assert.Contains(reply.Rules, r => r.RuleId == "CI-HYPERSENS" && r.Outcome == Decision.Contraindicated);
        Assert.All(reply.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Text)));
    }

    [Fact]
    public async Task Eligibility_ListRules_with_an_unknown_filter_is_InvalidArgument_with_the_field()
    {
        var client = new EligibilityService.EligibilityServiceClient(suite.GatewayChannel);

        var ex = await RpcErrors.ExpectAsync(StatusCode.InvalidArgument,
            () => client.ListRulesAsync(new ListRulesRequest { Outcome = (Decision)42 }).ResponseAsync);

        Assert.Contains("outcome", RpcErrors.FieldViolations(ex));
    }

    [Fact]
    public async Task Dosing_ListProducts_answers_through_the_gateway_with_the_product_table()
    {
        var client = new DosingService.DosingServiceClient(suite.GatewayChannel);

        var reply = await client.ListProductsAsync(new ListProductsRequest());

        Assert.False(string.IsNullOrEmpty(reply.CatalogueVersion));
        Assert.Contains(reply.Products, p => p.Name == "Privigen");
        Assert.All(reply.Products, p => Assert.NotEmpty(p.Ladder));
    }

    [Fact]
    public async Task Dosing_ListProducts_with_an_unknown_stabilizer_is_InvalidArgument_with_the_field()
    {
        var client = new DosingService.DosingServiceClient(suite.GatewayChannel);

        var ex = await RpcErrors.ExpectAsync(StatusCode.InvalidArgument,
            () => client.ListProductsAsync(new ListProductsRequest { ExcludedStabilizers = { "unobtainium" } }).ResponseAsync);

        Assert.Contains("excluded_stabilizers[0]", RpcErrors.FieldViolations(ex));
    }

    [Fact]
    public async Task Monitoring_ListActiveInfusions_answers_through_the_gateway()
    {
        var client = new MonitoringService.MonitoringServiceClient(suite.GatewayChannel);

        var reply = await client.ListActiveInfusionsAsync(new ListActiveInfusionsRequest { PageSize = 10 });

        Assert.NotNull(reply.Infusions);
    }

    [Fact]
    public async Task Monitoring_ListActiveInfusions_with_a_bad_page_size_is_InvalidArgument_with_the_field()
    {
        var client = new MonitoringService.MonitoringServiceClient(suite.GatewayChannel);

        var ex = await RpcErrors.ExpectAsync(StatusCode.InvalidArgument,
            () => client.ListActiveInfusionsAsync(new ListActiveInfusionsRequest { PageSize = -1 }).ResponseAsync);

        Assert.Contains("page_size", RpcErrors.FieldViolations(ex));
    }

    [Fact]
    public async Task Redis_is_real_durable_and_round_trips_a_value()
    {
        var options = ConfigurationOptions.Parse(await suite.ConnectionStringAsync("redis"));
        options.AllowAdmin = true;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        var db = redis.GetDatabase();
        var key = "e2e:roundtrip:" + Guid.NewGuid().ToString("N");

        await db.StringSetAsync(key, "ivig", TimeSpan.FromMinutes(1));
        Assert.Equal("ivig", (string?)await db.StringGetAsync(key));

        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var appendOnly = (await server.ConfigGetAsync("appendonly")).Single();
        Assert.Equal("yes", appendOnly.Value);
    }

    [Fact]
    public async Task Gateway_health_includes_its_backends()
    {
        using var http = new HttpClient { BaseAddress = suite.GatewayHttp };

        var health = await http.GetStringAsync("/health");

        Assert.Equal("Healthy", health);
    }
}

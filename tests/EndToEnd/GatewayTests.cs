using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Ivig.Dosing.V1;
using Ivig.Eligibility.V1;
using Ivig.Monitoring.V1;
using Ivig.Testing;

namespace Ivig.EndToEnd;

/// <summary>
/// The front door for every kind of client: gRPC-Web (browsers) and JSON over HTTP/1.1 each complete
/// a real flow; the OpenAPI document lists the JSON routes; rate, size and CORS limits hold.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class GatewayTests(SuiteFixture suite)
{
    [Fact]
    public async Task A_grpc_web_client_over_http1_assesses_plans_starts_and_reads_an_infusion()
    {
        using var channel = GrpcChannel.ForAddress(suite.GatewayHttp, new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWebText, new DefaultTokenHandler(DevTokens.AllRoles("web-user")) { InnerHandler = new HttpClientHandler() }),
            HttpVersion = HttpVersion.Version11,
        });

        var assessment = (await new EligibilityService.EligibilityServiceClient(channel).AssessEligibilityAsync(new AssessEligibilityRequest
        {
            PatientReference = "web-" + Guid.NewGuid().ToString("N")[..10],
            Facts = ClinicalScenario.RefractoryRelapseFacts(),
        })).Assessment;
        var regimen = (await new DosingService.DosingServiceClient(channel).PlanRegimenAsync(new PlanRegimenRequest
        {
            AssessmentId = assessment.AssessmentId, ProductId = "privigen", Indication = Indication.AcuteRelapse,
            Sex = Ivig.Dosing.V1.Sex.Female, HeightCm = 165, WeightKg = 70,
        })).Regimen;
        var monitoring = new MonitoringService.MonitoringServiceClient(channel);
        var started = (await monitoring.StartInfusionAsync(new StartInfusionRequest
        {
            RegimenId = regimen.RegimenId, Day = 1, BaselineVitals = ClinicalScenario.NormalVitals(), HydrationConfirmed = true, PremedicationGiven = true,
        })).Infusion;
        var read = (await monitoring.GetInfusionAsync(new GetInfusionRequest { InfusionId = started.InfusionId })).Infusion;

        Assert.Equal(InfusionState.Running, read.State);
        Assert.Equal(regimen.RegimenId, read.RegimenId);
        Assert.Equal("web-user", assessment.AssessedBy.Subject);
    }

    [Fact]
    public async Task A_json_client_assesses_plans_starts_and_reads_an_infusion()
    {
        using var http = JsonClient(DevTokens.AllRoles("json-user"));

        var assessment = await PostAsync<AssessEligibilityResponse>(http, "/v1/eligibility/assessments", new AssessEligibilityRequest
        {
            PatientReference = "json-" + Guid.NewGuid().ToString("N")[..10],
            Facts = ClinicalScenario.RefractoryRelapseFacts(),
        });
        var regimen = await PostAsync<PlanRegimenResponse>(http, "/v1/dosing/regimens", new PlanRegimenRequest
        {
            AssessmentId = assessment.Assessment.AssessmentId, ProductId = "privigen", Indication = Indication.AcuteRelapse,
            Sex = Ivig.Dosing.V1.Sex.Female, HeightCm = 165, WeightKg = 70,
        });
        var started = await PostAsync<StartInfusionResponse>(http, "/v1/monitoring/infusions", new StartInfusionRequest
        {
            RegimenId = regimen.Regimen.RegimenId, Day = 1, BaselineVitals = ClinicalScenario.NormalVitals(), HydrationConfirmed = true, PremedicationGiven = true,
        });
        var read = JsonParser.Default.Parse<GetInfusionResponse>(await http.GetStringAsync($"/v1/monitoring/infusions/{started.Infusion.InfusionId}"));
        var listed = JsonParser.Default.Parse<ListAssessmentsResponse>(await http.GetStringAsync(
            $"/v1/eligibility/assessments?patientReference={Uri.EscapeDataString(assessment.Assessment.PatientReference)}"));
        Assert.Equal(assessment.Assessment.AssessmentId, Assert.Single(listed.Assessments).AssessmentId);

        Assert.Equal(InfusionState.Running, read.Infusion.State);
        Assert.True(read.Infusion.CurrentRate.MlPerHour > 0);

        var unauthenticated = await new HttpClient { BaseAddress = suite.GatewayHttp }.GetAsync("/v1/dosing/products");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        var badInput = await http.PostAsync("/v1/monitoring/infusions", new StringContent("{\"regimenId\":\"x\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, badInput.StatusCode);
        Assert.Contains("regimen_id", await badInput.Content.ReadAsStringAsync()); // the BadRequest detail names the field
    }

    [Theory]
    [InlineData("eligibility", "/v1/eligibility/assessments")]
    [InlineData("dosing", "/v1/dosing/regimens")]
    [InlineData("monitoring", "/v1/monitoring/infusions/{infusionId}/reactions")]
    public async Task The_OpenAPI_document_of_each_service_lists_its_json_routes(string service, string path)
    {
        using var http = new HttpClient { BaseAddress = suite.GatewayHttp };

        using var document = JsonDocument.Parse(await http.GetStringAsync($"/openapi/{service}.json"));

        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty(path, out var operations), $"{path} is missing");
        Assert.NotEmpty(operations.EnumerateObject());
    }

    [Fact]
    public async Task A_client_over_its_rate_limit_gets_ResourceExhausted_over_grpc_and_429_over_json()
    {
        var token = DevTokens.Mint("rate-limited-" + Guid.NewGuid().ToString("N")[..6], "ops");
        var client = new EligibilityService.EligibilityServiceClient(suite.GatewayChannel);

        var results = await Task.WhenAll(Enumerable.Range(0, 400).Select(async _ =>
        {
            try
            {
                await client.ListRulesAsync(new ListRulesRequest(), DevTokens.Bearer(token));
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        }));

        Assert.Contains(StatusCode.ResourceExhausted, results);
        Assert.Contains(StatusCode.OK, results);
        Assert.All(results, s => Assert.True(s is StatusCode.OK or StatusCode.ResourceExhausted, s.ToString()));

        using var http = JsonClient(token);
        var responses = await Task.WhenAll(Enumerable.Range(0, 400).Select(_ => http.GetAsync("/v1/eligibility/rules")));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, r.StatusCode.ToString()));
    }

    [Fact]
    public async Task An_oversized_message_is_refused_with_ResourceExhausted()
    {
        var monitoring = new MonitoringService.MonitoringServiceClient(suite.GatewayChannel);
        var huge = new ReportReactionRequest { InfusionId = Guid.NewGuid().ToString(), Kind = ReactionKind.Grade1 };
        huge.Symptoms.Add(new string('x', 2 * 1024 * 1024));

        await RpcErrors.ExpectAsync(StatusCode.ResourceExhausted, () => monitoring.ReportReactionAsync(huge).ResponseAsync);
    }

    [Fact]
    public async Task CORS_admits_configured_front_end_origins_only()
    {
        using var http = new HttpClient { BaseAddress = suite.GatewayHttp };

        async Task<HttpResponseMessage> PreflightAsync(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, "/ivig.monitoring.v1.MonitoringService/WatchAlerts");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-grpc-web");
            return await http.SendAsync(request);
        }

        var allowed = await PreflightAsync("http://127.0.0.1:5080");
        var foreign = await PreflightAsync("http://elsewhere.invalid");

        Assert.Equal("http://127.0.0.1:5080", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(foreign.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private HttpClient JsonClient(string token)
    {
        var http = new HttpClient { BaseAddress = suite.GatewayHttp };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<T> PostAsync<T>(HttpClient http, string path, IMessage body) where T : IMessage<T>, new()
    {
        var response = await http.PostAsync(path, new StringContent(JsonFormatter.Default.Format(body), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonParser.Default.Parse<T>(text);
    }
}

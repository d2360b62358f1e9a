using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using Hl7.Fhir.Serialization;
using Ivig.Monitoring.Features.Fhir;
using Ivig.Monitoring.Grpc;
using Ivig.ServiceDefaults.Grpc;
using Ivig.ServiceDefaults.Security;
using Ivig.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Bundle = Hl7.Fhir.Model.Bundle;
using MedicationAdministration = Hl7.Fhir.Model.MedicationAdministration;
using OperationOutcome = Hl7.Fhir.Model.OperationOutcome;

namespace Ivig.Monitoring.Tests.Fhir;

/// <summary>
/// GET /fhir/infusions/{id} on a real Kestrel host with the suite's own JWT validation: only the
/// integration role gets the Bundle (application/fhir+json); failures are FHIR OperationOutcomes.
/// The export itself is faked here (it needs Redis, Dosing and Eligibility).
/// </summary>
public sealed class FhirEndpointTests : IAsyncLifetime
{
    private static readonly string BundleJson = FhirJson.Serialize(InfusionBundleBuilder.Build(
        FhirExportData.Source(FhirExportData.CompletedInfusionWithReaction()), FhirExportData.ExportedAt));

    private WebApplication? _app;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        // Only the token settings: not the service's appsettings.json (its Kestrel endpoints are HTTP/2 on fixed ports).
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(DevTokens.Settings.ToDictionary(kv => kv.Key, kv => (string?)kv.Value));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddSuiteAuthentication();
        builder.Services.AddSingleton<IInfusionFhirExport, FakeExport>();
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapFhirEndpoints();
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_integration_role_gets_the_bundle_as_application_fhir_json()
    {
        using var response = await GetAsync(FhirExportData.InfusionId.ToString(), "integration");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var bundle = FhirExportData.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        Assert.Single(bundle.Entry, e => e.Resource is MedicationAdministration);
    }

    [Theory]
    [InlineData("nurse")]
    [InlineData("prescriber")]
    [InlineData("pharmacist")]
    [InlineData("ops")]
    public async Task Other_roles_are_forbidden(string role)
    {
        using var response = await GetAsync(FhirExportData.InfusionId.ToString(), role);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task No_token_is_unauthenticated()
    {
        using var response = await GetAsync(FhirExportData.InfusionId.ToString(), role: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("not-a-uuid", HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid)]
    [InlineData("0195f0a4-7c1e-7a00-8000-00000000ffff", HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound)]
    [InlineData("0195f0a4-7c1e-7a00-8000-00000000eeee", HttpStatusCode.ServiceUnavailable, OperationOutcome.IssueType.Transient)]
    public async Task Failures_are_operation_outcomes(string infusionId, HttpStatusCode status, OperationOutcome.IssueType issueType)
    {
        using var response = await GetAsync(infusionId, "integration");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var outcome = new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<OperationOutcome>(await response.Content.ReadAsStringAsync());
        Assert.Equal(issueType, Assert.Single(outcome.Issue).Code);
    }

    [Fact]
    public void The_rpc_admits_the_integration_role_only()
    {
        var method = typeof(MonitoringGrpcService).GetMethod(nameof(MonitoringGrpcService.ExportInfusionBundle))!;
        var authorize = Assert.Single(method.GetCustomAttributes<AuthorizeAttribute>());
        Assert.Equal(SuiteRoles.Integration, authorize.Roles);
    }

    private async Task<HttpResponseMessage> GetAsync(string infusionId, string? role)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fhir/infusions/" + infusionId);
        if (role is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DevTokens.Mint("test-" + role, role));
        }
        return await _http.SendAsync(request);
    }

    private sealed class FakeExport : IInfusionFhirExport
    {
        public Task<string> ExportJsonAsync(string infusionId, CancellationToken cancellationToken) => infusionId switch
        {
            _ when !Guid.TryParse(infusionId, out _) => throw new RequestValidationException([new("infusion_id", "Must be an infusion id (a UUID).")]),
            "0195f0a4-7c1e-7a00-8000-00000000ffff" => throw new ResourceNotFoundException("Infusion", infusionId),
            "0195f0a4-7c1e-7a00-8000-00000000eeee" => throw new global::Grpc.Core.RpcException(new global::Grpc.Core.Status(global::Grpc.Core.StatusCode.Unavailable, "Dosing is unavailable.")),
            _ => Task.FromResult(BundleJson),
        };
    }
}

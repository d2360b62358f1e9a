using System.Text;
using Grpc.Core;
using Ivig.ServiceDefaults.Grpc;
using Ivig.ServiceDefaults.Security;
using OperationOutcome = Hl7.Fhir.Model.OperationOutcome;

namespace Ivig.Monitoring.Features.Fhir;

/// <summary>
/// The FHIR REST face of the export for hospital integrations: GET /fhir/infusions/{infusionId} answers
/// the Bundle as application/fhir+json, only to the integration role (the gateway routes /fhir/** here).
/// Failures are FHIR OperationOutcomes with the HTTP status the suite's JSON routes would give.
/// </summary>
public static class FhirEndpoints
{
    public const string InfusionBundleRoute = "/fhir/infusions/{infusionId}";

    public static RouteHandlerBuilder MapFhirEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet(InfusionBundleRoute, ExportInfusionBundleAsync)
            .RequireAuthorization(policy => policy.RequireRole(SuiteRoles.Integration))
            .WithName("ExportInfusionBundleFhir");

    public static async Task<IResult> ExportInfusionBundleAsync(
        string infusionId, IInfusionFhirExport export, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        try
        {
            return Fhir(await export.ExportJsonAsync(infusionId, cancellationToken), StatusCodes.Status200OK);
        }
        catch (RequestValidationException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, ex.Message);
        }
        catch (ResourceNotFoundException ex)
        {
            return Problem(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, ex.Message);
        }
        catch (PreconditionFailedException ex)
        {
            // FailedPrecondition is 400 on the suite's JSON routes (google.api.http mapping).
            return Problem(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.BusinessRule, $"{ex.Condition}: {ex.Message}");
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            return Problem(StatusCodes.Status503ServiceUnavailable, OperationOutcome.IssueType.Transient, ex.Status.Detail);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated)
        {
            return Problem(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden, "A service the export reads refused the caller.");
        }
        catch (Exception ex) when (ex is TimeoutException || ex.GetType().Namespace == "StackExchange.Redis")
        {
            loggers.CreateLogger(typeof(FhirEndpoints).FullName!).LogWarning(ex, "A dependency is unavailable for the FHIR export");
            return Problem(StatusCodes.Status503ServiceUnavailable, OperationOutcome.IssueType.Transient, "A dependency of the service is unavailable; retry later.");
        }
    }

    private static IResult Fhir(string json, int status) => Results.Text(json, FhirJson.MediaType, Encoding.UTF8, status);

    private static IResult Problem(int status, OperationOutcome.IssueType type, string message) => Fhir(FhirJson.Serialize(new OperationOutcome
    {
        Issue =
        {
            new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = type,
                Diagnostics = message,
            },
        },
    }), status);
}

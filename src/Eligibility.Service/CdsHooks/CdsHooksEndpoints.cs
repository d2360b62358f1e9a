using System.Text.Json;
using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Features.Assessments;
using Ivig.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Ivig.Eligibility.CdsHooks;

/// <summary>
/// CDS Hooks 2.0 over HTTP: <c>GET /cds-services</c> (discovery, anonymous: it describes the services, nothing of a
/// patient) and <c>POST /cds-services/{id}</c> (a hook call, bearer token with role integration or prescriber).
/// A hook call reads the facts from the prefetch, runs the rules and answers one card; it stores nothing (the
/// recorded assessment remains AssessEligibility). Nothing clinical is logged: service id, status and card count only.
/// </summary>
internal static partial class CdsHooksEndpoints
{
    public const string DiscoveryPath = "/cds-services";

    /// <summary>Same as the gateway's request body limit: prefetch bundles are large, but not this large.</summary>
    public const long MaxRequestBytes = 4 * 1024 * 1024;

    public const string CallPolicy = "cds-hooks-call";

    public static IServiceCollection AddCdsHooks(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(CallPolicy, policy => policy.RequireRole(SuiteRoles.Integration, SuiteRoles.Prescriber));
        return services;
    }

    public static IEndpointRouteBuilder MapCdsHooks(this IEndpointRouteBuilder app)
    {
        // Kept out of the OpenAPI document, which describes the gRPC contract's JSON routes; discovery describes these.
        app.MapGet(DiscoveryPath, Discovery).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(DiscoveryPath + "/{id}", CallAsync).RequireAuthorization(CallPolicy).ExcludeFromDescription();
        return app;
    }

    internal static JsonHttpResult<DiscoveryResponse> Discovery() =>
        TypedResults.Json(new DiscoveryResponse(
        [
            .. CdsServiceCatalog.Services.Select(s => new DiscoveryService(
                s.Hook, s.Title, s.Description, s.Id, CdsServiceCatalog.Prefetch, CdsServiceCatalog.UsageRequirements)),
        ]), CdsHooksJson.Options);

    private static async Task<IResult> CallAsync(
        string id,
        HttpRequest http,
        EligibilityEngine engine,
        IOptions<EligibilityThresholds> thresholds,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(CdsHooksEndpoints).FullName!);
        if (CdsServiceCatalog.Find(id) is not { } service)
        {
            return Problem(new CdsHookException(StatusCodes.Status404NotFound, "Unknown CDS Service", $"No CDS Service '{id}'; see GET {DiscoveryPath}."));
        }

        try
        {
            if (http.ContentLength > MaxRequestBytes)
            {
                throw new CdsHookException(StatusCodes.Status413PayloadTooLarge, "Request too large", $"At most {MaxRequestBytes} bytes.");
            }

            using var json = await ReadJsonAsync(http, cancellationToken);
            var request = HookRequestParser.Parse(json.RootElement, service);
            if (request.MissingRequiredPrefetch() is { Count: > 0 } missing)
            {
                throw CdsHookException.PrefetchMissing(missing, request.FhirServerGiven);
            }

            var today = time.Today();
            var order = DraftOrderReader.Read(request);
            if (order.IvigOrderCount == 0)
            {
                // Not an IVIG order: no decision support (CDS Hooks: an empty array of cards).
                LogAnswered(logger, service.Id, StatusCodes.Status200OK, 0);
                return TypedResults.Json(new CardsResponse([]), CdsHooksJson.Options);
            }

            var record = RecordReader.Read(request, today);
            var facts = record.Facts with
            {
                Purpose = order.OrderFacts.Purpose,
                DmtFeasible = order.OrderFacts.DmtFeasible,
                DmtNotFeasibleReason = order.OrderFacts.DmtNotFeasibleReason,
                CorticosteroidsGiven = order.OrderFacts.CorticosteroidsGiven,
                CorticosteroidResponse = order.OrderFacts.CorticosteroidResponse,
                PlasmaExchange = order.OrderFacts.PlasmaExchange,
                PlasmaExchangeResponse = order.OrderFacts.PlasmaExchangeResponse,
                PlannedCourseTotalGPerKg = order.OrderFacts.PlannedCourseTotalGPerKg,
            };
            var result = engine.Assess(facts, new EligibilityContext(today, thresholds.Value));
            var card = CardBuilder.Build(result, engine.Catalogue, today, [.. order.Notes, .. record.Notes]);

            LogAnswered(logger, service.Id, StatusCodes.Status200OK, 1);
            return TypedResults.Json(new CardsResponse([card]), CdsHooksJson.Options);
        }
        catch (CdsHookException e)
        {
            LogAnswered(logger, service.Id, e.Status, 0);
            return Problem(e);
        }
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(http.Body, new JsonDocumentOptions { MaxDepth = 64 }, cancellationToken);
        }
        catch (JsonException)
        {
            // The parser's message may quote the body; it is not repeated.
            throw CdsHookException.BadRequest("The request body is not valid JSON.");
        }
    }

    private static ProblemHttpResult Problem(CdsHookException e) =>
        TypedResults.Problem(
            detail: e.Message,
            statusCode: e.Status,
            title: e.Title,
            extensions: e.MissingPrefetch.Count > 0
                ? new Dictionary<string, object?> { ["missingPrefetch"] = e.MissingPrefetch }
                : null);

    [LoggerMessage(Level = LogLevel.Information, Message = "CDS Hooks call to {ServiceId} answered {Status} with {Cards} card(s)")]
    private static partial void LogAnswered(ILogger logger, string serviceId, int status, int cards);
}

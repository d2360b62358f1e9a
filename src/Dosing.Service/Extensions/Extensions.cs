using Ivig.ServiceDefaults.Security;
using Ivig.Dosing.Domain;
using Ivig.Dosing.Features.Assessments;
using Ivig.Dosing.Features.Messaging;
using Ivig.Dosing.Features.Policy;
using Ivig.Dosing.Features.Products;
using Ivig.Dosing.Features.RateOrders;
using Ivig.Dosing.Features.Regimens;
using Ivig.Dosing.Grpc;
using Ivig.Dosing.Infrastructure;
using Ivig.Dosing.IntegrationEvents.EventHandling;
using Ivig.Eligibility.V1;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddSuiteRedis();
        builder.AddMessaging("dosing", bus => bus.AddConsumer<InfusionReactionReportedConsumer>());
        builder.Services.AddGrpcDefaults();

        // Clinical configuration is read and validated now: a bad policy or catalogue stops the service before it takes a call.
        builder.Services.AddSingleton(DosingPolicyProvider.Load(builder.Configuration));
        builder.Services.AddSingleton(ProductCatalogueProvider.Load(builder.Configuration, builder.Environment.ContentRootPath));
        builder.Services.AddSingleton<RegimenPlanner>();
        builder.Services.AddSingleton<ReactionRatePolicy>();
        builder.Services.AddSingleton<DosingRules>();
        builder.Services.TryAddSingleton(TimeProvider.System);

        // Eligibility through Aspire service discovery; "_grpc." picks its h2c endpoint. Standard resilience suits this unary call.
        builder.Services.AddGrpcClient<EligibilityService.EligibilityServiceClient>(o => o.Address = new Uri("http://_grpc.eligibility"))
            .ForwardCallerToken()
            .AddStandardResilienceHandler();
        builder.Services.AddSingleton<SettledAssessmentCache>();
        builder.Services.AddScoped<IEligibilityAssessments, GrpcEligibilityAssessments>();

        builder.Services.AddSingleton<RedisRegimenStore>();
        builder.Services.AddSingleton<IRegimenStore, CachedRegimenStore>();
        builder.Services.AddSingleton<IRegimenPlannedOutbox, RedisRegimenPlannedOutbox>();
        builder.Services.AddSingleton<IRateOrderStore, RedisRateOrderStore>();
        // The bus itself (not a request's scope): a stored regimen's RegimenPlanned goes out after the response.
        builder.Services.AddSingleton<IIntegrationEventPublisher>(sp => new MassTransitEventPublisher(sp.GetRequiredService<MassTransit.IBus>()));

        builder.Services.AddScoped<ListProductsQuery>();
        builder.Services.AddScoped<PlanRegimenCommand>();
        builder.Services.AddScoped<GetRegimenQuery>();
        builder.Services.AddSingleton<RegimenPlannedPublication>();
        builder.Services.AddHostedService<RegimenPlannedRepublisher>();
        builder.Services.AddSingleton<RateOrderHandler>();
    }

    public static void MapDosingApi(this WebApplication app)
    {
        app.MapGrpcService<DosingGrpcService>();
    }
}

using Ivig.Eligibility.CdsHooks;
using Ivig.Eligibility.Configuration;
using Ivig.Eligibility.Domain;
using Ivig.Eligibility.Features.Assessments;
using Ivig.Eligibility.Features.Audit;
using Ivig.Eligibility.Features.Overrides;
using Ivig.Eligibility.Features.Rules;
using Ivig.Eligibility.Grpc;
using Ivig.Eligibility.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddSuiteRedis();
        builder.AddMessaging("eligibility");
        builder.Services.AddGrpcDefaults();

        builder.Services.AddEligibilityThresholds();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(RuleCatalogue.Default);
        builder.Services.AddSingleton(sp => new EligibilityEngine(sp.GetRequiredService<RuleCatalogue>()));

        builder.Services.AddSingleton<IAssessmentStore, RedisAssessmentStore>();
        builder.Services.AddSingleton<IAssessmentEventPublisher, OutboxEventPublisher>();
        builder.Services.AddHostedService<OutboxRelay>();

        builder.Services.AddSingleton<ListRulesQuery>();
        builder.Services.AddScoped<AssessEligibilityCommand>();
        builder.Services.AddScoped<GetAssessmentQuery>();
        builder.Services.AddScoped<ListAssessmentsQuery>();
        builder.Services.AddSingleton<Ivig.Eligibility.Telemetry.EligibilityMetrics>();
        builder.Services.AddScoped<RecordOverrideCommand>();
        builder.Services.AddScoped<ListAuditEntriesQuery>();

        builder.Services.AddCdsHooks();
    }

    /// <summary>
    /// Thresholds from "Eligibility:Thresholds", checked at start-up: a misspelt key or an implausible value
    /// stops the service with a message naming the key, rather than silently using a default.
    /// </summary>
    public static IServiceCollection AddEligibilityThresholds(this IServiceCollection services)
    {
        services.AddOptions<EligibilityThresholds>()
            .BindConfiguration(EligibilityThresholds.SectionName, binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EligibilityThresholds>, EligibilityThresholdsValidation>();
        return services;
    }

    public static void MapEligibilityApi(this WebApplication app)
    {
        app.MapGrpcService<EligibilityGrpcService>();
        // CDS Hooks 2.0 (docs/interop.md (CDS Hooks)): discovery and the IVIG eligibility services.
        app.MapCdsHooks();
    }
}

using Ivig.ServiceDefaults.Security;
using Ivig.Dosing.V1;
using Ivig.Eligibility.V1;
using Ivig.Monitoring.BackgroundJobs;
using Ivig.Monitoring.Domain;
using Ivig.Monitoring.Features.Alerts;
using Ivig.Monitoring.Features.Fhir;
using Ivig.Monitoring.Features.Infusions;
using Ivig.Monitoring.Grpc;
using Ivig.Monitoring.Features.Outbox;
using Ivig.Monitoring.Infrastructure;
using Ivig.Monitoring.Infrastructure.Outbox;
using Ivig.Monitoring.IntegrationEvents.EventHandling;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddSuiteRedis();
        builder.AddMessaging("monitoring", bus => bus.AddConsumer<InfusionRateAdjustmentOrderedConsumer>());
        builder.Services.AddGrpcDefaults();

        // Dosing is called for one unary read (GetRegimen); "_grpc." selects its h2c endpoint.
        builder.Services.AddGrpcClient<DosingService.DosingServiceClient>(o => o.Address = new Uri("http://_grpc.dosing"))
            .ForwardCallerToken();
        // Eligibility is read for the FHIR export only (GetAssessment, ListAuditEntries), as the caller.
        builder.Services.AddGrpcClient<EligibilityService.EligibilityServiceClient>(o => o.Address = new Uri("http://_grpc.eligibility"))
            .ForwardCallerToken();

        // Clinical thresholds are configuration ([local default] in the rule catalogue): validated at
        // start-up, so a bad value stops the service instead of monitoring with it.
        var thresholds = Bind<VitalsThresholds>(builder, VitalsThresholds.SectionName);
        thresholds.EnsureValid();
        var reactionPolicy = Bind<ReactionPolicyOptions>(builder, ReactionPolicyOptions.SectionName);
        reactionPolicy.EnsureValid();
        builder.Services.AddSingleton(thresholds);
        builder.Services.AddSingleton(reactionPolicy);
        builder.Services.AddSingleton(new VitalsEvaluator(thresholds));
        var vitalsSchedule = new VitalsSchedule(thresholds);
        builder.Services.AddSingleton(vitalsSchedule);
        builder.Services.AddSingleton(new SafetyCheckSchedule(vitalsSchedule, reactionPolicy));
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddSingleton<Ivig.Monitoring.Telemetry.MonitoringMetrics>();
        builder.Services.AddSingleton<InfusionStore>();
        builder.Services.AddSingleton<AlertStore>();
        builder.Services.AddSingleton<ProcessedMessages>();
        builder.Services.AddSingleton<LiveUpdates>();
        builder.Services.AddSingleton<OutboxStore>();
        builder.Services.AddScoped<OutboxPublisher>();
        builder.Services.AddScoped<OutboxDispatcher>();
        builder.Services.AddScoped<InfusionUpdater>();
        builder.Services.AddScoped<AlertRaiser>();
        builder.Services.AddScoped<StartInfusionCommand>();
        builder.Services.AddScoped<RecordVitalsCommand>();
        builder.Services.AddScoped<ReactionCommands>();
        builder.Services.AddScoped<RateCommands>();
        builder.Services.AddSingleton<InfusionQueries>();
        builder.Services.AddSingleton<AlertQueries>();
        builder.Services.AddSingleton<ListActiveInfusionsQuery>();
        builder.Services.AddScoped<IInfusionFhirExport, ExportInfusionBundleQuery>();
        builder.Services.AddHostedService<SafetyWatchdog>();
        builder.Services.AddHostedService<OutboxRelay>();
    }

    public static void MapMonitoringApi(this WebApplication app)
    {
        app.MapGrpcService<MonitoringGrpcService>();
        app.MapFhirEndpoints();
    }

    /// <summary>
    /// Clinical thresholds must be written out, not silently defaulted: a missing section or a misspelt
    /// key stops the service instead of falling back to built-in values.
    /// </summary>
    private static T Bind<T>(IHostApplicationBuilder builder, string section) where T : new()
    {
        var configured = builder.Configuration.GetSection(section);
        if (!configured.Exists())
        {
            throw new InvalidOperationException($"Configuration section '{section}' is missing; write out every value (see docs/monitoring.md).");
        }
        var options = new T();
        configured.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        return options;
    }
}

using Grpc.Net.Client;
using Ivig.Dosing.Features.Assessments;
using Ivig.Dosing.Features.RateOrders;
using Ivig.Dosing.Features.Regimens;
using Ivig.Dosing.IntegrationEvents.EventHandling;
using Ivig.Dosing.Tests.Fakes;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ivig.Dosing.Tests.Functional;

/// <summary>
/// The real Dosing service in-process (its own Program, wiring, interceptor and consumer) with Eligibility, Redis
/// and RabbitMQ replaced: fakes for the first two, MassTransit's in-memory test harness for the broker.
/// </summary>
public sealed class DosingServiceFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new()
    {
        // Present so start-up wiring succeeds; nothing connects to them (the stores and the bus are replaced).
        ["ConnectionStrings:redis"] = "127.0.0.1:1,abortConnect=false,connectTimeout=100",
        ["ConnectionStrings:messaging"] = "amqp://guest:guest@127.0.0.1:1/",
        ["Authentication:Jwt:Issuer"] = Ivig.Testing.DevTokens.Issuer,
        ["Authentication:Jwt:Audience"] = Ivig.Testing.DevTokens.Audience,
        ["Authentication:Jwt:SigningKey"] = Ivig.Testing.DevTokens.SigningKey,
    };

    internal FakeEligibility Eligibility { get; } = new();

    internal InMemoryRegimenStore Regimens { get; } = new();

    internal InMemoryRateOrderStore RateOrders { get; } = new();

    public DosingServiceFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public GrpcChannel Channel() =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = new Ivig.Testing.DefaultTokenHandler(Ivig.Testing.DevTokens.AllRoles()) { InnerHandler = Server.CreateHandler() } });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IEligibilityAssessments>();
            services.AddSingleton<IEligibilityAssessments>(Eligibility);
            services.RemoveAll<IRegimenStore>();
            services.RemoveAll<IRegimenPlannedOutbox>();
            services.AddSingleton<IRegimenStore>(Regimens);
            services.AddSingleton<IRegimenPlannedOutbox>(Regimens);
            services.RemoveAll<IRateOrderStore>();
            services.AddSingleton<IRateOrderStore>(RateOrders);
            services.AddMassTransitTestHarness(bus => bus.AddConsumer<InfusionReactionReportedConsumer>());
        });
    }
}

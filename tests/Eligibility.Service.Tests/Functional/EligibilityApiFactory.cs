using Grpc.Net.Client;
using Ivig.Eligibility.Features.Assessments;
using Ivig.Eligibility.Infrastructure;
using Ivig.Eligibility.Tests.Domain;
using Ivig.Eligibility.Tests.Features.Fakes;
using Ivig.Eligibility.V1;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Ivig.Eligibility.Tests.Functional;

/// <summary>
/// The real service in-process (its Program, interceptors and wiring) with the Redis store, the publisher
/// and the clock swapped for fakes, and the broker's and relay's background services left out: the gRPC
/// surface is tested without infrastructure (Redis and RabbitMQ are proven end to end).
/// </summary>
public sealed class EligibilityApiFactory : WebApplicationFactory<Program>
{
    internal InMemoryAssessmentStore Store { get; } = new();

    internal RecordingEventPublisher Events { get; } = new();

    internal FakeTime Time { get; } = new(new DateTimeOffset(TestFacts.Today, new TimeOnly(10, 0), TimeSpan.Zero));

    public EligibilityService.EligibilityServiceClient CreateGrpcClient() =>
        new(GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = new Ivig.Testing.DefaultTokenHandler(Ivig.Testing.DevTokens.AllRoles()) { InnerHandler = Server.CreateHandler() } }));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Connection strings the wiring demands; nothing connects to them (see below).
        builder.UseSetting("ConnectionStrings:redis", "127.0.0.1:1,abortConnect=false");
        builder.UseSetting("ConnectionStrings:messaging", "amqp://guest:guest@127.0.0.1:1/");
        foreach (var (key, value) in Ivig.Testing.DevTokens.Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IAssessmentStore>();
            services.AddSingleton<IAssessmentStore>(Store);
            services.RemoveAll<IAssessmentEventPublisher>();
            services.AddSingleton<IAssessmentEventPublisher>(Events);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);

            var background = services
                .Where(d => d.ServiceType == typeof(IHostedService)
                    && (d.ImplementationType == typeof(OutboxRelay)
                        || d.ImplementationType?.Namespace?.StartsWith("MassTransit", StringComparison.Ordinal) == true))
                .ToList();
            foreach (var descriptor in background)
            {
                services.Remove(descriptor);
            }
        });
    }
}

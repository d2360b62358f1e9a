using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>RabbitMQ through MassTransit 8, the same way in every service.</summary>
public static class MessagingExtensions
{
    /// <summary>Name of the connection string (and of the AppHost resource) for the broker.</summary>
    public const string ConnectionName = "messaging";

    public static TBuilder AddMessaging<TBuilder>(this TBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' (RabbitMQ) is not configured.");

        builder.Services.AddMassTransit(bus =>
        {
            // Queues are named per service ("dosing-infusion-reaction-reported"), so each service
            // gets its own copy of an event and replicas of one service compete for it.
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            configureConsumers?.Invoke(bus);
            bus.AddConsumeObserver<Ivig.ServiceDefaults.Messaging.DeadLetterObserver>();

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString));
                // Transient failures are retried in place; what still fails lands in the
                // endpoint's _error queue. (Delayed redelivery would need RabbitMQ's delayed-message
                // plugin, which Debian does not ship.)
                rabbit.UseMessageRetry(r => r.Intervals(100, 500, 2000));
                rabbit.ConfigureEndpoints(context);
            });
        });

        return builder;
    }
}

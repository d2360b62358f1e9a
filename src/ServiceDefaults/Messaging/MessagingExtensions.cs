using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>RabbitMQ through MassTransit 8, the same way in every service.</summary>
public static class MessagingExtensions
{
    /// <summary>Name of the connection string (and of the AppHost resource) for the broker.</summary>
    public const string ConnectionName = "messaging";

    /// <summary>
    /// Configuration key: when true, every receive endpoint (and its _error queue) is declared as a
    /// quorum queue, replicated across a RabbitMQ cluster, so losing one broker node loses no message.
    /// Off by default: a single local node gains nothing from it, and RabbitMQ cannot change the type
    /// of an existing queue, so switching needs empty, deleted queues (docs/deployment.md).
    /// </summary>
    public const string QuorumQueuesKey = "Messaging:QuorumQueues";

    public static TBuilder AddMessaging<TBuilder>(this TBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' (RabbitMQ) is not configured.");
        var quorumQueues = builder.Configuration.GetValue<bool>(QuorumQueuesKey);

        builder.Services.AddMassTransit(bus =>
        {
            // Queues are named per service ("dosing-infusion-reaction-reported"), so each service
            // gets its own copy of an event and replicas of one service compete for it.
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            configureConsumers?.Invoke(bus);
            bus.AddConsumeObserver<Ivig.ServiceDefaults.Messaging.DeadLetterObserver>();
            if (quorumQueues)
            {
                bus.AddConfigureEndpointsCallback((_, endpoint) =>
                {
                    if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbitEndpoint)
                    {
                        rabbitEndpoint.SetQuorumQueue();
                    }
                });
            }

            bus.UsingRabbitMq((context, rabbit) =>
            {
                // Publisher confirms (MassTransit's default, stated here because the durability
                // argument rests on it): a publish completes only once the broker has taken the message.
                rabbit.Host(new Uri(connectionString), host => host.PublisherConfirmation = true);
                // Failures are retried in place for about a minute, long enough to ride out a Redis
                // or peer restart (the fault tests kill each one); what still fails lands in the
                // endpoint's _error queue, counted and logged by DeadLetterObserver. (Delayed
                // redelivery would need RabbitMQ's delayed-message plugin, which Debian does not ship.)
                // A permanent refusal (unknown infusion, invalid content) is not retried.
                rabbit.UseMessageRetry(r =>
                {
                    r.Ignore<Ivig.ServiceDefaults.Grpc.ResourceNotFoundException>();
                    r.Ignore<Ivig.ServiceDefaults.Grpc.RequestValidationException>();
                    r.Ignore<Ivig.ServiceDefaults.Grpc.PreconditionFailedException>();
                    r.Intervals(100, 500, 1000, 2000, 5000, 10000, 15000, 30000);
                });
                // Enough messages in hand that a burst of reactions (or one message in a long retry)
                // does not queue the rest behind it; the default follows the core count (4 here).
                rabbit.PrefetchCount = 32;
                rabbit.ConfigureEndpoints(context);
            });
        });

        return builder;
    }
}

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A RabbitMQ node run as the current user from the Debian package's own launcher
/// (<c>/usr/lib/rabbitmq/bin/rabbitmq-server</c>; the <c>/usr/sbin</c> wrapper would switch user).
/// </summary>
public sealed class LocalRabbitMqResource(string name, string workingDirectory)
    : ExecutableResource(name, "/usr/lib/rabbitmq/bin/rabbitmq-server", workingDirectory), IResourceWithConnectionString
{
    internal const string EndpointName = "amqp";

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    // The default guest account may only connect from loopback, which is all this node listens on.
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{PrimaryEndpoint.Property(EndpointProperty.Port)}/");
}

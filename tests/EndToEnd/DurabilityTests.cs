using Ivig.Eligibility.V1;
using Ivig.IntegrationEvents;
using MassTransit;
using RabbitMQ.Client;

namespace Ivig.EndToEnd;

/// <summary>
/// What survives a crash, and what is never silently lost: Redis killed with SIGKILL keeps every write
/// acknowledged more than a second earlier (AOF, appendfsync everysec); a message no consumer can
/// handle ends in the endpoint's error queue instead of vanishing.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class DurabilityTests(SuiteFixture suite)
{
    [Fact]
    public async Task An_assessment_survives_Redis_being_killed_without_warning()
    {
        var client = new EligibilityService.EligibilityServiceClient(suite.GatewayChannel);
        var assessment = (await client.AssessEligibilityAsync(new AssessEligibilityRequest
        {
            PatientReference = "durable-" + Guid.NewGuid().ToString("N")[..8],
            Facts = ClinicalScenario.RefractoryRelapseFacts(),
        })).Assessment;

        // everysec: the AOF is fsynced at least once a second, so this write is on disk after 1.5 s.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await suite.StopResourceAsync("redis", signal: "-KILL");
        await suite.StartResourceAsync("redis");
        await suite.App.ResourceNotifications.WaitForResourceHealthyAsync("eligibility");

        var read = (await client.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = assessment.AssessmentId })).Assessment;
        Assert.Equal(assessment, read);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_lands_in_the_error_queue()
    {
        var broker = new Uri(await suite.ConnectionStringAsync("messaging"));
        const string errorQueue = "monitoring-infusion-rate-adjustment-ordered_error";
        var before = await MessageCountAsync(broker, errorQueue);

        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(broker));
        await bus.StartAsync();
        try
        {
            // An order for an infusion that does not exist: the consumer fails on every retry.
            await bus.Publish(new InfusionRateAdjustmentOrdered(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Slow",
                0.25, 10, null, "RXN-G1", "order for an unknown infusion", DateTimeOffset.UtcNow));
        }
        finally
        {
            await bus.StopAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await MessageCountAsync(broker, errorQueue) <= before)
        {
            Assert.True(DateTime.UtcNow < deadline, $"nothing arrived in {errorQueue}");
            await Task.Delay(250);
        }
    }

    private static async Task<uint> MessageCountAsync(Uri broker, string queue)
    {
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // not declared yet: nothing has failed so far
        }
    }
}

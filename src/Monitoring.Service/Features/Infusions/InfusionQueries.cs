using Grpc.Core;
using Ivig.Monitoring.Grpc;
using Ivig.Monitoring.Infrastructure;
using Ivig.Monitoring.V1;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Monitoring.Features.Infusions;

/// <summary>GetInfusion, and WatchInfusion: the current state first, then every change as it lands.</summary>
public sealed class InfusionQueries(InfusionStore store, LiveUpdates live)
{
    public async Task<Infusion> GetAsync(string infusionId)
    {
        var id = InfusionIds.Parse(infusionId);
        var session = await store.FindAsync(id) ?? throw new ResourceNotFoundException("Infusion", infusionId);
        return session.ToProto();
    }

    public async Task WatchAsync(string infusionId, IServerStreamWriter<WatchInfusionResponse> stream, CancellationToken cancellationToken)
    {
        var id = InfusionIds.Parse(infusionId);
        // Subscribe before the first read, so no change between the two is missed.
        await using var updates = await live.SubscribeInfusionAsync(id, cancellationToken);
        var current = await GetAsync(infusionId);
        await stream.WriteAsync(new WatchInfusionResponse { Infusion = current }, cancellationToken);
        try
        {
            await foreach (var changed in updates.Reader.ReadAllAsync(cancellationToken))
            {
                // A dropped notice (this watcher fell behind a busy ward) could be this infusion's: re-read it.
                if ((changed == id || updates.TakeLagged()) && await store.FindAsync(id) is { } session && session.Version != current.Version)
                {
                    current = session.ToProto();
                    await stream.WriteAsync(new WatchInfusionResponse { Infusion = current }, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The watcher went away: a normal end of a stream.
        }
    }
}

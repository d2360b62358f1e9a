using System.Runtime.CompilerServices;
using Grpc.Core;
using Ivig.Monitoring.V1;

namespace Ivig.Monitoring.Grpc;

/// <summary>
/// Groups a vitals stream into batches: consecutive readings for one infusion that have already arrived
/// (up to <see cref="MaxBatch"/>). A reading is never held back waiting for the next one, so a monitor
/// sending one reading a minute sees it applied at once; a burst is applied as one stored change.
/// </summary>
public static class VitalsBatches
{
    public const int MaxBatch = 500;

    public static async IAsyncEnumerable<IReadOnlyList<StreamVitalsRequest>> ReadAsync(
        IAsyncStreamReader<StreamVitalsRequest> stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<bool>? next = null;
        var batch = new List<StreamVitalsRequest>();
        try
        {
            while (true)
            {
                next = stream.MoveNext(reading.Token);
                if (!next.IsCompleted && batch.Count > 0)
                {
                    // Nothing more has arrived yet: apply what we have while the next one is on its way.
                    yield return batch;
                    batch = [];
                }
                var more = await next;
                next = null;
                if (!more)
                {
                    break;
                }
                var current = stream.Current;
                if (batch.Count > 0 && (batch.Count == MaxBatch || batch[0].InfusionId != current.InfusionId))
                {
                    yield return batch;
                    batch = [];
                }
                batch.Add(current);
            }
            if (batch.Count > 0)
            {
                yield return batch;
            }
        }
        finally
        {
            // The call is ending (a refused batch, say) with a read still pending: finish that read before
            // the call returns, or the server could reuse the request stream while it is still being read.
            if (next is { IsCompleted: false })
            {
                await reading.CancelAsync();
                try
                {
                    await next;
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException or RpcException or InvalidOperationException)
                {
                    // The read was abandoned on purpose; the call's own outcome is already decided.
                }
            }
        }
    }
}

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
        var batch = new List<StreamVitalsRequest>();
        while (true)
        {
            var next = stream.MoveNext(cancellationToken);
            if (!next.IsCompleted && batch.Count > 0)
            {
                // Nothing more has arrived yet: apply what we have while the next one is on its way.
                yield return batch;
                batch = [];
            }
            if (!await next)
            {
                break;
            }
            var reading = stream.Current;
            if (batch.Count > 0 && (batch.Count == MaxBatch || batch[0].InfusionId != reading.InfusionId))
            {
                yield return batch;
                batch = [];
            }
            batch.Add(reading);
        }
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}

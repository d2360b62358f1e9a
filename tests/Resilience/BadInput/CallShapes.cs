using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Ivig.Resilience.BadInput;

/// <summary>
/// Turns the three call shapes (unary, client stream, server stream) into one "send and let a refusal throw"
/// delegate, so every case is run and judged the same way.
/// </summary>
internal static class CallShapes
{
    /// <summary>The RPC's full name from the contract, so a case cannot name an RPC that does not exist.</summary>
    public static string Rpc(ServiceDescriptor service, string method) =>
        service.FindMethodByName(method) is { } found
            ? $"{service.FullName}/{found.Name}"
            : throw new ArgumentException($"{service.FullName} has no RPC {method}.", nameof(method));

    public static Func<CallOptions, Task> Unary<TResponse>(Func<CallOptions, AsyncUnaryCall<TResponse>> call) =>
        async options =>
        {
            using var pending = call(options);
            await pending.ResponseAsync;
        };

    /// <summary>A bedside-monitor style stream: every message, then the end of the stream, then the single answer.</summary>
    public static Func<CallOptions, Task> ClientStream<TRequest, TResponse>(
        Func<CallOptions, AsyncClientStreamingCall<TRequest, TResponse>> open, IReadOnlyList<TRequest> messages) =>
        async options =>
        {
            using var call = open(options);
            try
            {
                foreach (var message in messages)
                {
                    await call.RequestStream.WriteAsync(message);
                }
                await call.RequestStream.CompleteAsync();
            }
            catch (Exception ex) when (ex is RpcException or InvalidOperationException)
            {
                // The service refused an earlier message and ended the call; its status is read below.
            }
            await call.ResponseAsync;
        };

    /// <summary>A watch: a refused request must end with an error status before any message is streamed.</summary>
    public static Func<CallOptions, Task> ServerStream<TResponse>(Func<CallOptions, AsyncServerStreamingCall<TResponse>> open) =>
        async options =>
        {
            using var call = open(options);
            if (await call.ResponseStream.MoveNext(options.CancellationToken))
            {
                throw new UnexpectedAnswerException($"streamed a message instead of refusing: {call.ResponseStream.Current}");
            }
            throw new UnexpectedAnswerException("ended the stream with OK instead of refusing");
        };
}

/// <summary>A refused request was answered as if it were fine (a streamed message, an OK end of stream).</summary>
internal sealed class UnexpectedAnswerException(string message) : Exception(message);

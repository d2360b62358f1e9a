using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Ivig.ServiceDefaults.Grpc;

/// <summary>
/// Turns the suite's exceptions into gRPC statuses with google.rpc rich details, so callers get
/// InvalidArgument/NotFound/FailedPrecondition with structured reasons and never a bare Internal.
/// </summary>
public sealed class ExceptionMappingInterceptor(ILogger<ExceptionMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    private RpcException Map(Exception ex, ServerCallContext context)
    {
        switch (ex)
        {
            case RequestValidationException invalid:
                var badRequest = new BadRequest();
                badRequest.FieldViolations.AddRange(invalid.Violations.Select(v =>
                    new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
                return new Google.Rpc.Status
                {
                    Code = (int)Code.InvalidArgument,
                    Message = invalid.Message,
                    Details = { Any.Pack(badRequest) },
                }.ToRpcException();

            case ResourceNotFoundException notFound:
                return new Google.Rpc.Status
                {
                    Code = (int)Code.NotFound,
                    Message = notFound.Message,
                    Details = { Any.Pack(new ResourceInfo { ResourceType = notFound.ResourceType, ResourceName = notFound.Id }) },
                }.ToRpcException();

            case PreconditionFailedException failed:
                var failure = new PreconditionFailure();
                failure.Violations.Add(new PreconditionFailure.Types.Violation { Type = failed.Condition, Description = failed.Message });
                return new Google.Rpc.Status
                {
                    Code = (int)Code.FailedPrecondition,
                    Message = failed.Message,
                    Details = { Any.Pack(failure) },
                }.ToRpcException();

            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new global::Grpc.Core.Status(StatusCode.Cancelled, "The call was cancelled."));

            // Redis or broker down: the caller may retry. Matched by namespace so this project
            // does not depend on every client library a service might use.
            case TimeoutException:
            case not null when ex.GetType().Namespace is "StackExchange.Redis" or "RabbitMQ.Client.Exceptions":
                logger.LogWarning(ex, "A dependency is unavailable for {Method}", context.Method);
                return new RpcException(new global::Grpc.Core.Status(StatusCode.Unavailable, "A dependency of the service is unavailable; retry later."));

            default:
                logger.LogError(ex, "Unhandled error in {Method}", context.Method);
                return new RpcException(new global::Grpc.Core.Status(StatusCode.Internal, "An unexpected error occurred."));
        }
    }
}

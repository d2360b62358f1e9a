using Grpc.Core;
using Grpc.Net.Client;
using Ivig.Dosing.V1;
using Ivig.Eligibility.V1;
using Ivig.Monitoring.V1;

namespace Ivig.Resilience.BadInput;

/// <summary>
/// Bytes that are not the message they claim to be (wrong types below what a typed client can express):
/// a truncated field, an over-long varint, a field number 0, an end-group with no group, and a string
/// field sent as a number. Sent raw, as any non-.NET client could.
/// </summary>
internal static class WireFormatCases
{
    private static readonly Marshaller<byte[]> Raw = Marshallers.Create(b => b, b => b);

    public static IEnumerable<BadInputCase> Generate(GrpcChannel channel)
    {
        var invoker = channel.CreateCallInvoker();
        var payloads = new (string Label, byte[] Bytes, StatusCode[] Acceptable)[]
        {
            // Field 1 (length-delimited) announces 16 bytes and carries one.
            ("a truncated string field", [0x0A, 0x10, 0x41], [StatusCode.InvalidArgument]),
            ("an eleven-byte varint", [0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], [StatusCode.InvalidArgument]),
            ("field number 0", [0x00, 0x01], [StatusCode.InvalidArgument]),
            ("an end-group without a group", [0x0C], [StatusCode.InvalidArgument]),
        };
        var rpcs = new[]
        {
            (EligibilityService.Descriptor, "AssessEligibility"),
            (DosingService.Descriptor, "PlanRegimen"),
            (MonitoringService.Descriptor, "GetInfusion"),
            (MonitoringService.Descriptor, "StopInfusion"),
        };
        foreach (var (service, name) in rpcs)
        {
            var rpc = CallShapes.Rpc(service, name);
            var method = new Method<byte[], byte[]>(MethodType.Unary, service.FullName, name, Raw, Raw);
            foreach (var (label, bytes, acceptable) in payloads)
            {
                yield return new BadInputCase(rpc, $"raw bytes: {label}", CallShapes.Unary(o => invoker.AsyncUnaryCall(method, null, o, bytes)), acceptable);
            }
        }

        // Field 1 of GetInfusionRequest is a string; sent as a varint it is an unknown field, so the id is empty.
        var getInfusion = new Method<byte[], byte[]>(MethodType.Unary, MonitoringService.Descriptor.FullName, "GetInfusion", Raw, Raw);
        yield return new BadInputCase(CallShapes.Rpc(MonitoringService.Descriptor, "GetInfusion"), "raw bytes: the id field sent as a number",
            CallShapes.Unary(o => invoker.AsyncUnaryCall(getInfusion, null, o, [0x08, 0x2A])), StatusCode.InvalidArgument)
        { Field = "infusion_id" };
    }
}

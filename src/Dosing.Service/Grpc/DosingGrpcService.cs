using Grpc.Core;
using Ivig.Dosing.Features.Products;
using Ivig.Dosing.V1;

namespace Ivig.Dosing.Grpc;

/// <summary>Thin adapter: each RPC hands the request to its feature and returns the result.</summary>
public sealed class DosingGrpcService(ListProductsQuery products) : DosingService.DosingServiceBase
{
    public override Task<ListProductsResponse> ListProducts(ListProductsRequest request, ServerCallContext context) =>
        Task.FromResult(products.List(request));

    public override Task<GetProductResponse> GetProduct(GetProductRequest request, ServerCallContext context) =>
        Task.FromResult(products.Get(request));
}

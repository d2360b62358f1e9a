using Grpc.Core;
using Ivig.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;
using Ivig.Dosing.Features.Products;
using Ivig.Dosing.Features.Regimens;
using Ivig.Dosing.V1;
using Ivig.ServiceDefaults.Grpc;

namespace Ivig.Dosing.Grpc;

/// <summary>Thin adapter: each RPC hands the request to its feature and returns the result.</summary>
public sealed class DosingGrpcService(ListProductsQuery products, PlanRegimenCommand plan, GetRegimenQuery regimens) : DosingService.DosingServiceBase
{
    [Authorize(Roles = SuiteRoles.Anyone)]
    public override Task<ListProductsResponse> ListProducts(ListProductsRequest request, ServerCallContext context) =>
        products.ListAsync(request, DeadlineOf(context), context.CancellationToken);

    [Authorize(Roles = SuiteRoles.Anyone)]
    public override Task<GetProductResponse> GetProduct(GetProductRequest request, ServerCallContext context) =>
        Task.FromResult(products.Get(request));

    [Authorize(Roles = SuiteRoles.Prescriber)]
    public override Task<PlanRegimenResponse> PlanRegimen(PlanRegimenRequest request, ServerCallContext context) =>
        plan.PlanAsync(request, CallerIdentity.From(context), DeadlineOf(context), context.CancellationToken);

    [Authorize(Roles = SuiteRoles.RecordReaders)]
    public override Task<GetRegimenResponse> GetRegimen(GetRegimenRequest request, ServerCallContext context) =>
        regimens.GetAsync(request, context.CancellationToken);

    // The caller's deadline bounds our call to Eligibility too.
    private static DateTime? DeadlineOf(ServerCallContext context) => context.Deadline == DateTime.MaxValue ? null : context.Deadline;
}

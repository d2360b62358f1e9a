using Ivig.Dosing.Features.Products;
using Ivig.Dosing.Grpc;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient("redis");
        builder.AddMessaging("dosing");
        builder.Services.AddGrpcDefaults();

        builder.Services.AddSingleton(ProductCatalogueProvider.Load(builder.Configuration, builder.Environment.ContentRootPath));
        builder.Services.AddSingleton<ListProductsQuery>();
    }

    public static void MapDosingApi(this WebApplication app)
    {
        app.MapGrpcService<DosingGrpcService>();
    }
}

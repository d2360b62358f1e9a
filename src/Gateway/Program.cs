using Ivig.Gateway.Proxy;
using Ivig.Gateway.Telemetry;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();
builder.AddGatewayProtection();
builder.AddGatewayTraceSampling();

var app = builder.Build();

app.UseMiddleware<Ivig.ServiceDefaults.Security.DeniedRequestAudit>();
// The operations board's static files (/board/), anonymous: before authentication and the
// fallback policy. The page holds no data; its calls to /v1/... carry the user's token.
app.UseBoard();
app.UseRouting();
app.UseGatewayProtection();

app.MapDefaultEndpoints();
app.MapReverseProxy(proxy =>
{
    proxy.UseGrpcUnavailableOnProxyError();
    // A custom pipeline replaces YARP's default one: keep its steps.
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});

app.Run();

public partial class Program;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();
builder.AddGatewayProtection();

var app = builder.Build();

app.UseMiddleware<Ivig.ServiceDefaults.Security.DeniedRequestAudit>();
app.UseRouting();
app.UseGatewayProtection();

app.MapDefaultEndpoints();
app.MapReverseProxy();

app.Run();

public partial class Program;

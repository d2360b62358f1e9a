var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServicePipeline();
app.MapDefaultEndpoints();
app.MapGrpcDefaults();
app.MapMonitoringApi();

app.Run();

// Lets functional tests host the service in-process (WebApplicationFactory<Program>).
public partial class Program;

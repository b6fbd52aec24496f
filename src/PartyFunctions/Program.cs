using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using PartyFunctions;
using PartyFunctions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UsePartyMiddleware();
builder.Services.AddPartyFunctions(builder.Configuration);
builder.Services.AddPartyTelemetry(builder.Configuration);
builder.Build().Run();

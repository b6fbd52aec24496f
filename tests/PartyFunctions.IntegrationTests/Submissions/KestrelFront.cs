using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace PartyFunctions.IntegrationTests.Submissions;

/// <summary>
/// Real HTTP for a browser: a Kestrel server on 127.0.0.1 (free port) that hands every request to the
/// <see cref="FunctionHost"/>, as the Functions host would, and writes back its status, headers and body.
/// </summary>
internal sealed class KestrelFront : IAsyncDisposable
{
    private readonly WebApplication app;

    private KestrelFront(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<KestrelFront> StartAsync(FunctionHost host)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(async context =>
        {
            var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var content = new ByteArrayContent(body.ToArray());
            if (context.Request.ContentType is { } type)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", type);
            }

            var method = new HttpMethod(context.Request.Method);
            var response = await host.SendAsync(method, context.Request.Path + context.Request.QueryString,
                method == HttpMethod.Get ? null : content);
            context.Response.StatusCode = (int)response.Status;
            context.Response.ContentType = response.ContentType ?? "text/plain; charset=utf-8";
            await context.Response.Body.WriteAsync(response.Bytes);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new KestrelFront(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

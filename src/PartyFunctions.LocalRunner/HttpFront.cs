using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PartyFunctions.LocalRunner;

/// <summary>
/// Real HTTP in front of a <see cref="FunctionHost"/>: a Kestrel server that hands every request to the host, as the
/// Functions host would, and writes back its status, headers and body. The browser tests use it on a free port and
/// <c>party serve</c> on 7071, the port <c>func start</c> uses.
/// </summary>
public sealed class HttpFront : IAsyncDisposable
{
    // Kestrel sets these itself from the body it writes.
    private static readonly HashSet<string> NotCopied = new(StringComparer.OrdinalIgnoreCase) { "Content-Length", "Transfer-Encoding" };

    private readonly WebApplication app;

    private HttpFront(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The address it listens on, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; }

    /// <summary>Starts listening on <paramref name="url"/> (port 0: a free port on loopback).</summary>
    public static async Task<HttpFront> StartAsync(FunctionHost host, string url = "http://127.0.0.1:0")
    {
        ArgumentNullException.ThrowIfNull(host);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Not the console lifetime: it would take Ctrl+C for itself and stop only this server, while the caller's
        // cancellation (party serve's, the tests') is what stops the whole app.
        builder.Services.AddSingleton<IHostLifetime, CallerLifetime>();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            using var content = new ByteArrayContent(body.ToArray());
            if (context.Request.ContentType is { } type)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", type);
            }

            var headers = context.Request.Headers
                .Where(h => !h.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var method = new HttpMethod(context.Request.Method);
            var response = await host.SendAsync(method, context.Request.Path + context.Request.QueryString,
                method == HttpMethod.Get || method == HttpMethod.Head ? null : content, headers, context.RequestAborted);
            context.Response.StatusCode = (int)response.Status;
            foreach (var (name, value) in response.Headers.Where(h => !NotCopied.Contains(h.Key)))
            {
                context.Response.Headers[name] = value;
            }

            context.Response.ContentType = response.ContentType ?? "text/plain; charset=utf-8";
            await context.Response.Body.WriteAsync(response.Bytes, context.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpFront(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>A host lifetime that waits for nothing and listens to no signal: its owner starts and stops it.</summary>
internal sealed class CallerLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

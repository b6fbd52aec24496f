using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace PartyFunctions.Hosting;

/// <summary>
/// Worker middleware: an HTTP function that meets a storage outage answers 503 (<see cref="StorageOutage"/>), never
/// the host's bare 500. Queue and timer functions rethrow: the host retries the message or the next run catches up.
/// </summary>
public sealed partial class StorageOutageMiddleware(ILogger<StorageOutageMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception ex) when (context.GetHttpContext() is { Response.HasStarted: false } http && StorageOutage.Is(ex, http.RequestAborted))
        {
            LogOutage(logger, ex, http.Request.Method, http.Request.Path);
            await StorageOutage.WriteAsync(http);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage outage during {Method} {Path}: answered 503")]
    private static partial void LogOutage(ILogger logger, Exception exception, string method, string path);
}

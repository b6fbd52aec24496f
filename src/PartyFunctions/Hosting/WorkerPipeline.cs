using Microsoft.Extensions.Hosting;

namespace PartyFunctions.Hosting;

/// <summary>The app's worker middleware, in order; Program.cs and the tests' FunctionHost both apply it.</summary>
public static class WorkerPipeline
{
    public static IFunctionsWorkerApplicationBuilder UsePartyMiddleware(this IFunctionsWorkerApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseMiddleware<StorageOutageMiddleware>();
        return builder;
    }
}

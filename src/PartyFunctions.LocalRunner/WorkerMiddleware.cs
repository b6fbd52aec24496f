using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace PartyFunctions.LocalRunner;

/// <summary>
/// The app's worker middleware as the worker composes it: the runner applies the app's own configuration
/// (<c>WorkerPipeline.UsePartyMiddleware</c>, as Program.cs does) to this builder, which records each middleware and
/// registers its services in the app's collection; <see cref="Build"/> chains them around the function invocation.
/// </summary>
internal sealed class WorkerMiddleware(IServiceCollection services) : IFunctionsWorkerApplicationBuilder
{
    private readonly List<Func<FunctionExecutionDelegate, FunctionExecutionDelegate>> middleware = [];

    public IServiceCollection Services { get; } = services;

    public IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware)
    {
        this.middleware.Add(middleware);
        return this;
    }

    /// <summary>The first registered middleware outermost, as the worker runs them.</summary>
    public FunctionExecutionDelegate Build(FunctionExecutionDelegate function) =>
        Enumerable.Reverse(middleware).Aggregate(function, (next, use) => use(next));
}

/// <summary>
/// The part of the worker's <see cref="FunctionContext"/> that middleware reads: services of the invocation's scope,
/// the items (where the ASP.NET Core integration keeps the HttpContext, read by <c>GetHttpContext()</c>) and the
/// cancellation token. The rest is not simulated and throws.
/// </summary>
internal sealed class LocalFunctionContext(string functionName, IServiceProvider services, CancellationToken cancellationToken) : FunctionContext
{
    // The key under which Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore stores the request's HttpContext.
    private const string HttpContextKey = "HttpRequestContext";

    public string FunctionName { get; } = functionName;
    public override string InvocationId { get; } = Guid.NewGuid().ToString();
    public override string FunctionId => FunctionName;
    public override TraceContext TraceContext => throw NotSimulated();
    public override BindingContext BindingContext => throw NotSimulated();
    public override RetryContext RetryContext => throw NotSimulated();
    public override IServiceProvider InstanceServices { get; set; } = services;
    public override FunctionDefinition FunctionDefinition => throw NotSimulated();
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
    public override Microsoft.Azure.Functions.Worker.IInvocationFeatures Features => throw NotSimulated();
    public override CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The innermost step: binds the trigger and calls the function (set by FunctionHost).</summary>
    public Func<Task> InvokeFunctionAsync { get; set; } = () => throw new InvalidOperationException("No function to invoke.");

    /// <summary>What the function returned; null when it returned nothing or middleware answered instead.</summary>
    public object? Result { get; set; }

    public static LocalFunctionContext ForHttp(string functionName, IServiceProvider services, Microsoft.AspNetCore.Http.HttpContext http, CancellationToken cancellationToken)
    {
        var context = new LocalFunctionContext(functionName, services, cancellationToken);
        context.Items[HttpContextKey] = http;
        return context;
    }

    private NotSupportedException NotSimulated() =>
        new($"The local runner does not simulate this part of FunctionContext ({FunctionName}); extend LocalFunctionContext if middleware needs it.");
}

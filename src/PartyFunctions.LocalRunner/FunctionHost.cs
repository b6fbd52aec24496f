using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Heartbeat;
using PartyFunctions.Hosting;

namespace PartyFunctions.LocalRunner;

/// <summary>
/// One instance of the Function App under a local stand-in for the Functions host (the demo, the tests and the load
/// bench; production runs on the real host). It builds the app's real services through the one composition root,
/// finds functions through the generated functions.metadata (routes, methods, queues), creates each function class
/// per invocation in its own scope as the worker does, and binds triggers the way the host does: HTTP requests as
/// <see cref="HttpRequest"/> with route values, timers as <see cref="TimerInfo"/>, queue messages (base64) as text or
/// JSON at the host's concurrency (<see cref="QueueListener"/>). Several instances over one storage account are
/// several <see cref="FunctionHost"/>s, each with its own singletons, as separate processes have.
/// </summary>
public sealed class FunctionHost : IAsyncDisposable
{
    private static readonly JsonSerializerOptions WorkerJson = new() { PropertyNameCaseInsensitive = true };
    private readonly ServiceProvider provider;
    private readonly FunctionExecutionDelegate pipeline;
    private readonly ConcurrentQueue<Exception> failures = new();
    private readonly Action<IServiceCollection>? overrides;

    private FunctionHost(IConfiguration configuration, FunctionsMetadata metadata, Action<IServiceCollection>? overrides, QueueHostOptions? queueOptions = null)
    {
        Configuration = configuration;
        Metadata = metadata;
        this.overrides = overrides;
        // The app's own wiring must resolve completely, as the worker would discover at start-up.
        using (AppServices(configuration, overrides, out _).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }))
        {
        }

        // ConfigureFunctionsWebApplication executes IActionResult through ASP.NET Core MVC; these are its executors.
        provider = AppServices(configuration, overrides, out var middleware).AddMvcCore().Services
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        pipeline = middleware.Build(context => ((LocalFunctionContext)context).InvokeFunctionAsync());
        // The host reads triggers and writes output bindings with its own storage clients, not the app's: policies a
        // test adds to the app's clients (fault injection) never touch the host's side, as in Azure.
        HostStorage = StorageClients.FromConfiguration(configuration);
        QueueOptions = queueOptions ?? QueueHostOptions.From(HostJson.Root, configuration);
    }

    private static IServiceCollection AppServices(IConfiguration configuration, Action<IServiceCollection>? overrides, out WorkerMiddleware middleware)
    {
        var services = new ServiceCollection()
            .AddSingleton(configuration)
            .AddLogging()
            .AddPartyFunctions(configuration);
        // As Program.cs: the app's worker middleware, registering its services like the worker does.
        middleware = new WorkerMiddleware(services);
        middleware.UsePartyMiddleware();
        // Overrides come last: the last registration of a service is the one resolved, so a test replaces or
        // decorates what the app registered (a fake clock, a stub client, a failing store).
        overrides?.Invoke(services);
        return services;
    }

    public IConfiguration Configuration { get; }
    public FunctionsMetadata Metadata { get; }
    public IServiceProvider Services => provider;

    /// <summary>host.json's queue settings with the app settings' overrides, as this instance's listeners use them.</summary>
    public QueueHostOptions QueueOptions { get; }

    /// <summary>The host's own storage clients (trigger reads, output bindings): no app policy runs on them.</summary>
    public StorageClients HostStorage { get; }

    /// <summary>Every exception a queue function threw (the host would log each and retry), for tests to inspect.</summary>
    public IReadOnlyList<Exception> QueueFailures => [.. failures];

    /// <summary>The app as the worker would build it from <paramref name="configuration"/>; <paramref name="overrides"/> replace registrations, e.g. a fake <see cref="TimeProvider"/>.</summary>
    public static FunctionHost Create(IConfiguration configuration, Action<IServiceCollection>? overrides = null) =>
        new(configuration, FunctionsMetadata.OfBuiltApp, overrides);

    /// <summary>A host over other metadata: lets the runner's own tests drive probe functions.</summary>
    public static FunctionHost Create(IConfiguration configuration, FunctionsMetadata metadata, Action<IServiceCollection>? overrides = null) =>
        new(configuration, metadata, overrides);

    /// <summary>
    /// Another instance of the same app over the same storage, as the platform starts when it scales out: same settings
    /// and overrides (a shared fake clock stays shared), its own services and singletons; <paramref name="queueOptions"/>
    /// replace its queue settings (a test's one-message-at-a-time reference). The caller disposes it.
    /// </summary>
    public FunctionHost StartAnotherInstance(QueueHostOptions? queueOptions = null) => new(Configuration, Metadata, overrides, queueOptions);

    public ValueTask DisposeAsync() => provider.DisposeAsync();

    /// <summary>Sends a request the way a client would reach the host: <paramref name="pathAndQuery"/> starts with /api/.</summary>
    public async Task<HttpResponseSnapshot> SendAsync(
        HttpMethod method, string pathAndQuery, HttpContent? content = null, IDictionary<string, string>? headers = null,
        CancellationToken cancellationToken = default)
    {
        var uri = new Uri(new Uri("http://localhost"), pathAndQuery);
        var match = Metadata.Functions
            .Where(f => f.Trigger.Type == "httpTrigger")
            .Where(f => f.Trigger.Methods is null || f.Trigger.Methods.Contains(method.Method, StringComparer.OrdinalIgnoreCase))
            .Select(f => (Function: f, Values: RouteTemplate.Match("api/" + (f.Trigger.Route ?? f.Name), uri.AbsolutePath.TrimStart('/'))))
            .FirstOrDefault(m => m.Values is not null);
        if (match.Function is null)
        {
            return new HttpResponseSnapshot(HttpStatusCode.NotFound, new HeaderDictionary(), string.Empty);
        }

        await using var scope = provider.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        var request = context.Request;
        request.Method = method.Method;
        request.Scheme = "http";
        request.Host = new HostString("localhost");
        request.Path = uri.AbsolutePath;
        request.QueryString = new QueryString(uri.Query);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers[name] = value;
        }

        // The worker's ASP.NET Core integration runs UseForwardedHeaders with the host (on loopback) as its one known
        // proxy: the connection's address becomes the last X-Forwarded-For entry, the one the platform's front end added.
        if (request.Headers["X-Forwarded-For"].ToString().Split(',')[^1].Trim() is { Length: > 0 } last && IPAddress.TryParse(last, out var forwarded))
        {
            context.Connection.RemoteIpAddress = forwarded;
        }

        if (content is not null)
        {
            var bytes = await content.ReadAsByteArrayAsync(cancellationToken);
            request.Body = new MemoryStream(bytes);
            request.ContentLength = bytes.Length;
            request.ContentType = content.Headers.ContentType?.ToString();
        }

        foreach (var (key, value) in match.Values!)
        {
            request.RouteValues[key] = value;
        }

        var body = new MemoryStream();
        context.Response.Body = body;
        try
        {
            var result = await InvokeAsync(match.Function, scope.ServiceProvider, parameter =>
                parameter.ParameterType == typeof(HttpRequest) ? request
                : match.Values!.TryGetValue(parameter.Name!, out var routeValue) ? RouteValue(routeValue, parameter.ParameterType)
                : null, cancellationToken, context);
            var action = result as IActionResult ?? await WriteOutputBindingsAsync(match.Function, result, cancellationToken);
            if (action is not null)
            {
                await action.ExecuteResultAsync(new ActionContext(context, new RouteData(request.RouteValues), new ActionDescriptor()));
            }
        }
        catch (Exception ex)
        {
            // The host answers 500 to an unhandled exception; the snapshot keeps it so the failing test shows why.
            return new HttpResponseSnapshot(HttpStatusCode.InternalServerError, context.Response.Headers, string.Empty, ex);
        }

        return new HttpResponseSnapshot(
            (HttpStatusCode)context.Response.StatusCode, context.Response.Headers, Encoding.UTF8.GetString(body.ToArray())) { Bytes = body.ToArray() };
    }

    /// <summary>Runs a timer function once, as the host does on schedule (or late, with <see cref="TimerInfo.IsPastDue"/>).</summary>
    public async Task RunTimerAsync(string functionName, TimerInfo? timer = null, CancellationToken cancellationToken = default)
    {
        var function = Metadata[functionName];
        if (function.Trigger.Type != "timerTrigger")
        {
            throw new InvalidOperationException($"{functionName} is a {function.Trigger.Type}, not a timer.");
        }

        await using var scope = provider.CreateAsyncScope();
        await InvokeAsync(function, scope.ServiceProvider,
            p => p.ParameterType == typeof(TimerInfo) ? timer ?? new TimerInfo { ScheduleStatus = new ScheduleStatus() } : null,
            cancellationToken);
    }

    /// <summary>
    /// Delivers a queue's messages to its trigger as one instance of the host would (see <see cref="QueueListener"/>),
    /// until nothing is visible, nothing runs and no failed message is due back. Returns the invocations that succeeded.
    /// </summary>
    public Task<int> DrainQueueAsync(string queueName, CancellationToken cancellationToken = default) =>
        DrainQueueAsync([this], queueName, int.MaxValue, cancellationToken);

    /// <summary>As <see cref="DrainQueueAsync(string, CancellationToken)"/>, but starts at most <paramref name="maxInvocations"/> deliveries (a part of the queue).</summary>
    public Task<int> DrainQueueAsync(string queueName, int maxInvocations, CancellationToken cancellationToken = default) =>
        DrainQueueAsync([this], queueName, maxInvocations, cancellationToken);

    /// <summary>
    /// Several instances of the app over the same storage drain one queue at once, each at the host's concurrency, as a
    /// scaled-out Function App does. Returns the invocations that succeeded on all of them.
    /// </summary>
    public static async Task<int> DrainQueueAsync(
        IReadOnlyCollection<FunctionHost> instances, string queueName, int maxInvocations = int.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var drain = new QueueDrain(maxInvocations, TimeProvider.System);
        await Task.WhenAll(instances.Select(instance => instance.Listener(queueName, drain).RunAsync(cancellationToken)));
        return drain.Succeeded;
    }

    /// <summary>The queues the app's queue triggers listen on, their settings resolved as the host resolves them.</summary>
    public IReadOnlyList<string> TriggerQueues =>
        [.. Metadata.Functions.Where(f => f.Trigger.Type == "queueTrigger").Select(f => ResolveSetting(f.Trigger.QueueName)!).Distinct(StringComparer.Ordinal)];

    /// <summary>Each timer function with its schedule as the host reads it (the setting named in <c>%...%</c> resolved).</summary>
    public IReadOnlyList<TimerSchedule> TimerSchedules =>
        [.. Metadata.Functions.Where(f => f.Trigger.Type == "timerTrigger").Select(f => new TimerSchedule(f.Name, ResolveSetting(f.Trigger.Schedule)))];

    private QueueListener Listener(string queueName, QueueDrain drain)
    {
        var function = Metadata.Functions.Single(f =>
            f.Trigger.Type == "queueTrigger" && ResolveSetting(f.Trigger.QueueName) == queueName);
        return new QueueListener(
            HostStorage.Queues.GetQueueClient(queueName),
            HostStorage.Queues.GetQueueClient(queueName + "-poison"),
            QueueOptions,
            drain,
            async (message, cancellationToken) =>
            {
                await using var scope = provider.CreateAsyncScope();
                await InvokeAsync(function, scope.ServiceProvider, p => BindQueueMessage(p, message), cancellationToken);
            },
            failures.Enqueue);
    }

    /// <summary>
    /// Multi-output: a returned object whose properties are output bindings (functions.metadata names them). As the host
    /// does after the function returned, each non-null queue property is written to its queue as JSON (one message per
    /// element for a collection); the <c>http</c> property is the response.
    /// </summary>
    private async Task<IActionResult?> WriteOutputBindingsAsync(FunctionDescriptor function, object? result, CancellationToken cancellationToken)
    {
        if (result is null)
        {
            return null;
        }

        IActionResult? response = null;
        foreach (var binding in function.Bindings.Where(b => b.Direction == "Out"))
        {
            var value = result.GetType().GetProperty(binding.Name)?.GetValue(result);
            if (binding.Type == "http")
            {
                response = value as IActionResult;
            }
            else if (binding.Type == "queue" && value is not null)
            {
                var queue = HostStorage.Queues.GetQueueClient(ResolveSetting(binding.QueueName));
                await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                var items = value is System.Collections.IEnumerable many and not string ? many.Cast<object>() : [value];
                foreach (var item in items)
                {
                    await queue.SendMessageAsync(item as string ?? JsonSerializer.Serialize(item, item.GetType(), WorkerJson), cancellationToken);
                }
            }
        }

        return response;
    }

    /// <summary>Route values bind to string or simple typed parameters (<c>int year</c>), as the worker converts them.</summary>
    private static object? RouteValue(string value, Type type) =>
        type == typeof(string) ? value
        : System.ComponentModel.TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);

    private static object? BindQueueMessage(ParameterInfo parameter, QueueMessage message)
    {
        var type = parameter.ParameterType;
        return type == typeof(QueueMessage) ? message
            : type == typeof(string) ? message.Body.ToString()
            : type == typeof(BinaryData) ? message.Body
            : type == typeof(byte[]) ? message.Body.ToArray()
            : JsonSerializer.Deserialize(message.Body.ToString(), type, WorkerJson);
    }

    private string? ResolveSetting(string? value) =>
        BindingDescriptor.SettingName(value) is { } setting ? Configuration[setting] : value;

    /// <summary>Runs the function inside the app's worker middleware; the middleware may answer an HTTP request itself.</summary>
    private async Task<object?> InvokeAsync(
        FunctionDescriptor function, IServiceProvider services, Func<ParameterInfo, object?> bindTrigger,
        CancellationToken cancellationToken, HttpContext? http = null)
    {
        var context = http is null
            ? new LocalFunctionContext(function.Name, services, cancellationToken)
            : LocalFunctionContext.ForHttp(function.Name, services, http, cancellationToken);
        context.InvokeFunctionAsync = async () => context.Result = await InvokeFunctionAsync(function, services, bindTrigger, cancellationToken);
        await pipeline(context);
        return context.Result;
    }

    private static async Task<object?> InvokeFunctionAsync(
        FunctionDescriptor function, IServiceProvider services, Func<ParameterInfo, object?> bindTrigger,
        CancellationToken cancellationToken)
    {
        var assembly = Assembly.Load(Path.GetFileNameWithoutExtension(function.ScriptFile));
        var (typeName, methodName) = function.Method;
        var type = assembly.GetType(typeName, throwOnError: true)!;
        var method = type.GetMethod(methodName)
            ?? throw new MissingMethodException(typeName, methodName);
        var instance = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, type);
        var arguments = method.GetParameters().Select(p =>
            p.ParameterType == typeof(CancellationToken) ? cancellationToken
            : bindTrigger(p) ?? throw new NotSupportedException(
                $"The local runner cannot bind parameter '{p.Name}' ({p.ParameterType.Name}) of {function.Name}; extend FunctionHost if the host can."))
            .ToArray();
        try
        {
            var returned = method.Invoke(instance, arguments);
            switch (returned)
            {
                case Task task:
                    await task;
                    return method.ReturnType.IsGenericType ? method.ReturnType.GetProperty("Result")!.GetValue(task) : null;
                default:
                    return returned;
            }
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace PartyFunctions.Benchmarks;

/// <summary>
/// Where a use case's time goes, port by port, without touching the product: each port registered in the container is
/// wrapped in a proxy that times every call (for a Task, until it completes). Calls issued side by side overlap, so the
/// sums are per call, not a partition of the wall time; the proxy adds microseconds per call.
/// </summary>
internal sealed class PortTimings
{
    private readonly ConcurrentDictionary<string, Totals> totals = new(StringComparer.Ordinal);

    /// <summary>Replaces the registration of <typeparamref name="TPort"/> with a timed proxy over the same implementation.</summary>
    public void Wrap<TPort>(IServiceCollection services)
        where TPort : class
    {
        var descriptor = services.Last(d => d.ServiceType == typeof(TPort));
        services.Add(ServiceDescriptor.Singleton(sp =>
        {
            var inner = (TPort)(descriptor.ImplementationInstance
                ?? descriptor.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!));
            var proxy = DispatchProxy.Create<TPort, TimedProxy>();
            ((TimedProxy)(object)proxy).Attach(inner, typeof(TPort).Name, this);
            return proxy;
        }));
    }

    public IReadOnlyDictionary<string, (long Calls, double Milliseconds)> Snapshot() =>
        totals.ToDictionary(t => t.Key, t => (Interlocked.Read(ref t.Value.Calls), Interlocked.Read(ref t.Value.Ticks) * 1000.0 / Stopwatch.Frequency), StringComparer.Ordinal);

    /// <summary>One line per port call between two snapshots: calls, total and mean milliseconds, per unit of work.</summary>
    public static void Print(string title, IReadOnlyDictionary<string, (long Calls, double Milliseconds)> before,
        IReadOnlyDictionary<string, (long Calls, double Milliseconds)> after, int units, string unit)
    {
        Console.WriteLine($"  {title}: port calls ({units} {unit}; per {unit} = total / {units})");
        foreach (var (name, (calls, ms)) in after.OrderByDescending(a => a.Value.Milliseconds))
        {
            var (calls0, ms0) = before.TryGetValue(name, out var b) ? b : (0, 0);
            if (calls > calls0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {name,-48} {calls - calls0,6} calls {ms - ms0,9:F0} ms total {(ms - ms0) / (calls - calls0),7:F2} ms mean {(ms - ms0) / units,7:F2} ms per {unit}"));
            }
        }
    }

    private void Record(string name, long ticks)
    {
        var t = totals.GetOrAdd(name, _ => new Totals());
        Interlocked.Increment(ref t.Calls);
        Interlocked.Add(ref t.Ticks, ticks);
    }

    private sealed class Totals
    {
        public long Calls;
        public long Ticks;
    }

    /// <summary>DispatchProxy derives from this type: public, unsealed, with a parameterless constructor.</summary>
#pragma warning disable CA1852 // DispatchProxy generates the subtype at run time.
    public class TimedProxy : DispatchProxy
    {
        private object inner = null!;
        private string port = string.Empty;
        private PortTimings owner = null!;

        internal void Attach(object target, string name, PortTimings timings) => (inner, port, owner) = (target, name, timings);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var name = $"{port}.{targetMethod!.Name}";
            var start = Stopwatch.GetTimestamp();
            object? result;
            try
            {
                result = targetMethod.Invoke(inner, args);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                owner.Record(name, Stopwatch.GetTimestamp() - start);
                throw ex.InnerException;
            }

            if (result is Task task)
            {
                task.ContinueWith(_ => owner.Record(name, Stopwatch.GetTimestamp() - start), CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            else
            {
                owner.Record(name, Stopwatch.GetTimestamp() - start);
            }

            return result;
        }
    }
#pragma warning restore CA1852
}

using System.Diagnostics;
using System.Globalization;

namespace PartyFunctions.Benchmarks;

/// <summary>
/// CPU time spent by the bench process itself and, when <c>BENCH_AZURITE_PID</c> names it, by Azurite: on a loopback
/// Azurite with no added latency, a run's wall time is these two CPUs' work (two shared cores), so they say which side
/// a difference comes from. Azurite's CPU grows with its tables (it filters every query over the whole table); the
/// bench's own does not.
/// </summary>
internal sealed record ProcessCpu(TimeSpan Own, TimeSpan? Azurite)
{
    public static ProcessCpu Read()
    {
        using var self = Process.GetCurrentProcess();
        return new ProcessCpu(self.TotalProcessorTime, AzuriteCpu());
    }

    public static ProcessCpu operator -(ProcessCpu after, ProcessCpu before) =>
        new(after.Own - before.Own, after.Azurite - before.Azurite);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"CPU: bench {Own.TotalSeconds:F2} s{(Azurite is { } a ? $", Azurite {a.TotalSeconds:F2} s" : string.Empty)}");

    private static TimeSpan? AzuriteCpu()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("BENCH_AZURITE_PID"), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        try
        {
            using var azurite = Process.GetProcessById(pid);
            return azurite.TotalProcessorTime;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

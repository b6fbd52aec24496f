using BenchmarkDotNet.Running;
using PartyFunctions.Benchmarks;

// `annual-io` measures the annual run against Azurite (I/O, seconds per variant); `load` times issue 10's load test
// scenario; anything else goes to BenchmarkDotNet.
return args switch
{
    ["annual-io", ..] => await AnnualRunIoBenchmark.RunAsync(args),
    ["load", ..] => await LoadBenchmark.RunAsync(args),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(ClassificationBenchmarks).Assembly).Run(args);
    return 0;
}

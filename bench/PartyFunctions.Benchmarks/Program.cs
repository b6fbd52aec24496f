using BenchmarkDotNet.Running;
using PartyFunctions.Benchmarks;

// `annual-io` measures the annual run against Azurite (I/O, seconds per variant); anything else goes to BenchmarkDotNet.
return args is ["annual-io", ..]
    ? await AnnualRunIoBenchmark.RunAsync(args)
    : RunBenchmarkDotNet(args);

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(ClassificationBenchmarks).Assembly).Run(args);
    return 0;
}

using BenchmarkDotNet.Running;
using PartyFunctions.Benchmarks;

// `annual-io` measures the annual run against Azurite (I/O, seconds per variant); `submit` the monthly submission path
// (latency and round trips per request); anything else goes to BenchmarkDotNet.
return args switch
{
    ["annual-io", ..] => await AnnualRunIoBenchmark.RunAsync(args),
    ["submit", ..] => await SubmissionIoBenchmark.RunAsync(args),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(ClassificationBenchmarks).Assembly).Run(args);
    return 0;
}

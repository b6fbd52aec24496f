using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using PartyFunctions.Benchmarks;

// `annual-io` measures the annual run against Azurite (I/O, seconds per variant); `submit` the monthly submission path
// (latency and round trips per request); `load` times issue 10's load test scenario; `import` the units import; `national` a run of many small shards; `escalation` the daily alert run; anything else goes to BenchmarkDotNet.
return args switch
{
    ["annual-io", ..] => await AnnualRunIoBenchmark.RunAsync(args),
    ["submit", ..] => await SubmissionIoBenchmark.RunAsync(args),
    ["load", ..] => await LoadBenchmark.RunAsync(args),
    ["import", ..] => await ImportBenchmark.RunAsync(args),
    ["national", ..] => await NationalRunBenchmark.RunAsync(args),
    ["escalation", ..] => await EscalationBenchmark.RunAsync(args),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    // BenchmarkDotNet rebuilds this project with everything it references (since `load`: the Function App and the
    // integration tests); on a shared 2-core machine that takes longer than its default two minutes.
    BenchmarkSwitcher.FromAssembly(typeof(ClassificationBenchmarks).Assembly)
        .Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
    return 0;
}

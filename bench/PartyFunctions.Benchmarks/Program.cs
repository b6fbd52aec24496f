using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(PartyFunctions.Benchmarks.ClassificationBenchmarks).Assembly).Run(args);

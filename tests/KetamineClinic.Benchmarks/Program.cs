using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/KetamineClinic.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(KetamineClinic.Benchmarks.ContentRenderingBenchmarks).Assembly).Run(args);

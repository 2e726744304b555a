using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace TaobaoTop.Bench.Micro;

/// <summary>One BenchmarkDotNet figure: mean time and bytes allocated per operation.</summary>
public sealed record MicroResult(string Benchmark, string? Parameter, double MeanNs, long? BytesPerOp)
{
    public string Time => MeanNs >= 10_000 ? $"{MeanNs / 1000:0.0} µs" : MeanNs >= 1000 ? $"{MeanNs / 1000:0.00} µs" : $"{MeanNs:0} ns";

    public string Allocated => BytesPerOp is long bytes ? $"{bytes:N0} B" : "n/a";
}

public static class MicroSuite
{
    /// <summary>Runs every micro benchmark in this process (no per-benchmark build: the whole run must fit in minutes).</summary>
    public static IReadOnlyList<MicroResult> Run(Settings settings, string artifacts)
    {
        var job = settings.Smoke
            ? Job.Dry
            : Job.Default.WithWarmupCount(3).WithIterationCount(8).WithIterationTime(TimeInterval.FromMilliseconds(250));
        var config = ManualConfig.CreateEmpty()
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .WithArtifactsPath(artifacts)
            // The smoke test builds Debug; its figures are not reported as the lead's, only checked to exist.
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summaries = BenchmarkRunner.Run(new[] { typeof(SigningBenchmarks), typeof(LongSigningBenchmarks), typeof(FormBodyBenchmarks), typeof(ParseBenchmarks) }, config);
        var results = new List<MicroResult>();
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            var benchmark = report.BenchmarkCase;
            if (report.ResultStatistics is null)
                throw new InvalidOperationException(benchmark.DisplayInfo + " produced no measurement; see the BenchmarkDotNet log above.");
            results.Add(new MicroResult(
                benchmark.Descriptor.WorkloadMethod.Name,
                benchmark.Parameters.Items.FirstOrDefault()?.Value?.ToString(),
                report.ResultStatistics.Mean,
                report.GcStats.GetBytesAllocatedPerOperation(benchmark)));
        }
        return results;
    }
}

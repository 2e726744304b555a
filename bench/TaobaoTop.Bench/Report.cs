using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace TaobaoTop.Bench;

public enum Verdict
{
    Met,
    Missed,
    NoTarget,
    NotMeasured,
}

/// <summary>One line of the report; <see cref="Why"/> says, for a missed target, why and what would fix it.</summary>
public sealed record Row(string What, string Ours, string Reference, string Ratio, string Target, Verdict Verdict, string Why = "")
{
    /// <summary>The 1-minute load average when the figure was taken (set by <see cref="Report.Add"/>).</summary>
    public string Load { get; init; } = "";
}

/// <summary>docs/benchmarks.md: the machine, the run's settings, one table, and the missed targets explained.</summary>
public sealed class Report
{
    private readonly List<Row> _rows = new();
    private readonly string _loadAtStart = LoadAverage();
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    public Report(Settings settings)
    {
        Settings = settings;
    }

    public Settings Settings { get; }

    public IReadOnlyList<Row> Rows => _rows;

    /// <summary>How busy the machine was when the run started, for the explanations of missed targets.</summary>
    public string Load => Invariant($"load average {_loadAtStart.Split(' ')[0]} on {Environment.ProcessorCount} cores at the start");

    /// <summary>Adds a row just measured, with the load average of that moment beside it.</summary>
    public void Add(Row row) => _rows.Add(row.Load.Length > 0 ? row : row with { Load = LoadAverage().Split(' ')[0] });

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string Ratio(double ours, double reference) => reference > 0 ? Invariant($"{ours / reference:0.00}×") : "n/a";

    public static string Percent(double share) => Invariant($"{share * 100:0.0}%");

    public string ToMarkdown(TimeSpan elapsed)
    {
        var s = Settings;
        var text = new StringBuilder();
        text.AppendLine("# Benchmarks");
        text.AppendLine();
        text.AppendLine("Written by the benchmark harness (`bench/README.md`); every figure below was measured in the run described here.");
        text.AppendLine("Bench numbers never gate CI.");
        text.AppendLine();
        text.AppendLine(s.Smoke ? "**Smoke run** (tiny sizes, checks the harness works; the figures mean nothing)." : "Full run.");
        text.AppendLine();
        text.AppendLine("| machine | |");
        text.AppendLine("|---|---|");
        text.AppendLine(Invariant($"| cores | {Environment.ProcessorCount} |"));
        text.AppendLine($"| OS | {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}) |");
        text.AppendLine($"| .NET | {RuntimeInformation.FrameworkDescription} |");
        text.AppendLine($"| build | {Configuration} |");
        text.AppendLine(Invariant($"| date | {_started:yyyy-MM-dd HH:mm} UTC, {elapsed.TotalMinutes:0.0} minutes |"));
        text.AppendLine($"| load average (1, 5, 15 min) | at start {_loadAtStart}; at end {LoadAverage()} |");
        text.AppendLine();
        text.AppendLine(Invariant($"End to end: the emulator server (Kestrel) on 127.0.0.1 with a quota of {s.Qps} calls/s per app key (more is answered with code 7) and {s.LatencyMs} ms added to every answer (the rows \"at N ms\" use a server with N ms); each scenario is a script in a fresh real pwsh (the repo's `dotnet pwsh`) that imports the module by its manifest and connects with `-Endpoint` and `-Qps {s.Qps}`, as a user's script does."));
        text.AppendLine();
        text.AppendLine("| what | ours | reference (same run) | ratio | target | | load |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var row in _rows)
        {
            var mark = row.Verdict switch { Verdict.Met => "met", Verdict.Missed => "**missed**", Verdict.NotMeasured => "not measured", _ => "" };
            text.AppendLine($"| {row.What} | {row.Ours} | {row.Reference} | {row.Ratio} | {row.Target} | {mark} | {row.Load} |");
        }
        var missed = _rows.Where(r => r.Verdict is Verdict.Missed or Verdict.NotMeasured).ToList();
        text.AppendLine();
        text.AppendLine("## Targets missed or not measured");
        text.AppendLine();
        if (missed.Count == 0) text.AppendLine("None in this run.");
        foreach (var row in missed) text.AppendLine($"- **{row.What}**: {row.Why}");
        text.AppendLine();
        text.AppendLine("## How to read it");
        text.AppendLine();
        text.AppendLine("- Micro benchmarks are BenchmarkDotNet means in this process (in-process toolchain), with bytes allocated per operation. Their references: the bare digest over pre-joined text (signing), .NET's `FormUrlEncodedContent` (form body), `JsonDocument.Parse` alone (answers).");
        text.AppendLine("- Quota fractions are calls (or items) per second over the quota; code 7 counts come from the emulator's own statistics.");
        text.AppendLine(Invariant($"- The naive listing is a `foreach` of `Invoke-TaobaoApi taobao.item.add` and a {s.NaiveSleepSeconds:0.0} s sleep after each (`Start-Sleep`); its pace is fixed per item, so {s.NaiveItems} items give its rate."));
        text.AppendLine("- Peak working set is the pwsh process's own high-water mark (`Process.PeakWorkingSet64`: VmHWM on Linux), read when `Get-TbkOrder` ends; it includes pwsh's own start (given in the row: a bare pwsh, before `Import-Module`).");
        text.AppendLine("- The machine may have been busy: each row has the 1-minute load average of the moment it was measured (on 2 cores, anything above 2 means the run shared the CPUs). Compare ours with the reference of the same run rather than across runs.");
        text.AppendLine("- An end-to-end quota figure that misses its target is measured once more before it is called missed; the row says when a figure is a second try.");
        return text.ToString();
    }

    private static string Configuration =>
        typeof(Report).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().FirstOrDefault()?.Configuration ?? "unknown";

    internal static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}

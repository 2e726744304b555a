using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace TaobaoTop.Bench.EndToEnd;

/// <summary>PowerShell's engine in this process, with the built module imported by its manifest as a user does.</summary>
public sealed class HostedEngine : IDisposable
{
    private readonly Runspace _runspace;

    private HostedEngine(Runspace runspace)
    {
        _runspace = runspace;
    }

    /// <summary>Opens a runspace; <paramref name="opened"/> is how long the engine took to start and run a first script.</summary>
    public static HostedEngine Open(out TimeSpan opened)
    {
        var clock = Stopwatch.StartNew();
        var runspace = RunspaceFactory.CreateRunspace(new BenchHost(), InitialSessionState.CreateDefault2());
        runspace.Open();
        var engine = new HostedEngine(runspace);
        engine.Run("$null = 1");
        opened = clock.Elapsed;
        return engine;
    }

    public static HostedEngine OpenWithModule()
    {
        var engine = Open(out _);
        engine.ImportModule();
        return engine;
    }

    public void ImportModule() => Run($"Import-Module '{RepoPaths.Manifest}' -ErrorAction Stop");

    public void Connect(string endpoint, double qps) => Run(
        $"Connect-TaobaoTop -AppKey '{Emulator.EmulatorDefaults.DemoAppKey}' -AppSecret '{Emulator.EmulatorDefaults.DemoAppSecret}' " +
        $"-Session '{Emulator.EmulatorDefaults.DemoSession}' -Endpoint '{endpoint}' -Qps {qps.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    /// <summary>Runs a script that must not fail or write errors; returns its output.</summary>
    public Collection<PSObject> Run(string script)
    {
        var output = Run(script, out var errors);
        if (errors.Count > 0) throw new InvalidOperationException("The script wrote errors:\n" + string.Join("\n", errors.Take(5)) + "\n" + script);
        return output;
    }

    /// <summary>Runs a script; its non-terminating errors come back for the caller to count.</summary>
    public Collection<PSObject> Run(string script, out IReadOnlyList<ErrorRecord> errors)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        var output = ps.Invoke();
        errors = ps.Streams.Error.ToList();
        return output;
    }

    public void Dispose() => _runspace.Dispose();
}

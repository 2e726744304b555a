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

    public void ImportModule() => Run($"Import-Module '{RepoPaths.Manifest}' -ErrorAction Stop");

    /// <summary>Runs a script that must not fail or write errors; returns its output.</summary>
    public Collection<PSObject> Run(string script)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        var output = ps.Invoke();
        if (ps.Streams.Error.Count > 0) throw new InvalidOperationException("The script wrote errors:\n" + string.Join("\n", ps.Streams.Error.Take(5)) + "\n" + script);
        return output;
    }

    public void Dispose() => _runspace.Dispose();
}

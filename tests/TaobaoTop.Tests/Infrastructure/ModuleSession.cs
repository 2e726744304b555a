using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace TaobaoTop.Tests.Infrastructure;

/// <summary>
/// A PowerShell runspace on the real engine that has imported the built module folder by its manifest, as a user does.
/// </summary>
public sealed class ModuleSession : IDisposable
{
    private readonly Runspace _runspace;

    public ModuleSession(bool import = true, int width = 120)
    {
        Host = new TestHost(width);
        var state = InitialSessionState.CreateDefault2();
        _runspace = RunspaceFactory.CreateRunspace(Host, state);
        _runspace.Open();
        if (import) Run($"Import-Module '{ModulePaths.Manifest}' -ErrorAction Stop").ThrowOnError();
    }

    public TestHost Host { get; }

    /// <summary>Runs a script; errors stay in the result for the test to look at.</summary>
    public ScriptResult Run(string script)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        Collection<PSObject> output;
        Exception? terminating = null;
        try
        {
            output = ps.Invoke();
        }
        catch (RuntimeException ex)
        {
            output = new Collection<PSObject>();
            terminating = ex;
        }
        return new ScriptResult(
            output.ToList(),
            ps.Streams.Error.ToList(),
            ps.Streams.Warning.Select(w => w.Message).ToList(),
            ps.Streams.Verbose.Select(v => v.Message).ToList(),
            ps.Streams.Debug.Select(d => d.Message).ToList(),
            ps.Streams.Information.Select(i => i.MessageData?.ToString() ?? string.Empty).ToList(),
            terminating,
            ps.Streams.Progress.Select(p => p.Activity + ": " + p.StatusDescription).ToList());
    }

    /// <summary>Runs a script that must not fail, and returns its output.</summary>
    public List<PSObject> Ok(string script) => Run(script).ThrowOnError().Output;

    public void Dispose() => _runspace.Dispose();
}

public sealed record ScriptResult(
    List<PSObject> Output,
    List<ErrorRecord> Errors,
    List<string> Warnings,
    List<string> Verbose,
    List<string> Debug,
    List<string> Information,
    Exception? Terminating,
    List<string>? Progress = null)
{
    public ScriptResult ThrowOnError()
    {
        if (Terminating != null) throw new Xunit.Sdk.XunitException("The script stopped: " + Terminating);
        if (Errors.Count > 0) throw new Xunit.Sdk.XunitException("The script wrote errors:\n" + string.Join("\n", Errors.Select(e => e.ToString() + " [" + e.FullyQualifiedErrorId + "]")));
        return this;
    }

    /// <summary>Every message of every stream and the terminating error, as one text.</summary>
    public string AllText => string.Join("\n",
        Output.Select(o => o?.ToString() ?? string.Empty)
            .Concat(Errors.Select(e => e + " " + e.Exception + " " + e.ErrorDetails?.Message + " " + e.TargetObject))
            .Concat(Warnings).Concat(Verbose).Concat(Debug).Concat(Information)
            .Append(Terminating?.ToString() ?? string.Empty));
}

public static class ModulePaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ModuleFolder => Path.Combine(RepoRoot, "out", "TaobaoTop");

    public static string Manifest => Path.Combine(ModuleFolder, "TaobaoTop.psd1");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TaobaoTop.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("TaobaoTop.sln not found above " + AppContext.BaseDirectory);
    }
}

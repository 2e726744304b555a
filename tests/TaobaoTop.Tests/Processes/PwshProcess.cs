using System.Diagnostics;
using System.Text;
using TaobaoTop.Tests.Infrastructure;

namespace TaobaoTop.Tests.Processes;

/// <summary>
/// A separate pwsh process (the repo's local tool, <c>dotnet pwsh</c>) that has imported the built module: for what
/// only another process shows (OS locks, kill -9).
/// </summary>
public sealed class PwshProcess : IDisposable
{
    private static readonly Lazy<bool> Restored = new(() => Run("dotnet", "tool restore") == 0);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PwshProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Starts pwsh on a script that runs after <c>Import-Module</c> of out/TaobaoTop.</summary>
    public static PwshProcess Start(string script)
    {
        if (!Restored.Value) throw new InvalidOperationException("dotnet tool restore failed in " + ModulePaths.RepoRoot);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ModulePaths.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-Command", $"$ErrorActionPreference = 'Stop'; Import-Module '{ModulePaths.Manifest}'; {script}" })
            start.ArgumentList.Add(arg);
        return new PwshProcess(Process.Start(start)!);
    }

    /// <summary>kill -9: no finally blocks, no Dispose, no flush.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>
    /// Waits for the exit and then for the last lines: with a timeout, <see cref="Process.WaitForExit(TimeSpan)"/>
    /// returns before the output handlers have seen the end of the streams, so the last line could still be missing.
    /// </summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout)) return false;
        _process.WaitForExit();
        return true;
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private static int Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = ModulePaths.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }
}

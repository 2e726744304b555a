using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace TaobaoTop.Runner;

/// <summary>Runs script text in the runspace with its output rendered by Out-Default and its errors printed as they come.</summary>
public sealed class ScriptRunner
{
    private readonly Runspace _runspace;
    private readonly ConsoleHost _host;

    public ScriptRunner(Runspace runspace, ConsoleHost host)
    {
        _runspace = runspace;
        _host = host;
    }

    /// <summary>$LASTEXITCODE after the last run: a script file's <c>exit N</c> lands there.</summary>
    public int? LastExitCode { get; private set; }

    /// <summary>False when the script stopped on a terminating error or wrote any error record.</summary>
    public bool Run(string script)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript("$global:LASTEXITCODE = 0").Invoke();
        ps.Commands.Clear();
        ps.AddScript(script).AddCommand("Out-Default");
        var errors = 0;
        ps.Streams.Error.DataAdded += (_, e) =>
        {
            errors++;
            _host.UI.WriteErrorLine(ErrorView.Render(ps.Streams.Error[e.Index]));
        };

        ConsoleCancelEventHandler stop = (_, e) =>
        {
            e.Cancel = true;
            ps.BeginStop(null, null);
        };
        Console.CancelKeyPress += stop;
        try
        {
            ps.Invoke();
        }
        catch (RuntimeException ex)
        {
            errors++;
            _host.UI.WriteErrorLine(ErrorView.Render(ex.ErrorRecord));
        }
        finally
        {
            Console.CancelKeyPress -= stop;
            _host.ClearProgress();
        }

        ps.Commands.Clear();
        LastExitCode = ps.AddScript("$global:LASTEXITCODE").Invoke().FirstOrDefault()?.BaseObject as int?;
        return errors == 0;
    }
}

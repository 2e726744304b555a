using System.Globalization;
using System.Management.Automation.Host;

namespace TaobaoTop.Runner;

/// <summary>The runner's PSHost: the process console, and the exit code a top-level <c>exit N</c> asks for.</summary>
public sealed class ConsoleHost : PSHost
{
    private readonly ConsoleHostUserInterface _ui = new();

    public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override string Name => "TaobaoTop.Runner";

    public override PSHostUserInterface UI => _ui;

    public override Version Version => typeof(ConsoleHost).Assembly.GetName().Version ?? new Version(0, 1);

    /// <summary>Set when the script ran <c>exit N</c> outside a script file.</summary>
    public int? ExitCode { get; private set; }

    public override void SetShouldExit(int exitCode) => ExitCode = exitCode;

    public override void EnterNestedPrompt() => throw new NotSupportedException("The runner has no interactive prompt.");

    public override void ExitNestedPrompt() => throw new NotSupportedException("The runner has no interactive prompt.");

    public override void NotifyBeginApplication() { }

    public override void NotifyEndApplication() { }

    /// <summary>False when output is redirected or NO_COLOR is set: the engine must then write no ANSI sequences.</summary>
    public bool UsesColour => _ui.UsesColour;

    public void ClearProgress() => _ui.ClearProgress();
}

using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Internal;
using System.Security;

namespace TaobaoTop.Runner;

/// <summary>
/// Writes what a pwsh console shows: output, prefixed verbose/warning/debug lines, errors on stderr, a one-line
/// progress on a terminal. Colours only on a terminal, and never with NO_COLOR set.
/// </summary>
internal sealed class ConsoleHostUserInterface : PSHostUserInterface
{
    private readonly ConsoleRawUserInterface _raw = new();
    private readonly object _lock = new();
    private readonly bool _interactive = !Console.IsOutputRedirected;
    private readonly bool _colour = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
    private bool _progressShown;

    public override PSHostRawUserInterface RawUI => _raw;

    public bool UsesColour => _colour;

    public override bool SupportsVirtualTerminal => _colour;

    public override void Write(string value) => Emit(Console.Out, null, value);

    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Emit(Console.Out, foregroundColor, value);

    public override void WriteLine(string value) => Emit(Console.Out, null, value + Environment.NewLine);

    public override void WriteErrorLine(string value) => Emit(Console.Error, ConsoleColor.Red, value + Environment.NewLine);

    public override void WriteVerboseLine(string message) => Emit(Console.Out, ConsoleColor.Yellow, "VERBOSE: " + message + Environment.NewLine);

    public override void WriteWarningLine(string message) => Emit(Console.Out, ConsoleColor.Yellow, "WARNING: " + message + Environment.NewLine);

    public override void WriteDebugLine(string message) => Emit(Console.Out, ConsoleColor.Yellow, "DEBUG: " + message + Environment.NewLine);

    /// <summary>Write-Information with InformationPreference Continue; Write-Host comes through Write/WriteLine.</summary>
    public override void WriteInformation(InformationRecord record)
    {
        if (!record.Tags.Contains("PSHOST")) WriteLine(record.MessageData?.ToString() ?? string.Empty);
    }

    public override void WriteProgress(long sourceId, ProgressRecord record)
    {
        if (!_interactive) return;
        if (record.RecordType == ProgressRecordType.Completed)
        {
            ClearProgress();
            return;
        }
        var percent = record.PercentComplete >= 0 ? $" {record.PercentComplete}%" : string.Empty;
        var line = $"{record.Activity}: {record.StatusDescription}{percent}";
        var width = ConsoleRawUserInterface.Width - 1;
        if (line.Length > width) line = line[..width];
        lock (_lock)
        {
            Console.Out.Write("\r" + line.PadRight(width));
            _progressShown = true;
        }
    }

    /// <summary>Removes the progress line so the next output starts on a clean line.</summary>
    public void ClearProgress()
    {
        lock (_lock)
        {
            if (!_progressShown) return;
            Console.Out.Write("\r" + new string(' ', ConsoleRawUserInterface.Width - 1) + "\r");
            _progressShown = false;
        }
    }

    public override string ReadLine() => Console.ReadLine() ?? string.Empty;

    public override SecureString ReadLineAsSecureString()
    {
        var secure = new SecureString();
        foreach (var c in ReadLine()) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
        => throw NoPrompts(string.Join(", ", descriptions.Select(d => d.Name)));

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        => throw NoPrompts(message);

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName)
        => throw NoPrompts(message);

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options)
        => throw NoPrompts(message);

    private static PSInvalidOperationException NoPrompts(string what)
        => new("The runner does not prompt (" + what + "): pass it as a parameter, or add -Confirm:$false.");

    private void Emit(TextWriter writer, ConsoleColor? colour, string text)
    {
        lock (_lock)
        {
            ClearProgress();
            if (_colour && colour.HasValue)
            {
                Console.ForegroundColor = colour.Value;
                writer.Write(text);
                Console.ResetColor();
            }
            else
            {
                // Format views still carry $PSStyle's ANSI sequences: pwsh's own host strips them the same way.
                writer.Write(_colour ? text : new StringDecorated(text).ToString(OutputRendering.PlainText));
            }
        }
    }
}

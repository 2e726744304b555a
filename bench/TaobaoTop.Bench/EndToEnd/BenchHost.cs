using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace TaobaoTop.Bench.EndToEnd;

/// <summary>A host that discards what a console would print (progress, warnings), so the hosted import measures the module, not a terminal.</summary>
public sealed class BenchHost : PSHost
{
    private readonly Ui _ui = new();

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override string Name => "TaobaoTop.BenchHost";

    public override PSHostUserInterface UI => _ui;

    public override Version Version => new(1, 0);

    public override void EnterNestedPrompt() => throw new NotSupportedException();

    public override void ExitNestedPrompt() => throw new NotSupportedException();

    public override void NotifyBeginApplication() { }

    public override void NotifyEndApplication() { }

    public override void SetShouldExit(int exitCode) { }

    private sealed class Ui : PSHostUserInterface
    {
        public override PSHostRawUserInterface? RawUI => null;

        public override Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions) => throw NoPrompt();

        public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice) => throw NoPrompt();

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw NoPrompt();

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw NoPrompt();

        public override string ReadLine() => throw NoPrompt();

        public override SecureString ReadLineAsSecureString() => throw NoPrompt();

        public override void Write(string value) { }

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }

        public override void WriteLine(string value) { }

        public override void WriteErrorLine(string value) { }

        public override void WriteDebugLine(string message) { }

        public override void WriteProgress(long sourceId, ProgressRecord record) { }

        public override void WriteVerboseLine(string message) { }

        public override void WriteWarningLine(string message) { }

        private static PSInvalidOperationException NoPrompt() => new("The benchmark host cannot prompt or read input.");
    }
}

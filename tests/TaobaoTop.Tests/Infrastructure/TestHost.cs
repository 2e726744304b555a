using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace TaobaoTop.Tests.Infrastructure;

/// <summary>A PSHost that writes what a console would show into a buffer, at a fixed width, with no prompts.</summary>
public sealed class TestHost : PSHost
{
    private readonly TestHostUserInterface _ui;

    public TestHost(int width = 120)
    {
        _ui = new TestHostUserInterface(width);
    }

    /// <summary>Everything written to the console: Out-Default tables, Write-Host, and so on.</summary>
    public string Console => _ui.Text;

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override string Name => "TaobaoTop.TestHost";

    public override PSHostUserInterface UI => _ui;

    public override Version Version => new(1, 0);

    public override void EnterNestedPrompt() => throw new NotSupportedException();

    public override void ExitNestedPrompt() => throw new NotSupportedException();

    public override void NotifyBeginApplication() { }

    public override void NotifyEndApplication() { }

    public override void SetShouldExit(int exitCode) { }

    private sealed class TestHostUserInterface : PSHostUserInterface
    {
        private readonly StringBuilder _text = new();
        private readonly TestRawUserInterface _raw;

        public TestHostUserInterface(int width)
        {
            _raw = new TestRawUserInterface(width);
        }

        public string Text { get { lock (_text) return _text.ToString(); } }

        public override PSHostRawUserInterface RawUI => _raw;

        public override Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions)
            => throw new PSInvalidOperationException("The test host cannot prompt: " + message);

        public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice)
            => throw new PSInvalidOperationException("The test host cannot prompt: " + message);

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName)
            => throw new PSInvalidOperationException("The test host cannot prompt: " + message);

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options)
            => throw new PSInvalidOperationException("The test host cannot prompt: " + message);

        public override string ReadLine() => throw new PSInvalidOperationException("The test host cannot read input.");

        public override SecureString ReadLineAsSecureString() => throw new PSInvalidOperationException("The test host cannot read input.");

        public override void Write(string value) { lock (_text) _text.Append(value); }

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Write(value);

        public override void WriteLine(string value) => Write(value + "\n");

        public override void WriteErrorLine(string value) => Write(value + "\n");

        public override void WriteDebugLine(string message) => Write("DEBUG: " + message + "\n");

        public override void WriteProgress(long sourceId, ProgressRecord record) { }

        public override void WriteVerboseLine(string message) => Write("VERBOSE: " + message + "\n");

        public override void WriteWarningLine(string message) => Write("WARNING: " + message + "\n");
    }

    private sealed class TestRawUserInterface : PSHostRawUserInterface
    {
        private Size _buffer;

        public TestRawUserInterface(int width)
        {
            _buffer = new Size(width, 9999);
        }

        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

        public override Size BufferSize { get => _buffer; set => _buffer = value; }

        public override Coordinates CursorPosition { get; set; }

        public override int CursorSize { get; set; }

        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.White;

        public override bool KeyAvailable => false;

        public override Size MaxPhysicalWindowSize => _buffer;

        public override Size MaxWindowSize => _buffer;

        public override Coordinates WindowPosition { get; set; }

        public override Size WindowSize { get => new(_buffer.Width, 50); set { } }

        public override string WindowTitle { get; set; } = string.Empty;

        /// <summary>As a console counts: a Chinese character takes two cells, so tables are padded as users see them.</summary>
        public override int LengthInBufferCells(string source) => source.Sum(LengthInBufferCells);

        public override int LengthInBufferCells(string source, int offset) => source.Skip(offset).Sum(LengthInBufferCells);

        public override int LengthInBufferCells(char source) => ConsoleCells.Of(source);

        public override void FlushInputBuffer() { }

        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();

        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();

        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }

        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }

        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
    }
}

/// <summary>Console cells of a character: East Asian wide and fullwidth characters take two.</summary>
public static class ConsoleCells
{
    public static int Of(char c)
        => c >= 0x1100 && (c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6)) ? 2 : 1;

    public static int Of(string text) => text.Sum(Of);
}

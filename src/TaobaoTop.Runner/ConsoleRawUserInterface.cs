using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Internal;

namespace TaobaoTop.Runner;

/// <summary>Sizes and colours of the process console; a fixed width when output goes to a file or a pipe.</summary>
internal sealed class ConsoleRawUserInterface : PSHostRawUserInterface
{
    public const int RedirectedWidth = 120;

    public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

    public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

    public override Size BufferSize
    {
        get => new(Width, 9999);
        set { }
    }

    public override Size WindowSize
    {
        get => new(Width, Console.IsOutputRedirected ? 50 : Math.Max(Console.WindowHeight, 1));
        set { }
    }

    public override Size MaxWindowSize => WindowSize;

    public override Size MaxPhysicalWindowSize => WindowSize;

    public override Coordinates CursorPosition { get; set; }

    public override Coordinates WindowPosition { get; set; }

    public override int CursorSize { get; set; }

    public override bool KeyAvailable => !Console.IsInputRedirected && Console.KeyAvailable;

    public override string WindowTitle { get; set; } = string.Empty;

    /// <summary>The terminal's width (tables and wrapping follow it), or 120 when redirected.</summary>
    public static int Width
    {
        get
        {
            if (Console.IsOutputRedirected) return RedirectedWidth;
            var width = Console.WindowWidth;
            return width > 0 ? width : RedirectedWidth;
        }
    }

    // Tables pad and cut by these: a Chinese character takes two cells of the terminal.
    public override int LengthInBufferCells(string source) => LengthInBufferCells(source, 0);

    public override int LengthInBufferCells(string source, int offset)
    {
        var visible = new StringDecorated(source.Substring(offset)).ToString(OutputRendering.PlainText);
        return visible.Sum(LengthInBufferCells);
    }

    public override int LengthInBufferCells(char source) => IsWide(source) ? 2 : 1;

    /// <summary>East Asian wide and full-width ranges, as pwsh's console host counts them.</summary>
    private static bool IsWide(char c)
        => c >= 0x1100 && (c <= 0x115f || c == 0x2329 || c == 0x232a
            || (c >= 0x2e80 && c <= 0xa4cf && c != 0x303f)
            || (c >= 0xac00 && c <= 0xd7a3)
            || (c >= 0xf900 && c <= 0xfaff)
            || (c >= 0xfe30 && c <= 0xfe6f)
            || (c >= 0xff00 && c <= 0xff60)
            || (c >= 0xffe0 && c <= 0xffe6));

    public override KeyInfo ReadKey(ReadKeyOptions options)
    {
        var key = Console.ReadKey((options & ReadKeyOptions.NoEcho) != 0);
        return new KeyInfo((int)key.Key, key.KeyChar, ControlKeyStates.NumLockOn, keyDown: true);
    }

    public override void FlushInputBuffer() { }

    public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException("The runner cannot read the console buffer.");

    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }

    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }

    public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
}

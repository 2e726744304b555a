namespace TaobaoTop.Runner;

/// <summary>
/// <c>[-Emulator] (-Command &lt;text&gt; | &lt;script.ps1&gt; [script arguments])</c>; everything after the script path
/// belongs to the script.
/// </summary>
public sealed record RunnerArguments(bool Emulator, string? Command, string? ScriptPath, IReadOnlyList<string> ScriptArguments)
{
    public const string Usage = """
        usage: dotnet run --project src/TaobaoTop.Runner -- [-Emulator] <script.ps1> [arguments]
               dotnet run --project src/TaobaoTop.Runner -- [-Emulator] -Command '<PowerShell text>'

          -Emulator   run Connect-TaobaoTop -Emulator before the script (the in-memory gateway, no account needed)
          -Command    run the given text instead of a script file

        Exit code: the script's `exit N` (a script file's $LASTEXITCODE); otherwise 1 when it stopped on an error or
        wrote any error record, 0 when not.
        """;

    public static RunnerArguments? Parse(IReadOnlyList<string> args)
    {
        var emulator = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (Is(arg, "-Emulator"))
            {
                emulator = true;
            }
            else if (Is(arg, "-Command") || Is(arg, "-c"))
            {
                if (i + 1 >= args.Count) return null;
                return new RunnerArguments(emulator, string.Join(" ", args.Skip(i + 1)), null, Array.Empty<string>());
            }
            else if (arg.StartsWith('-'))
            {
                return null;
            }
            else
            {
                return new RunnerArguments(emulator, null, arg, args.Skip(i + 1).ToArray());
            }
        }
        return null;
    }

    private static bool Is(string arg, string name) => string.Equals(arg, name, StringComparison.OrdinalIgnoreCase);
}

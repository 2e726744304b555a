namespace TaobaoTop.Tests.Infrastructure;

/// <summary>
/// Script text that writes every property of an object (the engine package has no Format-List or Out-String):
/// what a user would see with Format-List * and the default view.
/// </summary>
public static class ShowEverything
{
    public static string Script(string expression)
        => $"{expression} | Out-Default; {expression}.PSObject.Properties | ForEach-Object {{ '{{0}} = {{1}}' -f $_.Name, $_.Value }}; [string]{expression}";
}

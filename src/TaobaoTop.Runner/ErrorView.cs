using System.Management.Automation;

namespace TaobaoTop.Runner;

/// <summary>An error as pwsh's concise view shows it, plus the category and target line of its normal view.</summary>
public static class ErrorView
{
    public static string Render(ErrorRecord error)
    {
        var message = error.ErrorDetails?.Message ?? error.Exception?.Message ?? error.ToString();
        var command = error.InvocationInfo?.MyCommand?.Name;
        var head = string.IsNullOrEmpty(command) || message.StartsWith(command + ":", StringComparison.OrdinalIgnoreCase) ? message : command + ": " + message;
        return head + Environment.NewLine
            + "    CategoryInfo          : " + error.CategoryInfo.GetMessage() + Environment.NewLine
            + "    FullyQualifiedErrorId : " + error.FullyQualifiedErrorId;
    }
}

using System.Text;

namespace TaobaoTop.HelpCompiler;

/// <summary>
/// docs/about_X.md → about_X.help.txt, the plain-text layout Get-Help shows: headings in capitals at the margin,
/// text indented four spaces, code eight.
/// </summary>
public static class AboutTopic
{
    public static string Convert(string markdown)
    {
        var text = new StringBuilder();
        var inFence = false;
        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }
            if (inFence) text.Append("        ").AppendLine(line);
            else if (line.StartsWith("# ", StringComparison.Ordinal)) text.AppendLine("TOPIC").Append("    ").AppendLine(line[2..].Trim()).AppendLine();
            else if (line.StartsWith("## ", StringComparison.Ordinal)) text.AppendLine(line[3..].Trim().ToUpperInvariant());
            else if (line.StartsWith("### ", StringComparison.Ordinal)) text.Append("  ").AppendLine(line[4..].Trim().ToUpperInvariant());
            else if (line.Length == 0) text.AppendLine();
            else text.Append("    ").AppendLine(line.Replace("`", string.Empty));
        }
        return text.ToString();
    }
}

using System.Text.RegularExpressions;

namespace TaobaoTop.HelpCompiler;

public sealed record HelpExample(string Title, string Code, IReadOnlyList<string> Remarks);

public sealed record TypeNote(string TypeName, IReadOnlyList<string> Description);

public sealed record HelpLink(string Text, string Uri);

/// <summary>The prose of one platyPS-style page, docs/cmdlets/&lt;Name&gt;.md.</summary>
public sealed class CmdletDoc
{
    public string Name { get; private set; } = string.Empty;

    public List<string> Synopsis { get; } = new();

    public List<string> Description { get; } = new();

    public List<HelpExample> Examples { get; } = new();

    /// <summary>Parameter name (no dash) → description paragraphs, in page order.</summary>
    public List<KeyValuePair<string, List<string>>> Parameters { get; } = new();

    public List<TypeNote> Inputs { get; } = new();

    public List<TypeNote> Outputs { get; } = new();

    public List<string> Notes { get; } = new();

    public List<HelpLink> RelatedLinks { get; } = new();

    /// <summary>Problems found while reading: an example without code, a section in the wrong place.</summary>
    public List<string> Problems { get; } = new();

    public List<string>? ParameterDescription(string name)
        => Parameters.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static CmdletDoc Parse(string markdown)
    {
        var doc = new CmdletDoc();
        var lines = StripFrontMatter(markdown.Replace("\r\n", "\n").Split('\n'));
        string? section = null;
        string? subsection = null;
        var block = new List<string>();

        void Flush()
        {
            doc.Take(section, subsection, block);
            block = new List<string>();
        }

        var inFence = false;
        foreach (var line in lines)
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) inFence = !inFence;
            if (!inFence && line.StartsWith("# ", StringComparison.Ordinal))
            {
                Flush();
                doc.Name = line[2..].Trim();
                section = subsection = null;
            }
            else if (!inFence && line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                section = line[3..].Trim().ToUpperInvariant();
                subsection = null;
            }
            else if (!inFence && line.StartsWith("### ", StringComparison.Ordinal))
            {
                Flush();
                subsection = line[4..].Trim();
            }
            else
            {
                block.Add(line);
            }
        }
        Flush();
        return doc;
    }

    private void Take(string? section, string? subsection, List<string> block)
    {
        var (code, prose) = Split(block);
        switch (section)
        {
            case null:
                break;
            case "SYNOPSIS":
                Synopsis.AddRange(prose);
                break;
            case "SYNTAX":
                // The syntax comes from the compiled cmdlet, never from the page.
                break;
            case "DESCRIPTION":
                Description.AddRange(prose);
                break;
            case "EXAMPLES":
                if (subsection is null) break;
                if (code is null) Problems.Add($"example \"{subsection}\" has no ```powershell code block");
                else Examples.Add(new HelpExample(subsection, code, prose));
                break;
            case "PARAMETERS":
                if (subsection is null || subsection == "CommonParameters") break;
                Parameters.Add(new(subsection.TrimStart('-'), prose));
                break;
            case "INPUTS":
                TakeTypeNote(Inputs, subsection, prose);
                break;
            case "OUTPUTS":
                TakeTypeNote(Outputs, subsection, prose);
                break;
            case "NOTES":
                Notes.AddRange(prose);
                break;
            case "RELATED LINKS":
                foreach (Match link in Regex.Matches(string.Join("\n", block), @"\[([^\]]+)\]\(([^)]*)\)"))
                {
                    RelatedLinks.Add(new HelpLink(link.Groups[1].Value, link.Groups[2].Value.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? link.Groups[2].Value : string.Empty));
                }
                break;
            default:
                Problems.Add($"unknown section ## {section}");
                break;
        }
    }

    private static void TakeTypeNote(List<TypeNote> notes, string? typeName, List<string> prose)
    {
        if (typeName != null) notes.Add(new TypeNote(typeName, prose));
        else if (prose.Count > 0) notes.Add(new TypeNote(prose[0], prose.Skip(1).ToList()));
    }

    /// <summary>A wrapped paragraph as one line: a line break is a space, except between two Chinese characters.</summary>
    private static string JoinLines(List<string> lines)
    {
        var text = new System.Text.StringBuilder(lines[0]);
        for (var i = 1; i < lines.Count; i++)
        {
            var next = lines[i].TrimStart();
            if (!(text.Length > 0 && next.Length > 0 && IsWide(text[text.Length - 1]) && IsWide(next[0]))) text.Append(' ');
            text.Append(next);
        }
        return text.ToString();
    }

    /// <summary>CJK ideographs, CJK punctuation and full-width forms: written without spaces between them.</summary>
    private static bool IsWide(char c) => (c >= '\u3000' && c <= '\u303f') || (c >= '\u4e00' && c <= '\u9fff') || (c >= '\uff00' && c <= '\uffef');

    /// <summary>The first fenced powershell block, and the prose paragraphs (other fenced blocks, e.g. platyPS yaml, dropped).</summary>
    private static (string? Code, List<string> Prose) Split(List<string> block)
    {
        string? code = null;
        var prose = new List<string>();
        var paragraph = new List<string>();
        List<string>? fence = null;
        var fenceIsCode = false;

        void EndParagraph()
        {
            if (paragraph.Count > 0) prose.Add(JoinLines(paragraph));
            paragraph.Clear();
        }

        foreach (var raw in block)
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                if (fence is null)
                {
                    EndParagraph();
                    fence = new List<string>();
                    fenceIsCode = line.Trim().Trim('`').Trim().Equals("powershell", StringComparison.OrdinalIgnoreCase);
                }
                else
                {
                    if (fenceIsCode && code is null) code = string.Join("\n", fence);
                    fence = null;
                }
            }
            else if (fence != null)
            {
                fence.Add(raw);
            }
            else if (line.Length == 0)
            {
                EndParagraph();
            }
            else if (line.TrimStart().StartsWith("- ", StringComparison.Ordinal))
            {
                EndParagraph();
                paragraph.Add(line.Trim());
            }
            else
            {
                paragraph.Add(line.Trim());
            }
        }
        EndParagraph();
        return (code, prose);
    }

    private static IEnumerable<string> StripFrontMatter(string[] lines)
    {
        if (lines.Length == 0 || lines[0].Trim() != "---") return lines;
        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        return end < 0 ? lines : lines.Skip(end + 1);
    }
}

using System.Management.Automation.Language;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests;

/// <summary>
/// The scripts and data files that Windows PowerShell 5.1 reads: it takes a file without a BOM as the ANSI code page,
/// so Chinese text in one turns into mojibake there, and its parser lacks PowerShell 7's newer operators.
/// </summary>
public class PowerShellFileTests
{
    private static readonly string[] Extensions = { ".ps1", ".psm1", ".psd1" };
    private static readonly string[] Skipped = { "bin", "obj", "out", ".git", "TestResults" };

    public static IEnumerable<string> ScriptFiles() => Files(new DirectoryInfo(ModulePaths.RepoRoot))
        .Select(f => Path.GetRelativePath(ModulePaths.RepoRoot, f.FullName).Replace('\\', '/'))
        .OrderBy(f => f, StringComparer.Ordinal);

    [Fact]
    public void Every_script_with_non_ascii_text_is_utf8_with_a_bom()
    {
        var files = ScriptFiles().ToList();
        Assert.Contains("build.ps1", files);
        Assert.Contains("TaobaoTop.psd1", files);
        var withoutBom = files.Where(f =>
        {
            var bytes = File.ReadAllBytes(Path.Combine(ModulePaths.RepoRoot, f));
            var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
            return !hasBom && bytes.Any(b => b > 0x7F);
        }).ToList();
        Assert.True(withoutBom.Count == 0, "Non-ASCII text without a UTF-8 BOM (Windows PowerShell 5.1 reads these as ANSI):\n" + string.Join("\n", withoutBom));
    }

    [Fact]
    public void Every_script_parses_and_uses_no_syntax_that_windows_powershell_lacks()
    {
        var problems = new List<string>();
        foreach (var file in ScriptFiles())
        {
            var ast = Parser.ParseFile(Path.Combine(ModulePaths.RepoRoot, file), out _, out var errors);
            problems.AddRange(errors.Select(e => $"{file}:{e.Extent.StartLineNumber}: {e.Message}"));
            problems.AddRange(ast.FindAll(IsPowerShell7Only, searchNestedScriptBlocks: true)
                .Select(node => $"{file}:{node.Extent.StartLineNumber}: '{node.Extent.Text}' needs PowerShell 7"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static bool IsPowerShell7Only(Ast node) => node switch
    {
        TernaryExpressionAst => true,
        PipelineChainAst => true,
        BinaryExpressionAst binary => binary.Operator == TokenKind.QuestionQuestion,
        AssignmentStatementAst assignment => assignment.Operator == TokenKind.QuestionQuestionEquals,
        MemberExpressionAst member => member.NullConditional,
        IndexExpressionAst index => index.NullConditional,
        _ => false,
    };

    private static IEnumerable<FileInfo> Files(DirectoryInfo folder)
    {
        foreach (var file in folder.EnumerateFiles().Where(f => Extensions.Contains(f.Extension, StringComparer.OrdinalIgnoreCase))) yield return file;
        foreach (var sub in folder.EnumerateDirectories().Where(d => !Skipped.Contains(d.Name)))
        {
            foreach (var file in Files(sub)) yield return file;
        }
    }
}

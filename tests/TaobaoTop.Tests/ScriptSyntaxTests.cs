using System.Management.Automation.Language;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests;

/// <summary>
/// The Pester scenarios, the examples and build.ps1 run where pwsh is installed, not in CI: CI at least makes sure the
/// real engine's parser accepts every one of them.
/// </summary>
public class ScriptSyntaxTests
{
    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "tests/Pester", "examples" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(ModulePaths.RepoRoot, folder), "*.ps1")) data.Add(Path.GetRelativePath(ModulePaths.RepoRoot, file));
        }
        data.Add("build.ps1");
        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void The_script_parses(string relativePath)
    {
        Parser.ParseFile(Path.Combine(ModulePaths.RepoRoot, relativePath), out _, out var errors);
        Assert.True(errors.Length == 0, relativePath + ":\n" + string.Join("\n", errors.Select(e => $"line {e.Extent.StartLineNumber}: {e.Message}")));
    }

    [Fact]
    public void The_pester_scenarios_use_pester_5_blocks()
    {
        var files = Directory.GetFiles(Path.Combine(ModulePaths.RepoRoot, "tests", "Pester"), "*.Tests.ps1");
        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            var text = File.ReadAllText(file);
            Assert.Contains("#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }", text);
            Assert.Contains("BeforeAll {", text);
            Assert.Contains("Describe '", text);
            Assert.Contains("Should -", text);
        });
    }
}

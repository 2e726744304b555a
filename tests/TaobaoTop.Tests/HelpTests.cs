using System.Xml.Linq;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests;

/// <summary>
/// The help a user reads with Get-Help, compiled from docs/cmdlets at build time: complete for every exported cmdlet,
/// and its examples really run against the emulator.
/// </summary>
public class HelpTests
{
    [Fact]
    public void Every_exported_cmdlet_has_a_synopsis_a_description_every_parameter_described_and_two_examples()
    {
        using var session = new ModuleSession();
        var gaps = session.Ok("""
            $common = [System.Management.Automation.Cmdlet]::CommonParameters
            foreach ($cmdlet in (Get-Module TaobaoTop).ExportedCmdlets.Values) {
                $name = $cmdlet.Name
                $page = "docs/cmdlets/$name.md"
                $help = Get-Help $name -Full
                if (-not $help.description) { "${name}: no help at all (no DESCRIPTION): write $page"; continue }
                if (-not "$($help.Synopsis)".Trim() -or "$($help.Synopsis)".StartsWith("$name ")) { "${name}: no SYNOPSIS in $page" }
                $described = @{}
                foreach ($parameter in @($help.parameters.parameter)) {
                    if ($parameter -and (@($parameter.description) | ForEach-Object { $_.Text }) -join '' -ne '') { $described[$parameter.name] = $true }
                }
                foreach ($parameter in $cmdlet.Parameters.Keys) {
                    if ($common -notcontains $parameter -and -not $described[$parameter]) { "${name}: parameter -$parameter is not described in $page" }
                }
                $examples = @($help.examples.example).Where({ $_ -and "$($_.code)".Trim() })
                if ($examples.Count -lt 2) { "${name}: $($examples.Count) example(s) with code in $page, at least 2 are needed" }
            }
            """).Select(o => o.ToString()).ToList();
        Assert.True(gaps.Count == 0, "Help is missing:\n" + string.Join("\n", gaps));
    }

    [Fact]
    public void Every_exported_cmdlet_has_an_English_and_a_Chinese_help_page()
    {
        using var session = new ModuleSession();
        var exported = session.Ok("(Get-Module TaobaoTop).ExportedCmdlets.Keys").Select(o => o.ToString()).ToList();
        XNamespace command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        var missing = new List<string>();
        foreach (var culture in new[] { "en-US", "zh-CN" })
        {
            var maml = XDocument.Load(Path.Combine(ModulePaths.ModuleFolder, culture, "TaobaoTop.dll-Help.xml"));
            var pages = maml.Descendants(command + "details").Select(d => d.Element(command + "name")?.Value.Trim()).ToHashSet();
            missing.AddRange(exported.Where(name => !pages.Contains(name)).Select(name => $"{culture}: {name} (docs/{(culture == "en-US" ? "" : culture + "/")}cmdlets/{name}.md)"));
        }
        Assert.True(missing.Count == 0, $"{missing.Count} help pages are missing:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Chinese_help_joins_a_line_wrapped_between_Chinese_characters_without_a_space()
    {
        static bool Wide(char c) => (c >= '\u3000' && c <= '\u303f') || (c >= '\u4e00' && c <= '\u9fff') || (c >= '\uff00' && c <= '\uffef');
        var help = File.ReadAllText(Path.Combine(ModulePaths.ModuleFolder, "zh-CN", "TaobaoTop.dll-Help.xml"));
        var wraps = new List<string>();
        foreach (var page in Directory.EnumerateFiles(Path.Combine(ModulePaths.RepoRoot, "docs", "zh-CN", "cmdlets"), "*.md"))
        {
            var lines = File.ReadAllLines(page);
            for (var i = 1; i < lines.Length; i++)
            {
                var before = lines[i - 1].TrimEnd();
                var after = lines[i].TrimStart();
                if (before.Length >= 2 && after.Length >= 2 && Wide(before[^1]) && Wide(after[0]) && Wide(before[^2]) && Wide(after[1]))
                    wraps.Add(before[^2..] + after[..2]);
            }
        }
        Assert.NotEmpty(wraps);
        var broken = wraps.Where(joined => !help.Contains(joined)).ToList();
        Assert.True(broken.Count == 0, $"{broken.Count} of {wraps.Count} wrapped lines read with a space in Get-Help: " + string.Join(", ", broken.Take(10)));
    }

    [Fact]
    public void Every_example_runs_against_the_emulator_without_errors()
    {
        using var catalog = new ModuleSession();
        var examples = catalog.Ok("""
            foreach ($cmdlet in (Get-Module TaobaoTop).ExportedCmdlets.Values) {
                foreach ($example in @((Get-Help $cmdlet.Name).examples.example)) {
                    if ($example) { [pscustomobject]@{ Cmdlet = $cmdlet.Name; Title = "$($example.title)".Trim(' ', '-'); Code = "$($example.code)" } }
                }
            }
            """);
        Assert.NotEmpty(examples);

        var failures = new List<string>();
        foreach (var example in examples)
        {
            var cmdlet = (string)example.Properties["Cmdlet"].Value;
            var title = (string)example.Properties["Title"].Value;
            var code = (string)example.Properties["Code"].Value;
            using var session = new ModuleSession();
            session.Ok("Connect-TaobaoTop -Emulator");
            var result = session.Run(code);
            if (result.Terminating != null || result.Errors.Count > 0)
            {
                var why = result.Terminating?.Message ?? string.Join("; ", result.Errors.Select(e => e.ToString()));
                failures.Add($"{cmdlet}, {title}: {why}\n{code}");
            }
        }
        Assert.True(failures.Count == 0, "Examples that fail against Connect-TaobaoTop -Emulator:\n\n" + string.Join("\n\n", failures));
    }

    [Fact]
    public void Every_translated_example_runs_against_the_emulator_without_errors()
    {
        var english = ExampleCode("en-US").ToHashSet();
        var translated = Directory.EnumerateDirectories(ModulePaths.ModuleFolder, "??-??")
            .Where(d => Path.GetFileName(d) != "en-US")
            .SelectMany(d => ExampleCode(Path.GetFileName(d)))
            .Where(code => !english.Contains(code))
            .ToList();
        Assert.NotEmpty(translated);

        var failures = new List<string>();
        foreach (var code in translated)
        {
            using var session = new ModuleSession();
            session.Ok("Connect-TaobaoTop -Emulator");
            var result = session.Run(code);
            if (result.Terminating != null || result.Errors.Count > 0)
            {
                failures.Add((result.Terminating?.Message ?? string.Join("; ", result.Errors.Select(e => e.ToString()))) + "\n" + code);
            }
        }
        Assert.True(failures.Count == 0, "Translated examples that fail against Connect-TaobaoTop -Emulator:\n\n" + string.Join("\n\n", failures));
    }

    [Fact]
    public void Help_shows_the_syntax_and_parameter_facts_of_the_compiled_cmdlet()
    {
        using var session = new ModuleSession();
        var method = session.Ok("(Get-Help Invoke-TaobaoApi -Parameter Method)").Single();
        Assert.Equal("true", method.Properties["required"].Value?.ToString());
        Assert.Equal("0", method.Properties["position"].Value?.ToString());
        Assert.Equal("True (ByPropertyName)", method.Properties["pipelineInput"].Value?.ToString());

        var signMethod = session.Ok("Get-Help Connect-TaobaoTop -Parameter SignMethod").Single();
        Assert.Equal("hmac-sha256", signMethod.Properties["defaultValue"].Value?.ToString());

        var syntax = session.Ok("@((Get-Help Connect-TaobaoTop).syntax.syntaxItem).Count").Single();
        var parameterSets = session.Ok("(Get-Command Connect-TaobaoTop).ParameterSets.Count").Single();
        Assert.Equal(parameterSets.BaseObject, syntax.BaseObject);
    }

    private static IEnumerable<string> ExampleCode(string culture)
    {
        XNamespace dev = "http://schemas.microsoft.com/maml/dev/2004/10";
        var maml = XDocument.Load(Path.Combine(ModulePaths.ModuleFolder, culture, "TaobaoTop.dll-Help.xml"));
        return maml.Descendants(dev + "code").Select(c => c.Value);
    }

    [Fact]
    public void The_about_topic_explains_connecting_the_emulator_quotas_retries_and_errors()
    {
        var topic = File.ReadAllText(Path.Combine(ModulePaths.ModuleFolder, "en-US", "about_TaobaoTop.help.txt"));
        Assert.StartsWith("TOPIC", topic);
        foreach (var heading in new[] { "SHORT DESCRIPTION", "CONNECTING", "THE EMULATOR", "QUOTAS AND PACING", "RETRIES", "ERRORS" })
        {
            Assert.Contains(heading, topic);
        }
        Assert.Contains("Connect-TaobaoTop -Emulator", topic);
    }
}

using System.Management.Automation;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests;

public class ModuleManifestTests
{
    [Fact]
    public void The_manifest_passes_Test_ModuleManifest_and_declares_both_editions()
    {
        using var session = new ModuleSession(import: false);
        var manifest = session.Ok($"Test-ModuleManifest -Path '{ModulePaths.Manifest}' -ErrorAction Stop").Single();
        var editions = ((IEnumerable<string>)manifest.Properties["CompatiblePSEditions"].Value).ToArray();
        Assert.Equal(new[] { "Desktop", "Core" }, editions);
    }

    [Fact]
    public void The_manifest_lists_its_cmdlets_explicitly_and_exports_every_cmdlet_class_of_the_module()
    {
        using var session = new ModuleSession();
        var listed = session.Ok($"(Test-ModuleManifest -Path '{ModulePaths.Manifest}').ExportedCmdlets.Keys").Select(o => o.ToString()).OrderBy(n => n).ToArray();
        var implemented = session.Ok("""
            (Get-Module TaobaoTop).ImplementingAssembly.GetTypes() |
                ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
                ForEach-Object { $_.VerbName + '-' + $_.NounName }
            """).Select(o => o.ToString()).OrderBy(n => n).ToArray();
        var exported = session.Ok("(Get-Module TaobaoTop).ExportedCmdlets.Keys").Select(o => o.ToString()).OrderBy(n => n).ToArray();

        Assert.Contains("Connect-TaobaoTop", listed);
        Assert.Equal(implemented, listed);
        Assert.Equal(implemented, exported);
        Assert.DoesNotContain("'*'", File.ReadAllText(ModulePaths.Manifest));
    }

    [Fact]
    public void Every_cmdlet_uses_an_approved_verb()
    {
        using var session = new ModuleSession();
        var verbs = new[] { typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsDiagnostic), typeof(VerbsLifecycle), typeof(VerbsSecurity), typeof(VerbsOther) }
            .SelectMany(t => t.GetFields()).Select(f => (string)f.GetValue(null)!).ToHashSet();
        var used = session.Ok("Get-Command -Module TaobaoTop | ForEach-Object Verb").Select(o => o.ToString());
        Assert.All(used, verb => Assert.Contains(verb, verbs));
    }
}

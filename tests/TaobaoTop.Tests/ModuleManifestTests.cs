using System.Management.Automation;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests;

public class ModuleManifestTests
{
    private static readonly string[] Expected =
    {
        "Connect-TaobaoTop", "Disconnect-TaobaoTop", "Get-TaobaoTopContext", "Invoke-TaobaoApi", "Get-TaobaoApi", "Reset-TaobaoEmulator",
    };

    [Fact]
    public void The_manifest_passes_Test_ModuleManifest_and_declares_both_editions()
    {
        using var session = new ModuleSession(import: false);
        var manifest = session.Ok($"Test-ModuleManifest -Path '{ModulePaths.Manifest}' -ErrorAction Stop").Single();
        var editions = ((IEnumerable<string>)manifest.Properties["CompatiblePSEditions"].Value).ToArray();
        Assert.Equal(new[] { "Desktop", "Core" }, editions);
    }

    [Fact]
    public void The_module_exports_exactly_its_cmdlets_and_every_one_is_implemented()
    {
        using var session = new ModuleSession();
        var exported = session.Ok("(Get-Module TaobaoTop).ExportedCmdlets.Keys").Select(o => o.ToString()).OrderBy(n => n).ToArray();
        Assert.Equal(Expected.OrderBy(n => n), exported);
        var manifestText = File.ReadAllText(ModulePaths.Manifest);
        Assert.DoesNotContain("CmdletsToExport      = '*'", manifestText);
        Assert.All(Expected, name => Assert.Contains("'" + name + "'", manifestText));
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

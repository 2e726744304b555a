using TaobaoTop.Core.Catalog;
using TaobaoTop.Emulator;
using Xunit;

namespace TaobaoTop.Core.Tests;

public class CatalogTests
{
    /// <summary>The checked parameter table of the affiliate APIs (../shared/reference/tbk-api-params.tsv): method → required.</summary>
    private static Dictionary<string, string[]> ParamsTable()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root != null && !File.Exists(Path.Combine(root.FullName, "TaobaoTop.sln"))) root = root.Parent;
        Assert.NotNull(root);
        var path = Path.Combine(root!.FullName, "..", "shared", "reference", "tbk-api-params.tsv");
        return File.ReadLines(path).Skip(1).Select(line => line.Split('\t'))
            .ToDictionary(cells => cells[0], cells => cells[3].Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Every_api_of_the_parameter_table_is_in_the_catalog_with_its_required_parameters()
    {
        var wrong = new List<string>();
        foreach (var (method, required) in ParamsTable())
        {
            if (!TopApiCatalog.Default.TryGet(method, out var api)) wrong.Add(method + ": not in the catalog");
            else if (!api.RequiredParameters.OrderBy(p => p).SequenceEqual(required.OrderBy(p => p)))
                wrong.Add($"{method}: catalog {string.Join(",", api.RequiredParameters)}, table {string.Join(",", required)}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Missing_parameters_are_those_absent_or_empty()
    {
        Assert.True(TopApiCatalog.Default.TryGet("taobao.tbk.dg.vegas.tlj.stop", out var api));
        var given = new Dictionary<string, string?> { ["rights_id"] = "", ["other"] = "1" };
        Assert.Equal(new[] { "rights_id", "adzone_id" }, api.MissingParameters(given));
        given["rights_id"] = "abc";
        given["adzone_id"] = "3000001";
        Assert.Empty(api.MissingParameters(given));
    }

    [Fact]
    public void Every_api_the_emulator_models_has_its_writes_and_session_facts_in_the_catalog()
    {
        using var emulator = new TopEmulator();
        var wrong = new List<string>();
        foreach (var method in emulator.ModelledMethods)
        {
            Assert.True(emulator.TryGetModelled(method, out var modelled));
            if (!TopApiCatalog.Default.TryGet(method, out var api)) wrong.Add(method + ": not in the catalog");
            else
            {
                if (api.Writes != modelled.Writes) wrong.Add($"{method}: catalog writes {api.Writes}, emulator {modelled.Writes}");
                if ((api.Session == TopSessionRequirement.Required) != modelled.NeedsSession) wrong.Add($"{method}: catalog session {api.Session}, emulator needsSession {modelled.NeedsSession}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}

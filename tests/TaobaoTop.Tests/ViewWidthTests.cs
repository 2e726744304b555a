using System.Text.RegularExpressions;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests;

/// <summary>
/// Every default view at 80 and 120 columns: each header is a property of the object (so Where-Object and
/// Sort-Object work with what a user sees), every column fits with its header on one line, and no number is cut
/// from the left or link cut short.
/// </summary>
public class ViewWidthTests
{
    public static TheoryData<string, int> ViewsAndWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var view in FormatViews.Read(FormatViews.SourcePath))
        {
            data.Add(view.Name, 80);
            data.Add(view.Name, 120);
        }
        return data;
    }

    public static TheoryData<string> ViewNames() => ViewTests.ViewNames();

    [Theory]
    [MemberData(nameof(ViewNames))]
    public void Every_header_is_the_name_of_a_property_of_the_object(string viewName)
    {
        var view = FormatViews.Read(Path.Combine(ModulePaths.ModuleFolder, "TaobaoTop.format.ps1xml")).Single(v => v.Name == viewName);
        var labels = string.Join(",", view.Labels.Select(l => "'" + l + "'"));
        var console = ViewTests.RenderWithOnly(view, 120, $$"""
            $names = $items[0].PSObject.Properties.Name
            foreach ($label in @({{labels}})) { if ($names -notcontains $label) { "MISSING PROPERTY: $label" | Out-Default } }
            """);
        Assert.DoesNotContain("MISSING PROPERTY", console);
    }

    [Theory]
    [MemberData(nameof(ViewsAndWidths))]
    public void Every_column_fits_with_its_header_on_one_line_and_no_number_or_link_is_cut(string viewName, int width)
    {
        var view = FormatViews.Read(Path.Combine(ModulePaths.ModuleFolder, "TaobaoTop.format.ps1xml")).Single(v => v.Name == viewName);
        var console = ViewTests.RenderWithOnly(view, width);
        var lines = console.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.All(lines, l => Assert.True(ConsoleCells.Of(l) <= width, $"View {view.Name} at {width}: a line is wider than the console:\n{console}"));
        Assert.DoesNotMatch(new Regex(@"…[\d.,%]"), console);
        Assert.DoesNotMatch(new Regex(@"https?://\S*…"), console);
        if (!view.IsTable) return;
        var header = new Regex(@"^\s*" + string.Join(@"\s+", view.Labels.Select(Regex.Escape)) + "$");
        var at = lines.FindIndex(l => header.IsMatch(l));
        Assert.True(at >= 0, $"View {view.Name} at {width}: not every column fits with its header on one line '{string.Join(" ", view.Labels)}':\n{console}");
        Assert.False(string.IsNullOrWhiteSpace(lines[at + 2]), $"View {view.Name}: the table has no rows:\n{console}");
    }
}

using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests.Items;

public class CategoryCompletionTests
{
    [Fact]
    public void Category_ids_complete_from_the_connection_with_their_path_as_tooltip()
    {
        using var session = new ModuleSession();
        const string line = "Add-TaobaoItem -CategoryId 5000043";
        var completions = session.Ok($"Connect-TaobaoTop -Emulator; (TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches");
        var tshirt = Assert.Single(completions, c => (string)c.Properties["CompletionText"].Value == "50000436");
        Assert.Contains("T恤", (string)tshirt.Properties["ToolTip"].Value);
        Assert.Contains("›", (string)tshirt.Properties["ToolTip"].Value);
    }

    [Fact]
    public void Without_a_connection_there_is_nothing_to_complete_and_no_error()
    {
        using var session = new ModuleSession();
        const string line = "Add-TaobaoItem -CategoryId 5";
        var result = session.Run($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches.Count");
        result.ThrowOnError();
        Assert.Equal(0, result.Output.Single().BaseObject);
    }
}

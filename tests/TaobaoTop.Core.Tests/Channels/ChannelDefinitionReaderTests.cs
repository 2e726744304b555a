using System.Text;
using TaobaoTop.Core.Channels;
using Xunit;

namespace TaobaoTop.Core.Tests.Channels;

public class ChannelDefinitionReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taobaotop-channels-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(true));
        return path;
    }

    [Fact]
    public void Csv_takes_several_ids_per_cell_money_signs_and_channels_without_a_state()
    {
        var path = Write("channels.csv", "Channel,State,AdzoneId,RelationId,Cost\n小红书,xhs_note,3000001;3000002,,\"¥1,200.50\"\n导购站,,3000003,2700000001|2700000002,0\n");

        var channels = ChannelDefinitionReader.ReadFile(path);

        Assert.Equal(new[] { "小红书", "导购站" }, channels.Select(c => c.Name));
        Assert.Equal(new long[] { 3000001, 3000002 }, channels[0].AdzoneIds);
        Assert.Equal(1200.50m, channels[0].Cost);
        Assert.Null(channels[1].State);
        Assert.Equal(new long[] { 2700000001, 2700000002 }, channels[1].RelationIds);
    }

    [Fact]
    public void Csv_saved_by_Excel_in_GB18030_reads_too()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = Write("gbk.csv", "Channel,State,Cost\n抖音信息流,dy_feed,300\n", Encoding.GetEncoding("GB18030"));

        Assert.Equal("抖音信息流", ChannelDefinitionReader.ReadFile(path).Single().Name);
    }

    [Fact]
    public void Json_takes_ids_as_numbers_or_arrays()
    {
        var path = Write("channels.json", """[{"channel":"直播间","state":"live_room","adzoneIds":[3000001,3000002],"relationId":2700000001,"cost":"800"},{"channel":"门店","state":"store","cost":120.5}]""");

        var channels = ChannelDefinitionReader.ReadFile(path);

        Assert.Equal(new long[] { 3000001, 3000002 }, channels[0].AdzoneIds);
        Assert.Equal(new long[] { 2700000001 }, channels[0].RelationIds);
        Assert.Equal(800m, channels[0].Cost);
        Assert.Equal(120.5m, channels[1].Cost);
    }

    [Theory]
    [InlineData("Channel,State,AdzoneId,Cost\nA,a,1,10\nB,b,1,10\n", "adzone id 1 belongs to more than one channel")]
    [InlineData("Channel,State,Cost\nA,a,10\nB,a,10\n", "state a belongs to more than one channel")]
    [InlineData("Channel,State,Cost\nA,a,10\nB,b,ten\n", "line 3: 'ten' is not a cost")]
    [InlineData("Channel,State,Cost\nA,a,10\nB,b,\"1,2345\"\n", "line 3: '1,2345' is not a cost")]
    [InlineData("Channel,State,Cost\nA,a,10\nB,b,12.345\n", "line 3: '12.345' is not a cost")]
    [InlineData("Channel,State,AdzoneId\nA,a,12x\n", "line 2: '12x' is not an id")]
    [InlineData("Name,State\nA,a\n", "no Channel column")]
    public void Problems_name_the_file_and_line(string csv, string expected)
    {
        var path = Write("bad.csv", csv);

        var error = Assert.Throws<FormatException>(() => ChannelDefinitionReader.ReadFile(path));

        Assert.Contains(expected, error.Message);
        Assert.Contains("bad.csv", error.Message);
    }
}

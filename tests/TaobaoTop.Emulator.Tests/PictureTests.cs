using TaobaoTop.Tests.Items;
using System.Text.Json.Nodes;

namespace TaobaoTop.Emulator.Tests;

public class PictureTests : IDisposable
{
    private readonly Harness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static Dictionary<string, string> Fields(string? title = null)
    {
        var fields = new Dictionary<string, string> { ["picture_category_id"] = "0", ["image_input_title"] = "主图 800.png" };
        if (title != null) fields["title"] = title;
        return fields;
    }

    private Task<JsonObject> Upload(byte[] content, Dictionary<string, string>? fields = null, string part = "img")
        => _harness.Caller.UploadAsync("taobao.picture.upload", fields ?? Fields(), part, "main.png", content);

    [Fact]
    public async Task Uploaded_png_records_its_real_width_height_and_size()
    {
        var png = TestPictures.Png(800, 600);
        var picture = Answers.Success(await Upload(png), "picture_upload_response")["picture"]!;
        Assert.Equal("800x600", (string?)picture["pixel"]);
        Assert.Equal(png.Length, (long)picture["sizes"]!);
        Assert.Equal("主图 800", (string?)picture["title"]);
        Assert.True((long)picture["picture_id"]! > (1L << 53));
        Assert.Matches(@"^https://img\.alicdn\.com/imgextra/i\d/\d+/O1CN01[0-9a-f]+_!!\d+\.png$", (string)picture["picture_path"]!);
        Assert.Equal("2026-03-14 15:09:26", (string?)picture["created"]);
    }

    [Fact]
    public async Task Title_wins_over_the_file_name_and_is_cut_at_50_characters()
    {
        var picture = Answers.Success(await Upload(TestPictures.Png(2, 3), Fields(new string('图', 60))), "picture_upload_response")["picture"]!;
        Assert.Equal(new string('图', 50), (string?)picture["title"]);
        Assert.Equal("2x3", (string?)picture["pixel"]);
    }

    [Fact]
    public async Task Non_image_is_refused_with_upload_fail()
    {
        var error = Answers.Error(await Upload("this is not a picture at all, just text"u8.ToArray()));
        Assert.Equal(3, (int)error["code"]!);
        Assert.Equal("isv.invalid-parameter:img", (string?)error["sub_code"]);
    }

    [Fact]
    public async Task Picture_over_3MB_is_refused()
    {
        var png = TestPictures.Png(4, 4);
        var big = png.Concat(new byte[3 * 1024 * 1024]).ToArray();
        var error = Answers.Error(await Upload(big));
        Assert.Equal(3, (int)error["code"]!);
        Assert.Contains("3145728", (string)error["sub_msg"]!);
    }

    [Fact]
    public async Task File_part_must_be_named_img()
    {
        Answers.AssertError(await Upload(TestPictures.Png(4, 4), part: "image"), 40, "isv.missing-parameter:img");
    }

    [Fact]
    public async Task Text_parts_of_a_multipart_request_are_signed()
    {
        var fields = Fields();
        var system = _harness.Caller.SystemParameters("taobao.picture.upload");
        system["session"] = EmulatorDefaults.DemoSession;
        system["sign"] = TestCaller.Sign(system, EmulatorDefaults.DemoAppSecret, "md5");
        var form = new MultipartFormDataContent();
        foreach (var pair in fields) form.Add(new StringContent(pair.Value), pair.Key);
        form.Add(new ByteArrayContent(TestPictures.Png(4, 4)), "img", "a.png");
        using var http = new HttpClient(_harness.Emulator.CreateHandler());
        using var response = await http.PostAsync("http://emulator.test/router/rest?" + TestCaller.Encode(system), form);
        Answers.AssertError(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), 25);
    }

    [Fact]
    public async Task Item_add_accepts_an_image_part()
    {
        var fields = new Dictionary<string, string>
        {
            ["num"] = "1", ["price"] = "9.90", ["type"] = "fixed", ["stuff_status"] = "new", ["title"] = "带图商品",
            ["desc"] = "<p>带主图的测试商品</p>", ["location.state"] = "浙江", ["location.city"] = "杭州", ["cid"] = "1512",
        };
        var added = Answers.Success(await _harness.Caller.UploadAsync("taobao.item.add", fields, "image", "main.png", TestPictures.Png(10, 10)), "item_add_response");
        var numIid = (long)added["item"]!["num_iid"]!;
        var item = Answers.Success(await _harness.Caller.CallAsync("taobao.item.seller.get",
            new Dictionary<string, string> { ["num_iid"] = numIid.ToString(), ["fields"] = "pic_url" }), "item_seller_get_response")["item"]!;
        Assert.EndsWith(".png", (string)item["pic_url"]!);
    }

    private async Task<long> AddItemAsync()
    {
        var added = await _harness.Caller.CallAsync("taobao.item.add", new Dictionary<string, string>
        {
            ["num"] = "1", ["price"] = "9.90", ["type"] = "fixed", ["stuff_status"] = "new", ["title"] = "多图商品",
            ["desc"] = "<p>多张主图的测试商品</p>", ["location.state"] = "浙江", ["location.city"] = "杭州", ["cid"] = "1512",
        });
        return (long)Answers.Success(added, "item_add_response")["item"]!["num_iid"]!;
    }

    private Task<JsonObject> UploadItemImage(long numIid, byte[] content, Dictionary<string, string>? extra = null)
    {
        var fields = new Dictionary<string, string> { ["num_iid"] = numIid.ToString() };
        foreach (var pair in extra ?? new()) fields[pair.Key] = pair.Value;
        return _harness.Caller.UploadAsync("taobao.item.img.upload", fields, "image", "main.png", content);
    }

    [Fact]
    public async Task Item_images_are_added_up_to_5_and_the_major_one_becomes_the_main_picture()
    {
        var numIid = await AddItemAsync();
        var first = Answers.Success(await UploadItemImage(numIid, TestPictures.Png(5, 5)), "item_img_upload_response")["item_img"]!;
        Assert.Equal(0, (long)first["position"]!);
        var second = Answers.Success(await UploadItemImage(numIid, TestPictures.Png(6, 6), new() { ["is_major"] = "true" }), "item_img_upload_response")["item_img"]!;
        Assert.Equal(1, (long)second["position"]!);

        var item = Answers.Success(await _harness.Caller.CallAsync("taobao.item.seller.get",
            new Dictionary<string, string> { ["num_iid"] = numIid.ToString(), ["fields"] = "pic_url,item_img" }), "item_seller_get_response")["item"]!;
        Assert.Equal((string?)second["url"], (string?)item["pic_url"]);
        Assert.Equal(2, item["item_imgs"]!["item_img"]!.AsArray().Count);

        for (var i = 0; i < 3; i++) Answers.Success(await UploadItemImage(numIid, TestPictures.Png(4, 4)), "item_img_upload_response");
        Answers.AssertError(await UploadItemImage(numIid, TestPictures.Png(4, 4)), 15, "isv.item-img-count-exceeded");
    }

    [Fact]
    public async Task Item_image_can_be_moved_by_id_and_must_exist()
    {
        var numIid = await AddItemAsync();
        var image = Answers.Success(await UploadItemImage(numIid, TestPictures.Png(5, 5)), "item_img_upload_response")["item_img"]!;
        var moved = Answers.Success(await _harness.Caller.CallAsync("taobao.item.img.upload",
            new Dictionary<string, string> { ["num_iid"] = numIid.ToString(), ["id"] = ((long)image["id"]!).ToString(), ["position"] = "3" }), "item_img_upload_response")["item_img"]!;
        Assert.Equal(3, (long)moved["position"]!);
        Assert.Equal((string?)image["url"], (string?)moved["url"]);
        Answers.AssertError(await _harness.Caller.CallAsync("taobao.item.img.upload",
            new Dictionary<string, string> { ["num_iid"] = numIid.ToString(), ["id"] = "42" }), 15, "isv.item-img-not-exist");
        Answers.AssertError(await _harness.Caller.CallAsync("taobao.item.img.upload",
            new Dictionary<string, string> { ["num_iid"] = numIid.ToString() }), 40, "isv.missing-parameter:image");
    }

    [Fact]
    public async Task Item_image_refuses_gif()
    {
        var numIid = await AddItemAsync();
        var gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
        Answers.AssertError(await UploadItemImage(numIid, gif), 3, "isv.invalid-parameter:image");
        Assert.Equal("1x1", (string?)Answers.Success(await Upload(gif), "picture_upload_response")["picture"]!["pixel"]);
    }
}

using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Bench.Micro;

/// <summary>A material search as the pipeline signs and sends it: 8 system parameters and 4 business ones (12 in all).</summary>
public static class TypicalRequest
{
    public const string Secret = "taobaotop-emulator-secret";

    public static Dictionary<string, string?> Parameters(TopSignMethod method) => new(StringComparer.Ordinal)
    {
        ["method"] = "taobao.tbk.dg.material.optional.upgrade",
        ["app_key"] = "10000001",
        ["sign_method"] = method.ToWireName(),
        ["session"] = "6100demo0seller0session",
        ["timestamp"] = "2026-11-23 20:15:42",
        ["format"] = "json",
        ["v"] = "2.0",
        ["partner_id"] = "taobaotop-powershell",
        ["adzone_id"] = "3000001",
        ["q"] = "女装 连衣裙 夏季",
        ["page_no"] = "1",
        ["page_size"] = "100",
    };

    /// <summary>The typical request plus an item description of <paramref name="length"/> characters, Chinese and ASCII mixed.</summary>
    public static Dictionary<string, string?> WithDescription(TopSignMethod method, int length)
    {
        var parameters = Parameters(method);
        var text = new System.Text.StringBuilder(length);
        while (text.Length < length) text.Append("纯棉短袖T恤，舒适透气 100% cotton. ");
        parameters["desc"] = text.ToString(0, length);
        return parameters;
    }

    /// <summary>The bytes the signer digests, built once: what a signer that only hashed would cost.</summary>
    public static byte[] SignedText(TopSignMethod method)
    {
        var text = new System.Text.StringBuilder();
        if (method == TopSignMethod.Md5) text.Append(Secret);
        foreach (var pair in Parameters(method).OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append(pair.Key).Append(pair.Value);
        if (method == TopSignMethod.Md5) text.Append(Secret);
        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }
}

using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Bench.Micro;

public class SigningBenchmarks
{
    private Dictionary<string, string?> _parameters = null!;
    private byte[] _text = null!;
    private readonly byte[] _key = Encoding.UTF8.GetBytes(TypicalRequest.Secret);

    [Params(TopSignMethod.Md5, TopSignMethod.Hmac, TopSignMethod.HmacSha256)]
    public TopSignMethod Method { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _parameters = TypicalRequest.Parameters(Method);
        _text = TypicalRequest.SignedText(Method);
    }

    [Benchmark]
    public string Sign() => TopSigner.Sign(_parameters, TypicalRequest.Secret, Method);

    /// <summary>Reference: the digest alone over text already sorted and joined, the floor any signer pays.</summary>
    [Benchmark]
    public byte[] DigestOnly() => Method switch
    {
        TopSignMethod.Md5 => MD5.HashData(_text),
        TopSignMethod.Hmac => HMACMD5.HashData(_key, _text),
        _ => HMACSHA256.HashData(_key, _text),
    };
}

/// <summary>A request with a 4 KB item description: a signature's allocation must not grow with the text it signs.</summary>
public class LongSigningBenchmarks
{
    private readonly Dictionary<string, string?> _parameters = TypicalRequest.WithDescription(TopSignMethod.HmacSha256, 4096);

    [Benchmark]
    public string SignLong() => TopSigner.Sign(_parameters, TypicalRequest.Secret, TopSignMethod.HmacSha256);
}

public class FormBodyBenchmarks
{
    private readonly Dictionary<string, string?> _parameters = TypicalRequest.Parameters(TopSignMethod.HmacSha256);
    private readonly KeyValuePair<string, string>[] _framework =
        TypicalRequest.Parameters(TopSignMethod.HmacSha256).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!)).ToArray();

    [Benchmark]
    public byte[] Encode() => FormBody.Encode(_parameters);

    /// <summary>Reference: what .NET's own form content produces for the same pairs.</summary>
    [Benchmark]
    public byte[] FrameworkFormContent()
    {
        using var content = new FormUrlEncodedContent(_framework);
        return content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
    }
}

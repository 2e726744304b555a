using System.Security.Cryptography;
using System.Text;
using TaobaoTop.Core.WeCom;
using Xunit;

namespace TaobaoTop.Core.Tests.WeCom;

public class WeComCallbackCryptoTests
{
    // WeCom's published WXBizMsgCrypt samples (Sample.py / Sample.cs of the official callback SDKs).
    private const string SampleKey = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    private const string SampleCorp = "ww1436e0e65a779aee";

    [Fact]
    public void Signature_matches_the_published_sample()
    {
        Assert.Equal(
            "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3",
            WeComCallbackCrypto.Signature("QDG6eK", "1409659589", "263014780", "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ=="));
    }

    [Fact]
    public void Url_verification_decrypts_the_published_echostr()
    {
        var echo = "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==";
        var crypto = new WeComCallbackCrypto("hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo", SampleKey, SampleCorp);
        var signature = WeComCallbackCrypto.Signature("hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo", "1476416373", "47744683", echo);
        Assert.Equal("1288432023552776189", crypto.VerifyUrl(signature, "1476416373", "47744683", echo));
    }

    [Fact]
    public void The_published_message_sample_decrypts_to_its_xml()
    {
        const string Encrypted = "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+";
        var crypto = new WeComCallbackCrypto("QDG6eK", SampleKey, SampleCorp);
        var xml = crypto.Open(WeComCallbackCrypto.Signature("QDG6eK", "1409659813", "1372623149", Encrypted), "1409659813", "1372623149", Encrypted);
        Assert.Contains("<Content>你好</Content>", xml);
        Assert.Contains("ww1436e0e65a779aee", xml);
    }

    [Fact]
    public void A_bad_signature_another_receive_id_and_garbage_are_refused()
    {
        var sealedText = IndependentSeal("<xml/>", SampleKey, SampleCorp);
        var crypto = new WeComCallbackCrypto("tok", SampleKey, SampleCorp);
        var good = WeComCallbackCrypto.Signature("tok", "1", "2", sealedText);
        Assert.Equal("<xml/>", crypto.Open(good, "1", "2", sealedText));
        Assert.Throws<WeComCallbackException>(() => crypto.Open(good, "1", "3", sealedText));
        Assert.Throws<WeComCallbackException>(() => new WeComCallbackCrypto("tok", SampleKey, "ww_other_corp").Open(good, "1", "2", sealedText));
        var junk = Convert.ToBase64String(new byte[48]);
        Assert.Throws<WeComCallbackException>(() => crypto.Open(WeComCallbackCrypto.Signature("tok", "1", "2", junk), "1", "2", junk));
    }

    [Fact]
    public void Chinese_text_and_long_messages_survive_an_independent_encryption()
    {
        var crypto = new WeComCallbackCrypto("tok", SampleKey, SampleCorp);
        foreach (var length in new[] { 0, 1, 11, 12, 27, 28, 1000 })
        {
            var message = "<xml><State>渠道" + new string('码', length) + "</State></xml>";
            var sealedText = IndependentSeal(message, SampleKey, SampleCorp);
            Assert.Equal(message, crypto.Open(WeComCallbackCrypto.Signature("tok", "9", "8", sealedText), "9", "8", sealedText));
        }
    }

    /// <summary>The sending side written from the protocol text, with .NET's own padding over 32-byte blocks done by hand.</summary>
    private static string IndependentSeal(string message, string encodingAesKey, string receiveId)
    {
        var key = Convert.FromBase64String(encodingAesKey + "=");
        var body = Encoding.UTF8.GetBytes(message);
        var id = Encoding.UTF8.GetBytes(receiveId);
        var length = BitConverter.GetBytes(body.Length);
        if (BitConverter.IsLittleEndian) Array.Reverse(length);
        var plain = RandomNumberGenerator.GetBytes(16).Concat(length).Concat(body).Concat(id).ToList();
        var pad = 32 - plain.Count % 32;
        plain.AddRange(Enumerable.Repeat((byte)pad, pad));
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain.ToArray(), key[..16], PaddingMode.None));
    }
}

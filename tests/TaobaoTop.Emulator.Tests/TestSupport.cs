using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator;

namespace TaobaoTop.Emulator.Tests;

/// <summary>A clock the test moves by hand.</summary>
public sealed class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 3, 14, 15, 9, 26, TimeSpan.FromHours(8));

    public DateTimeOffset Now { get; set; } = Start;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>
/// A TOP client written for the tests, independent of the emulator's own signer: system parameters in the
/// query string, business parameters in a form body, md5/hmac/hmac-sha256 signatures as the SDKs compute them.
/// </summary>
public sealed class TestCaller
{
    private readonly HttpClient _http;

    public TestCaller(HttpMessageHandler handler, string baseAddress = "http://emulator.test")
    {
        _http = new HttpClient(handler) { BaseAddress = new Uri(baseAddress) };
    }

    public TestCaller(TopEmulator emulator) : this(emulator.CreateHandler())
    {
    }

    public string AppKey { get; set; } = EmulatorDefaults.DemoAppKey;
    public string Secret { get; set; } = EmulatorDefaults.DemoAppSecret;
    public string? Session { get; set; } = EmulatorDefaults.DemoSession;
    public string SignMethod { get; set; } = "md5";
    public Func<DateTimeOffset> Clock { get; set; } = () => TestClock.Start;

    public SortedDictionary<string, string> SystemParameters(string method) => new(StringComparer.Ordinal)
    {
        ["method"] = method,
        ["app_key"] = AppKey,
        ["timestamp"] = Clock().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss"),
        ["v"] = "2.0",
        ["sign_method"] = SignMethod,
        ["format"] = "json",
    };

    /// <summary>Signs and sends; <paramref name="adjust"/> may change the system parameters before signing.</summary>
    public async Task<JsonObject> CallAsync(string method, IDictionary<string, string>? business = null, Action<IDictionary<string, string>>? adjust = null)
    {
        using var response = await SendAsync(method, business, adjust);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public Task<HttpResponseMessage> SendAsync(string method, IDictionary<string, string>? business = null, Action<IDictionary<string, string>>? adjust = null)
    {
        var system = SystemParameters(method);
        if (Session != null) system["session"] = Session;
        adjust?.Invoke(system);
        var all = system.Concat(business ?? new Dictionary<string, string>()).ToList();
        if (!system.ContainsKey("sign")) system["sign"] = Sign(all, Secret, system.TryGetValue("sign_method", out var m) ? m : "md5");
        var request = new HttpRequestMessage(HttpMethod.Post, "/router/rest?" + Encode(system))
        {
            Content = new FormUrlEncodedContent(business ?? new Dictionary<string, string>()),
        };
        return _http.SendAsync(request);
    }

    /// <summary>Sends a multipart request: text parts are signed, file parts are not.</summary>
    public async Task<JsonObject> UploadAsync(string method, IDictionary<string, string> business, string fileParameter, string fileName, byte[] content)
    {
        var system = SystemParameters(method);
        if (Session != null) system["session"] = Session;
        system["sign"] = Sign(system.Concat(business), Secret, SignMethod);
        var form = new MultipartFormDataContent();
        foreach (var pair in business) form.Add(new StringContent(pair.Value, Encoding.UTF8), pair.Key);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, fileParameter, fileName);
        using var response = await _http.PostAsync("/router/rest?" + Encode(system), form);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public static string Encode(IEnumerable<KeyValuePair<string, string>> parameters)
        => string.Join("&", parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    public static string Sign(IEnumerable<KeyValuePair<string, string>> parameters, string secret, string signMethod)
    {
        var text = string.Concat(parameters.Where(p => p.Key != "sign" && p.Value.Length > 0).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + p.Value));
        var key = Encoding.UTF8.GetBytes(secret);
        var data = Encoding.UTF8.GetBytes(text);
        var digest = signMethod switch
        {
            "md5" => MD5.HashData(Encoding.UTF8.GetBytes(secret + text + secret)),
            "hmac" => HMACMD5.HashData(key, data),
            "hmac-sha256" => HMACSHA256.HashData(key, data),
            _ => throw new ArgumentException(signMethod),
        };
        return Convert.ToHexString(digest);
    }
}

public static class Answers
{
    public static JsonObject Error(JsonObject answer)
    {
        Assert.True(answer.ContainsKey("error_response"), "expected an error, got " + answer.ToJsonString());
        return answer["error_response"]!.AsObject();
    }

    public static void AssertError(JsonObject answer, int code, string? subCode = null)
    {
        var error = Error(answer);
        Assert.Equal(code, (int)error["code"]!);
        if (subCode != null) Assert.Equal(subCode, (string?)error["sub_code"]);
    }

    public static JsonObject Success(JsonObject answer, string root)
    {
        Assert.False(answer.ContainsKey("error_response"), "expected success, got " + answer.ToJsonString());
        return answer[root]!.AsObject();
    }
}

/// <summary>An emulator on a hand-moved clock with a caller signed in as the demo seller.</summary>
public sealed class Harness : IDisposable
{
    public Harness(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { Clock = () => Clock.Now };
        configure?.Invoke(options);
        Emulator = new TopEmulator(options);
        Caller = NewCaller();
    }

    public TestClock Clock { get; } = new();

    public TopEmulator Emulator { get; }

    public TestCaller Caller { get; }

    public TestCaller NewCaller() => new(Emulator) { Clock = () => Clock.Now };

    public void Dispose() => Emulator.Dispose();
}

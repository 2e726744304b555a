using System.Net;
using System.Text;

namespace TaobaoTop.Core.Tests;

/// <summary>A gateway stand-in that answers from a script and records what it received.</summary>
public sealed class ScriptedGateway : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _answers = new();

    public List<ReceivedRequest> Received { get; } = new();

    public ScriptedGateway Answer(string json) => Then(_ => Json(json));

    public ScriptedGateway Then(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        _answers.Enqueue(answer);
        return this;
    }

    public ScriptedGateway Throw(Exception exception) => Then(_ => throw exception);

    public static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK)
        => new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Func<HttpRequestMessage, HttpResponseMessage> answer;
        // Calls may come at once (a category and its properties): one at a time takes the next answer.
        lock (_answers)
        {
            Received.Add(new ReceivedRequest(request.Method, request.RequestUri!, request.Content?.Headers.ContentType?.ToString(), body));
            if (_answers.Count == 0) throw new InvalidOperationException("The script has no answer left for " + request.RequestUri);
            answer = _answers.Dequeue();
        }
        return answer(request);
    }
}

public sealed record ReceivedRequest(HttpMethod Method, Uri Uri, string? ContentType, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public Dictionary<string, string> Query => Decode(Uri.Query.TrimStart('?'));

    public Dictionary<string, string> Form => Decode(BodyText);

    public static Dictionary<string, string> Decode(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=');
            result[Uri.UnescapeDataString(pair[..at].Replace('+', ' '))] = Uri.UnescapeDataString(pair[(at + 1)..].Replace('+', ' '));
        }
        return result;
    }
}

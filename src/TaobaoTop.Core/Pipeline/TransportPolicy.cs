using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>
    /// The last step: POSTs system parameters in the query string and business parameters in the body (form or
    /// multipart, as the official SDKs do), waits at most the connection's timeout, and parses the answer.
    /// </summary>
    public sealed class TransportPolicy : TopPipelinePolicy
    {
        private readonly HttpClient _http;

        public TransportPolicy(HttpClient http)
        {
            _http = http;
        }

        public override async Task ProcessAsync(TopMessage message, Func<Task> next)
        {
            var api = message.Request.Method;
            message.Report(TopCallEventKind.Sending);
            using (var request = BuildRequest(message))
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(message.CancellationToken))
            {
                timeout.CancelAfter(message.Options.Timeout);
                ArraySegment<byte> body;
                HttpStatusCode status;
                string? reason;
                try
                {
                    using (var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false))
                    {
                        status = response.StatusCode;
                        reason = response.ReasonPhrase;
                        body = response.Content is null ? new ArraySegment<byte>(Array.Empty<byte>()) : await ReadBytes(api, response.Content, message.Options.MaxAnswerBytes, timeout.Token).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException ex) when (!message.CancellationToken.IsCancellationRequested)
                {
                    throw new TopTransportException(api, $"{api}: no answer within {message.Options.Timeout.TotalSeconds:0.#} s; the call may have been carried out.", null, true, ex);
                }
                catch (System.IO.IOException ex)
                {
                    // The connection broke while the answer was being read: the call reached the gateway.
                    throw new TopTransportException(api, $"{api}: network error talking to {message.Options.Endpoint.Host}: {message.Redact(Flatten(ex))}; the call may have been carried out.", null, true, ex);
                }
                catch (HttpRequestException ex)
                {
                    var refused = IsRefusedBeforeSending(ex);
                    var text = $"{api}: network error talking to {message.Options.Endpoint.Host}: {message.Redact(Flatten(ex))}";
                    throw new TopTransportException(api, refused ? text : text + "; the call may have been carried out.", null, !refused, ex);
                }

                if ((int)status < 200 || (int)status > 299)
                {
                    var excerpt = message.Redactor.Excerpt(Encoding.UTF8.GetString(body.Array!, body.Offset, body.Count));
                    throw new TopTransportException(
                        api,
                        $"{api}: the gateway answered HTTP {(int)status} {reason}" + (excerpt.Length > 0 ? ": " + excerpt : " with an empty body"),
                        (int)status,
                        (int)status != 503 && (int)status != 429);
                }

                message.Response = TopResponseParser.Parse(api, body, message.Redactor);
            }

            await next().ConfigureAwait(false);
        }

        internal static HttpRequestMessage BuildRequest(TopMessage message)
        {
            var system = message.SystemParameters;
            var uri = new UriBuilder(message.Options.Endpoint);
            var query = FormBody.EncodeToString(system);
            uri.Query = string.IsNullOrEmpty(uri.Query) || uri.Query == "?" ? query : uri.Query.TrimStart('?') + "&" + query;

            var request = new HttpRequestMessage(HttpMethod.Post, uri.Uri);
            request.Headers.Accept.ParseAdd("application/json");
            // .NET Framework's handler copies this onto the ServicePoint: no 100-continue round trip before the body.
            request.Headers.ExpectContinue = false;
            var business = Business(message.Request.Parameters, system);
            request.Content = message.Request.Files.Count == 0 ? FormContent(business) : MultipartContent(business, message.Request.Files);
            return request;
        }

        private static IEnumerable<KeyValuePair<string, string?>> Business(IDictionary<string, string?> parameters, IDictionary<string, string?> system)
        {
            foreach (var pair in parameters)
            {
                if (!system.ContainsKey(pair.Key) && !string.IsNullOrEmpty(pair.Value)) yield return pair;
            }
        }

        private static HttpContent FormContent(IEnumerable<KeyValuePair<string, string?>> business)
        {
            var content = new ByteArrayContent(FormBody.Encode(business));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(FormBody.ContentType);
            return content;
        }

        private static HttpContent MultipartContent(IEnumerable<KeyValuePair<string, string?>> business, IDictionary<string, TopFile> files)
        {
            var content = new MultipartFormDataContent("----TaobaoTop" + Guid.NewGuid().ToString("N"));
            foreach (var pair in business)
            {
                var part = new ByteArrayContent(Encoding.UTF8.GetBytes(pair.Value!));
                part.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain;charset=UTF-8");
                part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(pair.Key) };
                content.Add(part);
            }
            foreach (var file in files)
            {
                var part = new ByteArrayContent(file.Value.Content);
                part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.Value.ContentType);
                part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(file.Key), FileName = Quote(file.Value.FileName) };
                content.Add(part);
            }
            return content;
        }

        private static string Quote(string text) => "\"" + text.Replace("\"", "") + "\"";

        /// <summary>The body's bytes, read no further than <paramref name="limit"/> bytes; parsed from bytes, never copied to text first.</summary>
        private static async Task<ArraySegment<byte>> ReadBytes(string api, HttpContent content, long limit, CancellationToken cancellationToken)
        {
            if (content.Headers.ContentLength > limit) throw TooLarge(api, limit);
            using (var stream = await content.ReadAsStreamAsync().ConfigureAwait(false))
            using (var buffer = new System.IO.MemoryStream())
            {
                var chunk = new byte[81920];
                int read;
                while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > limit) throw TooLarge(api, limit);
                    buffer.Write(chunk, 0, read);
                }
                return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
            }
        }

        private static TopResponseException TooLarge(string api, long limit)
            => new TopResponseException(api, string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "{0}: the answer is larger than {1:0.#} MB (the client's MaxAnswerBytes), so it was not read; no real TOP answer is that large. Ask for fewer fields or a smaller page.",
                api, limit / 1048576.0), null);

        /// <summary>Whether the request never left the machine: .NET says so with a SocketException, .NET Framework
        /// (HttpWebRequest underneath) with a WebException status, and without a SocketException for a failed look-up.</summary>
        private static bool IsRefusedBeforeSending(Exception ex)
        {
            for (var inner = ex.InnerException; inner != null; inner = inner.InnerException)
            {
                if (inner is WebException web)
                {
                    return web.Status == WebExceptionStatus.ConnectFailure || web.Status == WebExceptionStatus.NameResolutionFailure
                        || web.Status == WebExceptionStatus.ProxyNameResolutionFailure;
                }
                if (inner is SocketException socket)
                {
                    return socket.SocketErrorCode == SocketError.ConnectionRefused || socket.SocketErrorCode == SocketError.HostNotFound
                        || socket.SocketErrorCode == SocketError.NetworkUnreachable || socket.SocketErrorCode == SocketError.HostUnreachable;
                }
            }
            return false;
        }

        private static string Flatten(Exception ex)
        {
            var text = ex.Message;
            for (var inner = ex.InnerException; inner != null; inner = inner.InnerException)
            {
                if (!text.Contains(inner.Message)) text += " " + inner.Message;
            }
            return text;
        }
    }
}

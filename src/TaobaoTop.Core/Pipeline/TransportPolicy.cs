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
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Pipeline
{
    /// <summary>
    /// The last step, the same for every service: sends the call's HTTP request, waits at most the connection's
    /// timeout, reads the answer (no further than its size limit) and hands it to the call. Tells a request that never
    /// left the machine (refused, no such host) from one whose answer was lost; the service's classifier makes the error.
    /// </summary>
    public sealed class TransportPolicy : IPipelinePolicy<ServiceCall>
    {
        private readonly HttpClient _http;
        private readonly ResponseClassifier _classifier;

        public TransportPolicy(HttpClient http, ResponseClassifier classifier)
        {
            _http = http;
            _classifier = classifier;
        }

        public async Task ProcessAsync(ServiceCall call, Func<Task> next)
        {
            var api = call.Api;
            var options = call.ClientOptions;
            call.Report(CallEventKind.Sending);
            using (var request = call.CreateHttpRequest())
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(call.CancellationToken))
            {
                timeout.CancelAfter(options.Timeout);
                ArraySegment<byte> body;
                HttpStatusCode status;
                string? reason;
                try
                {
                    using (var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false))
                    {
                        status = response.StatusCode;
                        reason = response.ReasonPhrase;
                        body = response.Content is null ? new ArraySegment<byte>(Array.Empty<byte>()) : await ReadBytes(call, response.Content, options.MaxAnswerBytes, timeout.Token).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException ex) when (!call.CancellationToken.IsCancellationRequested)
                {
                    throw _classifier.NoAnswer(call, CoreText.Format("NoAnswerWithin", api, options.Timeout.TotalSeconds), sent: true, ex);
                }
                catch (System.IO.IOException ex)
                {
                    // The connection broke while the answer was being read: the call reached the service.
                    throw _classifier.NoAnswer(call, CoreText.Format("NetworkError", api, options.Endpoint.Host, call.Redact(Flatten(ex))) + CoreText.Get("MayHaveBeenCarriedOut"), sent: true, ex);
                }
                catch (HttpRequestException ex)
                {
                    var refused = IsRefusedBeforeSending(ex);
                    var text = CoreText.Format("NetworkError", api, options.Endpoint.Host, call.Redact(Flatten(ex)));
                    throw _classifier.NoAnswer(call, refused ? text : text + CoreText.Get("MayHaveBeenCarriedOut"), sent: !refused, ex);
                }

                if ((int)status < 200 || (int)status > 299)
                {
                    var excerpt = call.Redactor.Excerpt(Encoding.UTF8.GetString(body.Array!, body.Offset, body.Count));
                    throw _classifier.HttpError(call, CoreText.Format("HttpStatus", api, (int)status, reason) + (excerpt.Length > 0 ? CoreText.Format("HttpBody", excerpt) : CoreText.Get("HttpEmptyBody")), (int)status);
                }

                call.ReadAnswer(body);
            }

            await next().ConfigureAwait(false);
        }

        /// <summary>The body's bytes, read no further than <paramref name="limit"/> bytes; parsed from bytes, never copied to text first.</summary>
        private async Task<ArraySegment<byte>> ReadBytes(ServiceCall call, HttpContent content, long limit, CancellationToken cancellationToken)
        {
            if (content.Headers.ContentLength > limit) throw TooLarge(call, limit);
            using (var stream = await content.ReadAsStreamAsync().ConfigureAwait(false))
            using (var buffer = new System.IO.MemoryStream())
            {
                var chunk = new byte[81920];
                int read;
                while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > limit) throw TooLarge(call, limit);
                    buffer.Write(chunk, 0, read);
                }
                return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
            }
        }

        private ServiceException TooLarge(ServiceCall call, long limit)
            => _classifier.Unreadable(call, CoreText.Format("AnswerTooLarge", call.Api, limit / 1048576.0), null);

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

using System;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace TaobaoTop.Core.Protocol
{
    /// <summary>
    /// A successful answer, unwrapped from its <c>&lt;api&gt;_response</c> root. It keeps the bytes as they came;
    /// <see cref="Body"/> and <see cref="RawJson"/> are made from them when first asked for, so a reader that parses
    /// the bytes into typed objects (order pages) pays for neither.
    /// </summary>
    public sealed class TopResponse
    {
        private readonly ReadOnlyMemory<byte> _utf8;
        private readonly object _lock = new object();
        private JsonElement? _body;
        private string? _rawJson;

        public TopResponse(string api, JsonElement body, string rawJson, string? requestId)
        {
            Api = api;
            _body = body;
            _rawJson = rawJson;
            _utf8 = Encoding.UTF8.GetBytes(rawJson);
            RequestId = requestId;
        }

        /// <param name="utf8">The whole answer, already checked to be a JSON object that is not an error.</param>
        internal TopResponse(string api, ReadOnlyMemory<byte> utf8, string? requestId, ITopAnswerReader? model = null)
        {
            Api = api;
            _utf8 = utf8;
            RequestId = requestId;
            Model = model;
        }

        /// <summary>The request's own reader after it read the answer (see <see cref="TopRequest.AnswerReader"/>); null when the answer had another shape.</summary>
        public ITopAnswerReader? Model { get; }

        public string Api { get; }

        /// <summary>The object inside the root wrapper (detached from any document; safe to keep).</summary>
        public JsonElement Body
        {
            get
            {
                lock (_lock)
                {
                    if (_body is null)
                    {
                        using (var document = JsonDocument.Parse(_utf8))
                        {
                            _body = TopResponseParser.Unwrap(document.RootElement, Api).Clone();
                        }
                    }
                    return _body.Value;
                }
            }
        }

        /// <summary>The body exactly as the gateway sent it.</summary>
        public string RawJson
        {
            get
            {
                lock (_lock)
                {
                    return _rawJson ??= MemoryMarshal.TryGetArray(_utf8, out var bytes)
                        ? Encoding.UTF8.GetString(bytes.Array!, bytes.Offset, bytes.Count)
                        : Encoding.UTF8.GetString(_utf8.ToArray());
                }
            }
        }

        /// <summary>The answer's UTF-8 bytes as the gateway sent them, for readers that parse them directly.</summary>
        public ReadOnlyMemory<byte> Utf8 => _utf8;

        public string? RequestId { get; }

        public override string ToString() => $"{Api} (request_id {RequestId})";
    }
}

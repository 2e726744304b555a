using System.Text.Json;

namespace TaobaoTop.Core.Protocol
{
    /// <summary>A successful answer, unwrapped from its <c>&lt;api&gt;_response</c> root.</summary>
    public sealed class TopResponse
    {
        public TopResponse(string api, JsonElement body, string rawJson, string? requestId)
        {
            Api = api;
            Body = body;
            RawJson = rawJson;
            RequestId = requestId;
        }

        public string Api { get; }

        /// <summary>The object inside the root wrapper (detached from any document; safe to keep).</summary>
        public JsonElement Body { get; }

        /// <summary>The body exactly as the gateway sent it.</summary>
        public string RawJson { get; }

        public string? RequestId { get; }

        public override string ToString() => $"{Api} (request_id {RequestId})";
    }
}

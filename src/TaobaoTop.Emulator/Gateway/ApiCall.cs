using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace TaobaoTop.Emulator.Gateway
{
    /// <summary>A file part of a multipart request.</summary>
    public sealed class UploadedFile
    {
        public UploadedFile(string fileName, string contentType, byte[] content)
        {
            FileName = fileName;
            ContentType = contentType;
            Content = content;
        }

        public string FileName { get; }

        public string ContentType { get; }

        public byte[] Content { get; }
    }

    /// <summary>One API call that passed the gateway's protocol checks.</summary>
    public sealed class ApiCall
    {
        public ApiCall(
            string method,
            IReadOnlyDictionary<string, string> parameters,
            IReadOnlyDictionary<string, UploadedFile> files,
            string appKey,
            string? sessionUser,
            bool simplify,
            DateTimeOffset now)
        {
            Method = method;
            Parameters = parameters;
            Files = files;
            AppKey = appKey;
            SessionUser = sessionUser;
            Simplify = simplify;
            Now = now;
        }

        public string Method { get; }

        /// <summary>Business parameters (system parameters removed).</summary>
        public IReadOnlyDictionary<string, string> Parameters { get; }

        public IReadOnlyDictionary<string, UploadedFile> Files { get; }

        public string AppKey { get; }

        /// <summary>The user (seller nick / promoter) the session belongs to; null when no session was sent.</summary>
        public string? SessionUser { get; }

        public bool Simplify { get; }

        /// <summary>The emulator's clock (TOP time, +08:00).</summary>
        public DateTimeOffset Now { get; }

        public string? Optional(string name) => Parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

        /// <summary>The value, or code 40 Missing Required Arguments naming the parameter, as TOP answers.</summary>
        public string Required(string name) => Optional(name) ?? throw TopApiException.MissingArgument(name);

        /// <summary>
        /// A list in TOP's JSON shape: <c>{"elementName":[…]}</c> normally, the bare array with <c>simplify=true</c>.
        /// </summary>
        public JsonNode List(string elementName, IEnumerable<JsonNode> items)
        {
            var array = new JsonArray();
            foreach (var item in items) array.Add(item);
            return Simplify ? (JsonNode)array : new JsonObject { [elementName] = array };
        }
    }
}

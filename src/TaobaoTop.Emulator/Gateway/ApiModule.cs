using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace TaobaoTop.Emulator.Gateway
{
    /// <summary>A group of emulated APIs with the state behind them (seller items, affiliate, OAuth…).</summary>
    public interface IApiModule
    {
        /// <summary>Adds this module's APIs to the gateway.</summary>
        void Register(ApiRegistry registry);

        /// <summary>Throws away all state and seeds it again; the same seed and clock give the same state.</summary>
        void Reset(int seed, DateTimeOffset now);

        /// <summary>The module's state for the optional JSON state file; null when it keeps none worth saving.</summary>
        JsonNode? SaveState();

        void LoadState(JsonNode state);
    }

    /// <summary>Answers one API call: returns the body that goes inside <c>&lt;api&gt;_response</c>, or throws <see cref="TopApiException"/>.</summary>
    public delegate JsonObject ApiHandler(ApiCall call);

    public sealed class ApiRegistration
    {
        public ApiRegistration(string method, bool needsSession, bool writes, ApiHandler handler)
        {
            Method = method;
            NeedsSession = needsSession;
            Writes = writes;
            Handler = handler;
        }

        public string Method { get; }

        public bool NeedsSession { get; }

        /// <summary>True when the call changes state: the "answer lost after the write" fault applies to it.</summary>
        public bool Writes { get; }

        public ApiHandler Handler { get; }
    }

    public sealed class ApiRegistry
    {
        private readonly Dictionary<string, ApiRegistration> _apis = new Dictionary<string, ApiRegistration>(StringComparer.Ordinal);

        public void Add(string method, bool needsSession, bool writes, ApiHandler handler)
            => _apis[method] = new ApiRegistration(method, needsSession, writes, handler);

        public bool TryGet(string method, out ApiRegistration registration) => _apis.TryGetValue(method, out registration!);

        public IEnumerable<string> Methods => _apis.Keys;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace TaobaoTop.Emulator.Gateway
{
    /// <summary>Who a session belongs to, for which app, until when (null: never expires).</summary>
    internal sealed class SessionOwner
    {
        public SessionOwner(string appKey, string userNick, long userId, DateTimeOffset? expiresAt)
        {
            AppKey = appKey;
            UserNick = userNick;
            UserId = userId;
            ExpiresAt = expiresAt;
        }

        public string AppKey { get; }

        public string UserNick { get; }

        public long UserId { get; }

        public DateTimeOffset? ExpiresAt { get; }

        public override string ToString() => "session of " + UserNick + " for app " + AppKey;
    }

    /// <summary>An access token and its refresh token, as <c>taobao.top.auth.token.create</c> hands them out.</summary>
    internal sealed class TokenGrant
    {
        public TokenGrant(string accessToken, string refreshToken, SessionOwner owner, DateTimeOffset refreshExpiresAt)
        {
            AccessToken = accessToken;
            RefreshToken = refreshToken;
            Owner = owner;
            RefreshExpiresAt = refreshExpiresAt;
        }

        public string AccessToken { get; }

        public string RefreshToken { get; }

        public SessionOwner Owner { get; }

        public DateTimeOffset RefreshExpiresAt { get; }

        public override string ToString() => "token grant for " + Owner;
    }

    /// <summary>The sessions the gateway accepts: each app's demo session plus OAuth tokens issued since the last reset.</summary>
    internal sealed class SessionStore
    {
        private readonly Dictionary<string, SessionOwner> _sessions = new Dictionary<string, SessionOwner>(StringComparer.Ordinal);
        private readonly Dictionary<string, TokenGrant> _refreshTokens = new Dictionary<string, TokenGrant>(StringComparer.Ordinal);
        private readonly object _lock = new object();
        private Random _tokenDice = new Random(0);

        public static long UserIdOf(string nick)
        {
            if (nick == EmulatorDefaults.DemoSellerNick) return EmulatorDefaults.DemoSellerUserId;
            if (nick == EmulatorDefaults.SecondSellerNick) return EmulatorDefaults.SecondSellerUserId;
            // Stable across runs (string.GetHashCode is not).
            long hash = 17;
            foreach (var c in nick) hash = (hash * 31 + c) % 100000000;
            return 2300000000 + hash;
        }

        public void Reset(IEnumerable<EmulatorApp> apps, int seed)
        {
            lock (_lock)
            {
                _sessions.Clear();
                _refreshTokens.Clear();
                _tokenDice = new Random(seed);
                foreach (var app in apps.Where(a => !string.IsNullOrEmpty(a.Session)))
                {
                    var nick = app.SessionUser ?? EmulatorDefaults.DemoSellerNick;
                    _sessions[app.Session!] = new SessionOwner(app.AppKey, nick, UserIdOf(nick), null);
                }
            }
        }

        /// <summary>The owner of a session that is valid for this app now; null for unknown, foreign or expired sessions.</summary>
        public SessionOwner? Resolve(string session, string appKey, DateTimeOffset now)
        {
            lock (_lock)
            {
                if (!_sessions.TryGetValue(session, out var owner)) return null;
                if (owner.AppKey != appKey) return null;
                if (owner.ExpiresAt is DateTimeOffset expiry && now >= expiry) return null;
                return owner;
            }
        }

        public TokenGrant Issue(string appKey, string nick, DateTimeOffset now, TimeSpan accessLifetime, TimeSpan refreshLifetime)
        {
            lock (_lock)
            {
                var grant = new TokenGrant(
                    NewToken("6201"),
                    NewToken("6202"),
                    new SessionOwner(appKey, nick, UserIdOf(nick), now + accessLifetime),
                    now + refreshLifetime);
                Store(grant);
                return grant;
            }
        }

        /// <summary>A new access token for a valid refresh token of this app, or null. The refresh token stays valid until its own expiry.</summary>
        public TokenGrant? Refresh(string appKey, string refreshToken, DateTimeOffset now, TimeSpan accessLifetime)
        {
            lock (_lock)
            {
                if (!_refreshTokens.TryGetValue(refreshToken, out var previous)) return null;
                if (previous.Owner.AppKey != appKey || now >= previous.RefreshExpiresAt) return null;
                var grant = new TokenGrant(
                    NewToken("6201"),
                    refreshToken,
                    new SessionOwner(appKey, previous.Owner.UserNick, previous.Owner.UserId, now + accessLifetime),
                    previous.RefreshExpiresAt);
                Store(grant);
                return grant;
            }
        }

        internal JsonNode SaveGrants()
        {
            lock (_lock)
            {
                var array = new JsonArray();
                foreach (var grant in _refreshTokens.Values)
                {
                    array.Add(new JsonObject
                    {
                        ["access_token"] = grant.AccessToken,
                        ["refresh_token"] = grant.RefreshToken,
                        ["app_key"] = grant.Owner.AppKey,
                        ["nick"] = grant.Owner.UserNick,
                        ["expires_at"] = grant.Owner.ExpiresAt!.Value.ToUnixTimeMilliseconds(),
                        ["refresh_expires_at"] = grant.RefreshExpiresAt.ToUnixTimeMilliseconds(),
                    });
                }
                return array;
            }
        }

        internal void LoadGrants(JsonNode state)
        {
            lock (_lock)
            {
                foreach (var node in state.AsArray())
                {
                    var nick = (string)node!["nick"]!;
                    var owner = new SessionOwner(
                        (string)node["app_key"]!,
                        nick,
                        UserIdOf(nick),
                        DateTimeOffset.FromUnixTimeMilliseconds((long)node["expires_at"]!).ToOffset(TopTime.Offset));
                    var grant = new TokenGrant(
                        (string)node["access_token"]!,
                        (string)node["refresh_token"]!,
                        owner,
                        DateTimeOffset.FromUnixTimeMilliseconds((long)node["refresh_expires_at"]!).ToOffset(TopTime.Offset));
                    Store(grant);
                }
            }
        }

        private void Store(TokenGrant grant)
        {
            _sessions[grant.AccessToken] = grant.Owner;
            _refreshTokens[grant.RefreshToken] = grant;
        }

        private string NewToken(string prefix)
        {
            var bytes = new byte[20];
            _tokenDice.NextBytes(bytes);
            return prefix + string.Concat(bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        }
    }
}

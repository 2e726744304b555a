using System;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Auth
{
    /// <summary>OAuth token exchange: <c>taobao.top.auth.token.create</c> and <c>taobao.top.auth.token.refresh</c>.</summary>
    internal sealed class AuthModule : IApiModule
    {
        private readonly SessionStore _sessions;
        private readonly EmulatorOptions _options;

        public AuthModule(SessionStore sessions, EmulatorOptions options)
        {
            _sessions = sessions;
            _options = options;
        }

        public void Register(ApiRegistry registry)
        {
            registry.Add("taobao.top.auth.token.create", needsSession: false, writes: true, CreateToken);
            registry.Add("taobao.top.auth.token.refresh", needsSession: false, writes: true, RefreshToken);
        }

        /// <summary>The session store is reset by the emulator itself, before the modules.</summary>
        public void Reset(int seed, DateTimeOffset now)
        {
        }

        public JsonNode? SaveState() => _sessions.SaveGrants();

        public void LoadState(JsonNode state) => _sessions.LoadGrants(state);

        private JsonObject CreateToken(ApiCall call)
        {
            var code = call.Required("code");
            if (code != EmulatorDefaults.DemoAuthCode)
                throw TopApiException.Business("isv.invalid-parameter:code",
                    "The authorization code is invalid or expired; the emulator accepts " + EmulatorDefaults.DemoAuthCode + ".");
            var nick = AppUser(call.AppKey);
            var grant = _sessions.Issue(call.AppKey, nick, call.Now, _options.AccessTokenLifetime, _options.RefreshTokenLifetime);
            return TokenResult(grant, call.Now);
        }

        private JsonObject RefreshToken(ApiCall call)
        {
            var refreshToken = call.Required("refresh_token");
            var grant = _sessions.Refresh(call.AppKey, refreshToken, call.Now, _options.AccessTokenLifetime)
                ?? throw TopApiException.Business("isv.invalid-parameter:refresh_token", "The refresh token is invalid or expired.");
            return TokenResult(grant, call.Now);
        }

        /// <summary>The user an app's authorization code stands for: the user of its demo session, else the demo seller.</summary>
        private string AppUser(string appKey)
        {
            foreach (var app in _options.Apps)
            {
                if (app.AppKey == appKey && app.SessionUser != null) return app.SessionUser;
            }
            return EmulatorDefaults.DemoSellerNick;
        }

        /// <summary>TOP returns the token as a JSON document inside the string field <c>token_result</c>.</summary>
        private static JsonObject TokenResult(TokenGrant grant, DateTimeOffset now)
        {
            var expiresAt = grant.Owner.ExpiresAt!.Value;
            var expiresIn = (long)(expiresAt - now).TotalSeconds;
            var refreshExpiresIn = (long)(grant.RefreshExpiresAt - now).TotalSeconds;
            var token = new JsonObject
            {
                ["access_token"] = grant.AccessToken,
                ["token_type"] = "Bearer",
                ["expires_in"] = expiresIn,
                ["expire_time"] = expiresAt.ToUnixTimeMilliseconds(),
                ["refresh_token"] = grant.RefreshToken,
                ["re_expires_in"] = refreshExpiresIn,
                ["refresh_token_valid_time"] = grant.RefreshExpiresAt.ToUnixTimeMilliseconds(),
                ["r1_expires_in"] = expiresIn,
                ["r2_expires_in"] = expiresIn,
                ["w1_expires_in"] = expiresIn,
                ["w2_expires_in"] = expiresIn,
                ["taobao_user_id"] = grant.Owner.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                // The real token_result carries the nick URL-encoded.
                ["taobao_user_nick"] = Uri.EscapeDataString(grant.Owner.UserNick),
            };
            return new JsonObject { ["token_result"] = token.ToJsonString() };
        }
    }
}

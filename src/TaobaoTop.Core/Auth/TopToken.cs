using System;
using System.Globalization;
using System.Text.Json;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Auth
{
    /// <summary>An OAuth grant from <c>taobao.top.auth.token.create</c> / <c>.refresh</c>.</summary>
    public sealed class TopToken
    {
        public TopToken(Secret accessToken, Secret? refreshToken, DateTimeOffset? expiresAt, DateTimeOffset? refreshExpiresAt, string? userId, string? userNick)
        {
            AccessToken = accessToken;
            RefreshToken = refreshToken;
            ExpiresAt = expiresAt;
            RefreshExpiresAt = refreshExpiresAt;
            UserId = userId;
            UserNick = userNick;
        }

        public Secret AccessToken { get; }

        public Secret? RefreshToken { get; }

        public DateTimeOffset? ExpiresAt { get; }

        public DateTimeOffset? RefreshExpiresAt { get; }

        public string? UserId { get; }

        public string? UserNick { get; }

        /// <summary>Reads the answer's <c>token_result</c>, a JSON document carried as a string.</summary>
        /// <exception cref="TopResponseException">The answer is not a readable grant; the message says what is wrong, never quoting a token.</exception>
        public static TopToken FromResponse(TopResponse response, DateTimeOffset now)
        {
            var api = response.Api;
            if (!response.Body.TryGetProperty("token_result", out var tokenResult))
            {
                throw Unreadable(api, CoreText.Get("GrantNoTokenResult"));
            }
            JsonDocument document;
            try
            {
                document = tokenResult.ValueKind == JsonValueKind.String ? JsonDocument.Parse(tokenResult.GetString()!) : JsonDocument.Parse(tokenResult.GetRawText());
            }
            catch (JsonException)
            {
                throw Unreadable(api, CoreText.Get("GrantNotJson"));
            }
            using (document)
            {
                var token = document.RootElement;
                if (token.ValueKind != JsonValueKind.Object) throw Unreadable(api, CoreText.Get("GrantNotObject"));
                var accessToken = Text(token, "access_token");
                if (string.IsNullOrEmpty(accessToken)) throw Unreadable(api, CoreText.Get("GrantNoAccessToken"));
                var refreshToken = Text(token, "refresh_token");
                return new TopToken(
                    new Secret(accessToken!),
                    string.IsNullOrEmpty(refreshToken) ? null : new Secret(refreshToken!),
                    Expiry(api, token, "expire_time", "expires_in", now),
                    Expiry(api, token, "refresh_token_valid_time", "re_expires_in", now),
                    Text(token, "taobao_user_id"),
                    Text(token, "taobao_user_nick") is string nick ? Uri.UnescapeDataString(nick) : null);
            }
        }

        private static TopResponseException Unreadable(string api, string why)
            => new TopResponseException(api, CoreText.Format("GrantUnreadable", api, why), null);

        /// <summary>An absolute epoch-milliseconds field when present, else seconds from now.</summary>
        private static DateTimeOffset? Expiry(string api, JsonElement token, string epochMsName, string secondsName, DateTimeOffset now)
        {
            try
            {
                if (Number(token, epochMsName) is long epochMs) return TopTime.ToTopZone(DateTimeOffset.FromUnixTimeMilliseconds(epochMs));
            }
            catch (ArgumentOutOfRangeException)
            {
                throw Unreadable(api, CoreText.Format("GrantNotTime", epochMsName, Text(token, epochMsName)));
            }
            try
            {
                if (Number(token, secondsName) is long seconds) return TopTime.ToTopZone(now.AddSeconds(seconds));
            }
            catch (ArgumentOutOfRangeException)
            {
                throw Unreadable(api, CoreText.Format("GrantOutOfRange", secondsName, Text(token, secondsName)));
            }
            return null;
        }

        private static string? Text(JsonElement element, string name)
        {
            if (!element.TryGetProperty(name, out var value)) return null;
            return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        }

        private static long? Number(JsonElement element, string name)
        {
            var text = Text(element, name);
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : (long?)null;
        }

        public override string ToString() => "token for " + (UserNick ?? UserId ?? "?") + (ExpiresAt is DateTimeOffset at ? " until " + at.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) : string.Empty);
    }
}

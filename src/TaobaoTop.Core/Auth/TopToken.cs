using System;
using System.Globalization;
using System.Text.Json;
using TaobaoTop.Core.Protocol;

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
        public static TopToken FromResponse(TopResponse response, DateTimeOffset now)
        {
            if (!response.Body.TryGetProperty("token_result", out var tokenResult))
            {
                throw new FormatException(response.Api + " answered without token_result.");
            }
            using (var document = tokenResult.ValueKind == JsonValueKind.String ? JsonDocument.Parse(tokenResult.GetString()!) : JsonDocument.Parse(tokenResult.GetRawText()))
            {
                var token = document.RootElement;
                var accessToken = Text(token, "access_token") ?? throw new FormatException(response.Api + ": token_result has no access_token.");
                var refreshToken = Text(token, "refresh_token");
                return new TopToken(
                    new Secret(accessToken),
                    string.IsNullOrEmpty(refreshToken) ? null : new Secret(refreshToken!),
                    Expiry(token, "expire_time", "expires_in", now),
                    Expiry(token, "refresh_token_valid_time", "re_expires_in", now),
                    Text(token, "taobao_user_id"),
                    Text(token, "taobao_user_nick") is string nick ? Uri.UnescapeDataString(nick) : null);
            }
        }

        /// <summary>An absolute epoch-milliseconds field when present, else seconds from now.</summary>
        private static DateTimeOffset? Expiry(JsonElement token, string epochMsName, string secondsName, DateTimeOffset now)
        {
            if (Number(token, epochMsName) is long epochMs) return TopTime.ToTopZone(DateTimeOffset.FromUnixTimeMilliseconds(epochMs));
            if (Number(token, secondsName) is long seconds) return TopTime.ToTopZone(now.AddSeconds(seconds));
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

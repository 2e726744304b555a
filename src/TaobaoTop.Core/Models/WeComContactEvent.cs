using System;
using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.Resources;

namespace TaobaoTop
{
    /// <summary>
    /// One <c>change_external_contact</c> callback: a member and a customer became contacts (add_external_contact), stopped
    /// (del_external_contact: the member deleted the customer, Source DELETE_BY_TRANSFER when a transfer did it;
    /// del_follow_user: the customer deleted the member), changed (edit_external_contact), or a transfer failed.
    /// </summary>
    public sealed class WeComContactEvent
    {
        public const string Add = "add_external_contact";
        public const string AddHalf = "add_half_external_contact";
        public const string Edit = "edit_external_contact";
        public const string DeleteByMember = "del_external_contact";
        public const string DeleteByCustomer = "del_follow_user";
        public const string TransferFail = "transfer_fail";
        public const string DeleteByTransfer = "DELETE_BY_TRANSFER";

        /// <summary>The callback's CreateTime, in +08:00.</summary>
        public DateTimeOffset Time { get; set; }

        public string ChangeType { get; set; } = string.Empty;

        public string CorpId { get; set; } = string.Empty;

        /// <summary>The member (UserID).</summary>
        public string UserId { get; set; } = string.Empty;

        public string ExternalUserId { get; set; } = string.Empty;

        /// <summary>The contact way's state on an add: the channel.</summary>
        public string? State { get; set; }

        /// <summary>A del_external_contact's cause, e.g. DELETE_BY_TRANSFER.</summary>
        public string? Source { get; set; }

        /// <summary>A transfer_fail's reason (customer_refused, customer_limit_exceed).</summary>
        public string? FailReason { get; set; }

        /// <summary>When the receiver stored it (null for events not from a receiver).</summary>
        public DateTimeOffset? ReceivedAt { get; set; }

        /// <summary>True when the event ends a member–customer relation because the customer left (not a transfer).</summary>
        public bool IsDeparture => (ChangeType == DeleteByMember && Source != DeleteByTransfer) || ChangeType == DeleteByCustomer;

        /// <summary>WeCom's retries carry the same CreateTime, member, customer and change: the event's identity.</summary>
        public string Key => string.Join("|", CorpId, Time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ChangeType, UserId, ExternalUserId);

        /// <summary>Reads a decrypted callback; null when it is not a change_external_contact event.</summary>
        public static WeComContactEvent? FromXml(string xml)
        {
            var root = XDocument.Parse(xml).Root;
            if (root == null) return null;
            string? Field(string name) => root.Element(name)?.Value;
            if (Field("Event") != "change_external_contact") return null;
            return new WeComContactEvent
            {
                Time = TopTime.ToTopZone(DateTimeOffset.FromUnixTimeSeconds(long.Parse(Field("CreateTime") ?? "0", NumberStyles.None, CultureInfo.InvariantCulture))),
                ChangeType = Field("ChangeType") ?? string.Empty,
                CorpId = Field("ToUserName") ?? string.Empty,
                UserId = Field("UserID") ?? string.Empty,
                ExternalUserId = Field("ExternalUserID") ?? string.Empty,
                State = Empty(Field("State")),
                Source = Empty(Field("Source")),
                FailReason = Empty(Field("FailReason")),
            };
        }

        /// <summary>Reads one event of the receiver's GET /events answer (or an exported file of them).</summary>
        /// <exception cref="FormatException">A time that is not an ISO 8601 instant with its offset.</exception>
        public static WeComContactEvent FromJson(JsonElement item)
        {
            DateTimeOffset? Instant(string name)
            {
                var text = item.Text(name);
                if (text == null) return null;
                return DateTimeOffset.TryParseExact(text, new[] { "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.fffzzz" }, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
                    ? TopTime.ToTopZone(instant)
                    : throw new FormatException(CoreText.Format("EventTimeNotInstant", name, text));
            }
            return new WeComContactEvent
            {
                Time = Instant("time") ?? throw new FormatException(CoreText.Get("EventWithoutTime")),
                ChangeType = item.Text("changeType") ?? string.Empty,
                CorpId = item.Text("corpId") ?? string.Empty,
                UserId = item.Text("userId") ?? string.Empty,
                ExternalUserId = item.Text("externalUserId") ?? string.Empty,
                State = Empty(item.Text("state")),
                Source = Empty(item.Text("source")),
                FailReason = Empty(item.Text("failReason")),
                ReceivedAt = Instant("receivedAt"),
            };
        }

        private static string? Empty(string? text) => string.IsNullOrEmpty(text) ? null : text;

        public override string ToString() => Time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " " + ChangeType + " " + UserId + " " + ExternalUserId;
    }
}

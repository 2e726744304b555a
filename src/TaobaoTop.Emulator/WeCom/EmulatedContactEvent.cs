using System;
using System.Globalization;

namespace TaobaoTop.Emulator.WeCom
{
    /// <summary>A change_external_contact event as the WeCom emulator sends it.</summary>
    public sealed class EmulatedContactEvent
    {
        public EmulatedContactEvent(DateTimeOffset time, string changeType, string userId, string externalUserId)
        {
            Time = time;
            ChangeType = changeType;
            UserId = userId;
            ExternalUserId = externalUserId;
        }

        public DateTimeOffset Time { get; }
        public string ChangeType { get; }
        public string UserId { get; }
        public string ExternalUserId { get; }
        public string? State { get; set; }
        public string? WelcomeCode { get; set; }
        public string? Source { get; set; }
        public string? FailReason { get; set; }

        /// <summary>The plain callback XML of an internal app, as WeCom documents it.</summary>
        public string ToXml(string corpId)
        {
            string Cdata(string name, string? value) => value == null ? string.Empty : "<" + name + "><![CDATA[" + value + "]]></" + name + ">";
            return "<xml>" + Cdata("ToUserName", corpId) + Cdata("FromUserName", "sys")
                + "<CreateTime>" + Time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "</CreateTime>"
                + Cdata("MsgType", "event") + Cdata("Event", "change_external_contact") + Cdata("ChangeType", ChangeType)
                + Cdata("UserID", UserId) + Cdata("ExternalUserID", ExternalUserId) + Cdata("State", State) + Cdata("WelcomeCode", WelcomeCode)
                + Cdata("Source", Source) + Cdata("FailReason", FailReason) + "</xml>";
        }
    }
}

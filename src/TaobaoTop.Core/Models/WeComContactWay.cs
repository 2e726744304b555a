using System;
using System.Linq;
using System.Text.Json;
using TaobaoTop.Core.Json;

namespace TaobaoTop
{
    /// <summary>A「联系我」contact way (渠道活码): its config id, QR code and the channel <c>state</c> it stamps on customers.</summary>
    public sealed class WeComContactWay
    {
        public string ConfigId { get; set; } = string.Empty;

        /// <summary>1 single member, 2 several members.</summary>
        public int Type { get; set; }

        /// <summary>1 mini-program button, 2 QR code.</summary>
        public int Scene { get; set; }

        public string? State { get; set; }

        public string? Remark { get; set; }

        public bool SkipVerify { get; set; }

        /// <summary>The QR image URL (scene 2 only).</summary>
        public string? QrCode { get; set; }

        public string[] User { get; set; } = Array.Empty<string>();

        public long[] Party { get; set; } = Array.Empty<long>();

        /// <summary>Reads a <c>contact_way</c> object.</summary>
        public static WeComContactWay FromJson(JsonElement json)
        {
            return new WeComContactWay
            {
                ConfigId = json.Text("config_id") ?? string.Empty,
                Type = json.Int("type") ?? 0,
                Scene = json.Int("scene") ?? 0,
                State = json.Text("state"),
                Remark = json.Text("remark"),
                SkipVerify = json.Bool("skip_verify") ?? true,
                QrCode = json.Text("qr_code"),
                User = json.Child("user").Items().Select(u => u.GetString() ?? string.Empty).ToArray(),
                Party = json.Child("party").Items().Select(p => p.GetInt64()).ToArray(),
            };
        }

        public override string ToString() => ConfigId + " " + State;
    }
}

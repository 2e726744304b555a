using System;

namespace TaobaoTop
{
    /// <summary>What a sync saw change since the last snapshot: a follow that appeared, or one that is gone.</summary>
    public sealed class WeComCustomerChange
    {
        /// <summary>Added or Departed.</summary>
        public string Change { get; set; } = string.Empty;

        public string ExternalUserId { get; set; } = string.Empty;

        public string UserId { get; set; } = string.Empty;

        public string? State { get; set; }

        public DateTimeOffset AddedAt { get; set; }

        /// <summary>The window the change happened in: an add's own time (twice), a departure's last snapshot and this one.</summary>
        public DateTimeOffset After { get; set; }

        public DateTimeOffset Before { get; set; }

        public override string ToString() => Change + " " + ExternalUserId + " (" + UserId + ")";
    }
}

using System;
using System.Collections.Generic;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Channels
{
    /// <summary>One paid traffic channel: the WeCom state its code stamps, the affiliate ids its links carry, its 淘口令, its cost.</summary>
    public sealed class ChannelDefinition
    {
        public ChannelDefinition(string name, string? state, IReadOnlyList<long> adzoneIds, IReadOnlyList<long> relationIds, decimal cost, IReadOnlyList<string>? taoPasswords = null)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException(CoreText.Get("ChannelNeedsName"), nameof(name));
            if (cost < 0) throw new ArgumentException(CoreText.Format("ChannelCostNegative", name), nameof(cost));
            Name = name;
            State = string.IsNullOrEmpty(state) ? null : state;
            AdzoneIds = adzoneIds;
            RelationIds = relationIds;
            Cost = cost;
            TaoPasswords = taoPasswords ?? Array.Empty<string>();
        }

        public string Name { get; }

        public string? State { get; }

        public IReadOnlyList<long> AdzoneIds { get; }

        public IReadOnlyList<long> RelationIds { get; }

        public decimal Cost { get; }

        /// <summary>The 淘口令 codes the channel posts (without ￥); their reach (PV/UV) is the channel's.</summary>
        public IReadOnlyList<string> TaoPasswords { get; }

        public override string ToString() => Name;
    }
}

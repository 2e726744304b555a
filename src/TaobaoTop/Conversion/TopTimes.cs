using System;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Conversion
{
    /// <summary>DateTime parameters as instants: local times (Get-Date) as they are, unspecified ones ('2026-11-01') as TOP time.</summary>
    internal static class TopTimes
    {
        public static DateTimeOffset FromParameter(DateTime value)
        {
            switch (value.Kind)
            {
                case DateTimeKind.Unspecified: return new DateTimeOffset(value, TopTime.Offset);
                default: return TopTime.ToTopZone(new DateTimeOffset(value));
            }
        }
    }
}

using System;
using System.Collections.Generic;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core.Affiliate.Orders
{
    /// <summary>
    /// Splits a time range into windows taobao.tbk.order.details.get accepts: at most 3 hours, at most 20 minutes on
    /// big-sale days (<see cref="BigSaleCalendar"/>, in TOP time). A window never straddles the start of a big-sale day.
    /// </summary>
    public static class OrderWindows
    {
        public static readonly TimeSpan NormalSpan = TimeSpan.FromHours(3);
        public static readonly TimeSpan BigSaleSpan = TimeSpan.FromMinutes(20);

        /// <summary>How far back the API lets a query start.</summary>
        public static readonly TimeSpan MaxLookBack = TimeSpan.FromDays(90);

        /// <summary>Whether <paramref name="instant"/> falls on a big-sale day of <paramref name="calendar"/> (the shipped one by default).</summary>
        public static bool IsBigSaleDay(DateTimeOffset instant, BigSaleCalendar? calendar = null) => (calendar ?? BigSaleCalendar.Shipped).Contains(instant);

        public static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Split(DateTimeOffset start, DateTimeOffset end, BigSaleCalendar? calendar = null)
        {
            var cursor = start;
            while (cursor < end)
            {
                var next = cursor + (IsBigSaleDay(cursor, calendar) ? BigSaleSpan : NormalSpan);
                var midnight = NextTopMidnight(cursor);
                if (next > midnight && !IsBigSaleDay(cursor, calendar) && IsBigSaleDay(midnight, calendar)) next = midnight;
                if (next > end) next = end;
                yield return (cursor, next);
                cursor = next;
            }
        }

        /// <summary>Splits a range into windows of at most <paramref name="span"/>, for the refund and punish APIs' own limits.</summary>
        public static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Fixed(DateTimeOffset start, DateTimeOffset end, TimeSpan span)
        {
            for (var cursor = start; cursor < end; cursor += span)
            {
                yield return (cursor, end - cursor < span ? end : cursor + span);
            }
        }

        /// <summary>Splits a window the API refused as too long into big-sale-sized pieces.</summary>
        public static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Shrink(DateTimeOffset start, DateTimeOffset end)
        {
            for (var cursor = start; cursor < end; cursor += BigSaleSpan)
            {
                yield return (cursor, cursor + BigSaleSpan < end ? cursor + BigSaleSpan : end);
            }
        }

        private static DateTimeOffset NextTopMidnight(DateTimeOffset instant)
        {
            var local = TopTime.ToTopZone(instant);
            return new DateTimeOffset(local.Date.AddDays(1), TopTime.Offset);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core.Channels
{
    /// <summary>
    /// The channel report: which channels bring customers who buy and stay. Customers belong to the channel whose state
    /// they first added through; orders belong to a customer by special id (and count within the value window after the
    /// add), otherwise to a channel by relation id, then adzone id. Only paid, received and settled orders count.
    /// </summary>
    public sealed class ChannelReport
    {
        private readonly IReadOnlyList<ChannelDefinition> _channels;
        private readonly ChannelReportOptions _options;
        private bool _departuresKnown;

        public ChannelReport(IReadOnlyList<ChannelDefinition> channels, ChannelReportOptions options)
        {
            _channels = channels ?? throw new ArgumentNullException(nameof(channels));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            options.Validate();
        }

        /// <summary>Customers whose first add carries no channel's state; they are left out of every row.</summary>
        public int UnattributedCustomers { get; private set; }

        /// <summary>Counted orders that match no customer and no channel id.</summary>
        public int UnattributedOrders { get; private set; }

        /// <summary>After <see cref="Compute"/>: adds, departures and net per channel and day (+08:00), the first add's day to the report's.</summary>
        public IList<ChannelDayRow> Daily { get; private set; } = new List<ChannelDayRow>();

        /// <summary>
        /// The rows, best first by rank. Succeeded refunds (维权成功) take their returned commission and refund amount off
        /// the channel whose counted order they refund (by trade id), or, for orders not in the input, the channel of the
        /// member (special id) or relation id they carry.
        /// </summary>
        public IList<ChannelReportRow> Compute(IEnumerable<WeComCustomer> customerRecords, IEnumerable<TbkOrder> orderRecords, IEnumerable<TbkRefundOrder>? refundRecords = null, IEnumerable<TbkPasswordReport>? passwordReports = null)
        {
            var asOf = TopTime.ToTopZone(_options.AsOf);
            var byState = _channels.Where(c => c.State != null).ToDictionary(c => c.State!, StringComparer.Ordinal);
            var byRelation = _channels.SelectMany(c => c.RelationIds.Select(id => (id, c))).ToDictionary(p => p.id, p => p.c);
            var byAdzone = _channels.SelectMany(c => c.AdzoneIds.Select(id => (id, c))).ToDictionary(p => p.id, p => p.c);

            var records = customerRecords.ToList();
            _departuresKnown = records.Any(c => c.DeparturesKnown || c.RemovedAt.HasValue);
            var customers = FirstAdds(records, asOf);
            var members = new Dictionary<ChannelDefinition, List<Member>>();
            foreach (var channel in _channels) members[channel] = new List<Member>();
            var bySpecialId = new Dictionary<long, Member>();
            UnattributedCustomers = 0;
            foreach (var customer in customers)
            {
                if (customer.State == null || !byState.TryGetValue(customer.State, out var channel))
                {
                    UnattributedCustomers++;
                    continue;
                }
                members[channel].Add(customer);
                if (customer.SpecialId is long specialId) bySpecialId[specialId] = customer;
            }

            var channelOrders = _channels.ToDictionary(c => c, c => new List<TbkOrder>());
            var memberChannel = members.SelectMany(p => p.Value.Select(m => (m, p.Key))).ToDictionary(p => p.m, p => p.Key);
            var orderList = orderRecords.ToList();
            var knownTrades = new HashSet<string>(orderList.Select(o => o.TradeId), StringComparer.Ordinal);
            var tradeChannel = new Dictionary<string, ChannelDefinition>(StringComparer.Ordinal);
            UnattributedOrders = 0;
            foreach (var order in CountedOrders(orderList, asOf))
            {
                if (order.SpecialId is long specialId && bySpecialId.TryGetValue(specialId, out var member))
                {
                    member.Orders.Add(order);
                    if (OrderTime(order) >= member.AddedAt && OrderTime(order) < member.AddedAt + TimeSpan.FromDays(_options.ValueDays)) tradeChannel[order.TradeId] = memberChannel[member];
                }
                else if (order.RelationId is long relationId && byRelation.TryGetValue(relationId, out var byRelationChannel))
                {
                    channelOrders[byRelationChannel].Add(order);
                    tradeChannel[order.TradeId] = byRelationChannel;
                }
                else if (order.AdzoneId is long adzoneId && byAdzone.TryGetValue(adzoneId, out var byAdzoneChannel))
                {
                    channelOrders[byAdzoneChannel].Add(order);
                    tradeChannel[order.TradeId] = byAdzoneChannel;
                }
                else
                {
                    UnattributedOrders++;
                }
            }

            var firstDay = customers.Count == 0 ? asOf.Date : customers.Min(c => c.AddedAt.Date);
            var lastDay = customers.Count == 0 ? asOf.Date : customers.Max(c => c.AddedAt.Date);
            var days = (int)(lastDay - firstDay).TotalDays + 1;
            var refunds = _channels.ToDictionary(c => c, c => new List<TbkRefundOrder>());
            var latestRefunds = new Dictionary<string, TbkRefundOrder>(StringComparer.Ordinal);
            foreach (var refund in refundRecords ?? Enumerable.Empty<TbkRefundOrder>()) latestRefunds[refund.TradeId] = refund;
            foreach (var refund in latestRefunds.Values.Where(r => r.Status == TbkRefundStatus.Succeeded && (r.RefundFinishedTime ?? r.RefundTime ?? r.CreateTime ?? asOf) <= asOf))
            {
                if (tradeChannel.TryGetValue(refund.TradeId, out var channel)) refunds[channel].Add(refund);
                else if (knownTrades.Contains(refund.TradeId)) continue;
                else if (refund.SpecialId is long specialId && bySpecialId.TryGetValue(specialId, out var member)) refunds[memberChannel[member]].Add(refund);
                else if (refund.RelationId is long relationId && byRelation.TryGetValue(relationId, out var byRelationChannel)) refunds[byRelationChannel].Add(refund);
            }

            var rows = _channels.Select(c => Row(c, members[c], channelOrders[c], refunds[c], asOf, days)).ToList();
            AddReach(rows, passwordReports);
            Score(rows);
            Daily = _channels.SelectMany(c => DailyRows(c, members[c], firstDay, asOf)).ToList();
            return rows;
        }

        /// <summary>Sums the PV/UV of the 淘口令 each channel names (the latest report of each code counts once).</summary>
        private void AddReach(IList<ChannelReportRow> rows, IEnumerable<TbkPasswordReport>? reports)
        {
            var latest = new Dictionary<string, TbkPasswordReport>(StringComparer.Ordinal);
            foreach (var report in reports ?? Enumerable.Empty<TbkPasswordReport>()) latest[report.Password] = report;
            for (var i = 0; i < rows.Count; i++)
            {
                var reached = _channels[i].TaoPasswords.Where(latest.ContainsKey).Select(code => latest[code]).ToList();
                if (reached.Count == 0) continue;
                rows[i].PasswordPv = reached.Sum(r => r.Pv);
                rows[i].PasswordUv = reached.Sum(r => r.Uv);
            }
        }

        private ChannelReportRow Row(ChannelDefinition channel, List<Member> members, List<TbkOrder> channelOnly, List<TbkRefundOrder> refunds, DateTimeOffset asOf, int days)
        {
            var valueWindow = TimeSpan.FromDays(_options.ValueDays);
            var conversion = _options.ConversionWindow;
            decimal gmv = 0, commission = 0;
            int converted = 0, late = 0, repeat = 0, customerOrders = 0;
            foreach (var member in members)
            {
                var counted = member.Orders
                    .Where(o => OrderTime(o) >= member.AddedAt && OrderTime(o) < member.AddedAt + valueWindow)
                    .OrderBy(OrderTime)
                    .ToList();
                if (counted.Count == 0) continue;
                if (OrderTime(counted[0]) < member.AddedAt + conversion) converted++;
                else late++;
                if (counted.Select(o => o.TradeParentId ?? o.TradeId).Distinct(StringComparer.Ordinal).Count() >= 2) repeat++;
                customerOrders += counted.Count;
                gmv += counted.Sum(o => o.PaidAmount ?? 0);
                commission += counted.Sum(o => o.EstimatedIncome ?? 0);
            }
            gmv += channelOnly.Sum(o => o.PaidAmount ?? 0);
            commission += channelOnly.Sum(o => o.EstimatedIncome ?? 0);
            var refundedAmount = refunds.Sum(r => r.RefundAmount ?? 0);
            var refundedCommission = refunds.Sum(r => r.ReturnedCommission ?? 0);
            gmv -= refundedAmount;
            commission -= refundedCommission;

            var adds = members.Count;
            var value = _options.ValueBasis == ChannelValueBasis.Gmv ? gmv : commission;
            var row = new ChannelReportRow
            {
                Channel = channel.Name,
                State = channel.State,
                Cost = Money(channel.Cost),
                FirstAdds = adds,
                Converted = converted,
                ConversionRate = Ratio(converted, adds),
                LateConverted = late,
                Retention = _options.RetentionDays.OrderBy(d => d).Select(d => Retention(members, d, asOf)).ToArray(),
                CustomerOrders = customerOrders,
                ChannelOrders = channelOnly.Count,
                Gmv = Money(gmv),
                Commission = Money(commission),
                RefundedOrders = refunds.Count,
                RefundedAmount = Money(refundedAmount),
                RefundedCommission = Money(refundedCommission),
                RepeatBuyers = repeat,
                GmvPerCustomer = adds == 0 ? 0 : Money(gmv / adds),
                CommissionPerCustomer = adds == 0 ? 0 : Money(commission / adds),
                Roi = channel.Cost == 0 ? (decimal?)null : Money(value / channel.Cost),
                AsOf = asOf,
            };
            row.OpenWindows = OpenWindows(members, row.Retention, asOf);
            FlagSpikes(row, members, asOf, days);
            return row;
        }

        private IEnumerable<ChannelDayRow> DailyRows(ChannelDefinition channel, List<Member> members, DateTime firstDay, DateTimeOffset asOf)
        {
            var adds = members.GroupBy(m => m.AddedAt.Date).ToDictionary(g => g.Key, g => g.Count());
            var departures = members.Select(m => m.DepartedAt(asOf)).Where(d => d.HasValue).GroupBy(d => TopTime.ToTopZone(d!.Value).Date).ToDictionary(g => g.Key, g => g.Count());
            for (var day = firstDay; day <= asOf.Date; day = day.AddDays(1))
            {
                adds.TryGetValue(day, out var added);
                departures.TryGetValue(day, out var departed);
                yield return new ChannelDayRow
                {
                    Channel = channel.Name,
                    State = channel.State,
                    Day = day,
                    Adds = added,
                    Departures = _departuresKnown ? departed : (int?)null,
                    Net = _departuresKnown ? added - departed : (int?)null,
                };
            }
        }

        private ChannelRetention Retention(List<Member> members, int days, DateTimeOffset asOf)
        {
            var window = TimeSpan.FromDays(days);
            var eligible = members.Where(m => m.AddedAt + window <= asOf).ToList();
            if (!_departuresKnown)
            {
                return new ChannelRetention { Days = days, Eligible = eligible.Count, IsOpen = eligible.Count < members.Count, IsUnknown = true };
            }
            var retained = eligible.Count(m => m.ConnectedAt(m.AddedAt + window));
            return new ChannelRetention
            {
                Days = days,
                Eligible = eligible.Count,
                Retained = retained,
                Rate = eligible.Count == 0 ? (decimal?)null : Ratio(retained, eligible.Count),
                IsOpen = eligible.Count < members.Count,
            };
        }

        private string[] OpenWindows(List<Member> members, ChannelRetention[] retention, DateTimeOffset asOf)
        {
            var open = new List<string>();
            if (members.Any(m => m.AddedAt + _options.ConversionWindow > asOf))
                open.Add(((int)_options.ConversionWindow.TotalHours).ToString(CultureInfo.InvariantCulture) + "h conversion");
            open.AddRange(retention.Where(r => r.IsOpen).Select(r => r.Days.ToString(CultureInfo.InvariantCulture) + "d retention"));
            if (members.Any(m => m.AddedAt + TimeSpan.FromDays(_options.ValueDays) > asOf))
                open.Add(_options.ValueDays.ToString(CultureInfo.InvariantCulture) + "d value");
            return open.ToArray();
        }

        private void FlagSpikes(ChannelReportRow row, List<Member> members, DateTimeOffset asOf, int days)
        {
            if (!_options.FlagSpikes || members.Count == 0) return;
            var mean = (double)members.Count / days;
            var threshold = Math.Max(_options.SpikeFactor * mean, _options.SpikeMinimumAdds);
            var spikeDays = members.GroupBy(m => m.AddedAt.Date).Where(g => g.Count() >= threshold).Select(g => g.Key).OrderBy(d => d).ToArray();
            row.SpikeDays = spikeDays;
            var judged = members.Where(m => spikeDays.Contains(m.AddedAt.Date) && m.AddedAt + _options.ConversionWindow <= asOf).ToList();
            if (judged.Count == 0) return;
            var convertedShare = (double)judged.Count(m => m.Orders.Any(o => OrderTime(o) >= m.AddedAt && OrderTime(o) < m.AddedAt + _options.ConversionWindow)) / judged.Count;
            row.SpikeWithoutConversion = convertedShare < _options.SpikeConversionFloor;
        }

        /// <summary>Each metric divided by the best channel's, weighted, on 0–100; ranks by score (ties share a rank).</summary>
        private void Score(IList<ChannelReportRow> rows)
        {
            double Retained(ChannelReportRow r) => r.Retention.Where(x => x.Rate.HasValue).Select(x => (double)x.Rate!.Value).DefaultIfEmpty(0).Average();
            double Value(ChannelReportRow r) => (double)(_options.ValueBasis == ChannelValueBasis.Gmv ? r.GmvPerCustomer : r.CommissionPerCustomer);
            var metrics = new (double Weight, Func<ChannelReportRow, double> Of)[]
            {
                (_options.ConversionWeight, r => (double)r.ConversionRate),
                (_options.RetentionWeight, Retained),
                (_options.ValueWeight, Value),
                (_options.RoiWeight, r => (double)(r.Roi ?? 0)),
            };
            var totalWeight = metrics.Sum(m => m.Weight);
            var best = metrics.Select(m => rows.Select(m.Of).DefaultIfEmpty(0).Max()).ToArray();
            foreach (var row in rows)
            {
                var score = 0.0;
                for (var i = 0; i < metrics.Length; i++)
                {
                    if (best[i] > 0) score += metrics[i].Weight * Math.Max(0, metrics[i].Of(row)) / best[i];
                }
                row.QualityScore = Math.Round((decimal)(100 * score / totalWeight), 2, MidpointRounding.AwayFromZero);
            }
            foreach (var row in rows) row.Rank = 1 + rows.Count(other => other.QualityScore > row.QualityScore);
        }

        /// <summary>One record per customer: the earliest add among their followers, with its state.</summary>
        private static List<Member> FirstAdds(IEnumerable<WeComCustomer> records, DateTimeOffset asOf)
        {
            return records
                .Where(c => c.AddedAt <= asOf)
                .GroupBy(c => c.ExternalUserId, StringComparer.Ordinal)
                .Select(g =>
                {
                    var first = g.OrderBy(c => c.AddedAt).First();
                    return new Member(
                        TopTime.ToTopZone(first.AddedAt),
                        string.IsNullOrEmpty(first.State) ? null : first.State,
                        g.Select(c => c.SpecialId).FirstOrDefault(id => id.HasValue),
                        g.Select(c => (c.AddedAt, c.RemovedAt)).ToList());
                })
                .ToList();
        }

        /// <summary>Paid, received and settled orders up to the report time, each trade once (the last record wins).</summary>
        private static IEnumerable<TbkOrder> CountedOrders(IEnumerable<TbkOrder> records, DateTimeOffset asOf)
        {
            var latest = new Dictionary<string, TbkOrder>(StringComparer.Ordinal);
            foreach (var order in records) latest[order.TradeId] = order;
            return latest.Values.Where(o =>
                (o.Status == TbkOrderStatus.Paid || o.Status == TbkOrderStatus.Received || o.Status == TbkOrderStatus.Settled)
                && OrderTime(o) <= asOf);
        }

        private static DateTimeOffset OrderTime(TbkOrder order) => order.PaidTime ?? order.CreateTime ?? DateTimeOffset.MaxValue;

        // Adding a zero with the wanted scale keeps the places: 0.1 shows as 0.10.
        private static decimal Money(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;

        private static decimal Ratio(int part, int whole) => whole == 0 ? 0.0000m : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero) + 0.0000m;

        private sealed class Member
        {
            private readonly List<(DateTimeOffset From, DateTimeOffset? To)> _follows;

            public Member(DateTimeOffset addedAt, string? state, long? specialId, List<(DateTimeOffset From, DateTimeOffset? To)> follows)
            {
                AddedAt = addedAt;
                State = state;
                SpecialId = specialId;
                _follows = follows;
            }

            /// <summary>Still a contact of some member at <paramref name="at"/>: a transfer ends one follow as the next starts.</summary>
            public bool ConnectedAt(DateTimeOffset at) => _follows.Any(f => f.From <= at && (f.To is null || f.To > at));

            /// <summary>When the customer stopped being anyone's contact, by <paramref name="asOf"/>; null while still a contact.</summary>
            public DateTimeOffset? DepartedAt(DateTimeOffset asOf)
            {
                if (_follows.Any(f => f.From <= asOf && (f.To is null || f.To > asOf))) return null;
                var ended = _follows.Where(f => f.To.HasValue && f.To <= asOf).Select(f => f.To!.Value).ToList();
                return ended.Count == 0 ? (DateTimeOffset?)null : ended.Max();
            }

            public DateTimeOffset AddedAt { get; }
            public string? State { get; }
            public long? SpecialId { get; }
            public List<TbkOrder> Orders { get; } = new List<TbkOrder>();
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Affiliate.Orders
{
    /// <summary>Where a sync stands, for progress bars.</summary>
    public sealed class OrderSyncProgress
    {
        public OrderSyncProgress(int windowsDone, int windowsTotal, long orders)
        {
            WindowsDone = windowsDone;
            WindowsTotal = windowsTotal;
            Orders = orders;
        }

        public int WindowsDone { get; }

        public int WindowsTotal { get; }

        public long Orders { get; }
    }

    /// <summary>
    /// Pulls every order of a time range: splits it into legal windows, pages through each with position_index,
    /// fetches several windows at once within the connection's QPS, and hands orders over as they arrive, so memory
    /// stays flat however many orders there are. A window with more pages than the API serves is split in halves.
    /// Each order is handed over once.
    /// </summary>
    public sealed class TbkOrderSync
    {
        private const int MaxPageNo = 100;

        // TOP times have whole seconds: the shortest window a full one can be split into.
        private static readonly TimeSpan MinSplitSpan = TimeSpan.FromSeconds(1);

        private readonly TopClient _client;

        public TbkOrderSync(TopClient client)
        {
            _client = client;
        }

        /// <param name="onOrder">Called from worker threads; may block to slow the sync down (back-pressure).</param>
        public async Task RunAsync(TbkOrderQuery query, Action<TbkOrder> onOrder, Action<TopCallEvent>? observer = null, Action<OrderSyncProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            var now = _client.Options.Clock();
            Validate(query, now);
            // TOP times have whole seconds: fractions would make windows that look empty to the gateway.
            var start = WholeSeconds(query.Start);
            var end = WholeSeconds(query.End > now ? now : query.End);
            var windows = new ConcurrentQueue<(DateTimeOffset Start, DateTimeOffset End)>(OrderWindows.Split(start, end, query.BigSales));
            var total = windows.Count;
            var done = 0;
            long orders = 0;
            long secondsDone = 0;
            // Orders on a window edge could come back from both neighbours if a gateway treats the end as inclusive.
            var onEdges = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);

            // Enough windows at once to fill the pace at the gateway's latency; at most Concurrency (a memory bound).
            var calls = CallConcurrency.For(_client, query.Concurrency);
            using (var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                void Deliver(TbkOrder order, (DateTimeOffset Start, DateTimeOffset End) window)
                {
                    var key = query.KeyTime(order);
                    if ((key == window.Start || key == window.End) && !onEdges.TryAdd(order.TradeId, 0)) return;
                    Interlocked.Increment(ref orders);
                    onOrder(order);
                }

                async Task Worker()
                {
                    while (windows.TryDequeue(out var window))
                    {
                        // Near the end fewer windows are left than calls may be in flight, and a window's pages go one
                        // after another: halve a window that should hold several pages, so the halves run side by side
                        // instead of leaving the quota idle for the last windows' pages.
                        while (windows.Count + 1 < calls.Limit && window.End - window.Start >= MinSplitSpan + MinSplitSpan
                            && ExpectedOrders(window) >= 2 * query.PageSize)
                        {
                            var middle = WholeSeconds(window.Start + TimeSpan.FromTicks((window.End - window.Start).Ticks / 2));
                            windows.Enqueue((middle, window.End));
                            Interlocked.Increment(ref total);
                            window = (window.Start, middle);
                        }
                        await FetchWindowAsync(query, window, Deliver, new HashSet<string>(StringComparer.Ordinal), calls, observer, failed.Token).ConfigureAwait(false);
                        Interlocked.Add(ref secondsDone, (long)(window.End - window.Start).TotalSeconds);
                        progress?.Invoke(new OrderSyncProgress(Interlocked.Increment(ref done), Volatile.Read(ref total), Interlocked.Read(ref orders)));
                    }
                }

                // From the windows done so far; nothing is known before the first.
                double ExpectedOrders((DateTimeOffset Start, DateTimeOffset End) window)
                {
                    var seconds = Interlocked.Read(ref secondsDone);
                    return seconds == 0 ? 0 : (double)Interlocked.Read(ref orders) / seconds * (window.End - window.Start).TotalSeconds;
                }

                var workers = Enumerable.Range(0, calls.Cap).Select(_ => Task.Run(async () =>
                {
                    try
                    {
                        await Worker().ConfigureAwait(false);
                    }
                    catch
                    {
                        failed.Cancel();
                        throw;
                    }
                })).ToArray();
                try
                {
                    await Task.WhenAll(workers).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // A worker failed and cancelled the others: surface the failure, not the cancellations.
                    throw workers.Where(w => w.IsFaulted).Select(w => w.Exception!.InnerException!).First();
                }
            }
        }

        private static DateTimeOffset WholeSeconds(DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerSecond));

        public static void Validate(TbkOrderQuery query, DateTimeOffset now)
        {
            if (query.Start >= query.End) throw new ArgumentException(CoreText.Get("OrderRangeStartNotBeforeEnd"));
            if (query.Start >= now) throw new ArgumentException(CoreText.Format("OrderRangeInFuture", TopTime.ToTopString(now)));
            if (query.Start < now - OrderWindows.MaxLookBack)
            {
                throw new ArgumentException(CoreText.Format("OrderRangeTooOld", TopTime.ToTopString(now - OrderWindows.MaxLookBack)));
            }
            if (query.PageSize < 1 || query.PageSize > 100) throw new ArgumentException(CoreText.Get("OrderPageSizeRange"));
        }

        /// <param name="seen">Trade ids this window has handed over; a window split in halves hands each over once.</param>
        private async Task FetchWindowAsync(TbkOrderQuery query, (DateTimeOffset Start, DateTimeOffset End) window, Action<TbkOrder, (DateTimeOffset, DateTimeOffset)> deliver, ISet<string> seen, CallConcurrency calls, Action<TopCallEvent>? observer, CancellationToken cancellationToken)
        {
            string? position = null;
            for (var pageNo = 1; ; pageNo++)
            {
                var request = PageRequest(query, window, pageNo, position);
                TopResponse response;
                try
                {
                    response = await CallAsync(request, calls, Labelled(observer, query.Method, window, pageNo), cancellationToken).ConfigureAwait(false);
                }
                catch (TopApiException ex) when (ex.SubCode == "2007" && pageNo == 1 && window.End - window.Start > OrderWindows.BigSaleSpan)
                {
                    // A big-sale day this client does not know: the gateway allows 20 minutes only.
                    foreach (var piece in OrderWindows.Shrink(window.Start, window.End))
                    {
                        await FetchWindowAsync(query, piece, deliver, seen, calls, observer, cancellationToken).ConfigureAwait(false);
                    }
                    return;
                }

                var page = TbkOrderPage.Read(response);
                foreach (var order in page.Orders)
                {
                    if (seen.Add(order.TradeId)) deliver(order, window);
                }
                if (page.HasNext != true) return;
                if (pageNo == MaxPageNo)
                {
                    // The API pages no further: each half holds fewer orders. Those handed over already are skipped.
                    if (window.End - window.Start < MinSplitSpan + MinSplitSpan)
                    {
                        throw new TopException(query.Method, CoreText.Format("OrderWindowTooDense",
                            query.Method, MaxPageNo, TopTime.ToTopString(window.Start), TopTime.ToTopString(window.End)));
                    }
                    var middle = WholeSeconds(window.Start + TimeSpan.FromTicks((window.End - window.Start).Ticks / 2));
                    await FetchWindowAsync(query, (window.Start, middle), deliver, seen, calls, observer, cancellationToken).ConfigureAwait(false);
                    await FetchWindowAsync(query, (middle, window.End), deliver, seen, calls, observer, cancellationToken).ConfigureAwait(false);
                    return;
                }
                position = page.PositionIndex;
            }
        }

        private async Task<TopResponse> CallAsync(TopRequest request, CallConcurrency calls, Action<TopCallEvent>? observer, CancellationToken cancellationToken)
        {
            await calls.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await _client.InvokeAsync(request, calls.Watch(observer), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                calls.Release();
            }
        }

        /// <summary>Reports of one call named by its window and page, so -Verbose tells hundreds of calls apart.</summary>
        private static Action<TopCallEvent>? Labelled(Action<TopCallEvent>? observer, string method, (DateTimeOffset Start, DateTimeOffset End) window, int pageNo)
        {
            if (observer is null) return null;
            var label = PageLabel(method, window, pageNo);
            return e => observer(new TopCallEvent(e.Kind, label, e.Attempt, e.Elapsed, e.RequestId, e.Delay, e.Reason));
        }

        internal static string PageLabel(string method, (DateTimeOffset Start, DateTimeOffset End) window, int pageNo)
            => CoreText.Format("OrderPageLabel", method, TopTime.ToTopString(window.Start), TopTime.ToTopString(window.End), pageNo);

        private static TopRequest PageRequest(TbkOrderQuery query, (DateTimeOffset Start, DateTimeOffset End) window, int pageNo, string? position)
        {
            var request = new TopRequest(query.Method)
                .With("start_time", window.Start)
                .With("end_time", window.End)
                .With("query_type", (int)query.QueryType)
                .With("page_size", query.PageSize)
                .With("page_no", pageNo)
                .With("tk_status", query.Status.HasValue ? (int?)query.Status.Value : null)
                .With("order_scene", query.Scene == TbkOrderScene.All ? (int?)null : (int)query.Scene)
                .With("member_type", query.MemberType);
            request.AnswerReader = TbkOrderPage.NewReader;
            if (pageNo > 1)
            {
                request.With("jump_type", 1).With("position_index", position);
            }
            return request;
        }
    }
}

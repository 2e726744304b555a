using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core.Items
{
    /// <summary>How an <see cref="ItemListingEngine"/> runs.</summary>
    public sealed class ItemListingOptions
    {
        /// <summary>The most calls in flight (a memory bound); how many are follows the pace and the gateway's latency.</summary>
        public int ThrottleLimit { get; set; } = CallConcurrency.DefaultCap;

        /// <summary>Add a row whose outer_id is already in the shop; by default it is reported as Skipped with the existing item's id.</summary>
        public bool AllowDuplicateOuterId { get; set; }

        /// <summary>Rounds per row over the client's own retries, for failures that outlast those.</summary>
        public int MaxAttempts { get; set; } = 5;

        /// <summary>Wait before another round after a transient failure; it grows with each round.</summary>
        public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Where uploaded main pictures go in the picture space; 0 is the default category.</summary>
        public long PictureCategoryId { get; set; }

        /// <summary>Told of retries and of what lookups by outer_id decided, for -Verbose; called from any thread.</summary>
        public Action<string>? Log { get; set; }

        /// <summary>Told of what a user must see although the run goes on (the audit log cannot be written); from any thread.</summary>
        public Action<string>? Warn { get; set; }
    }

    /// <summary>
    /// Adds validated rows with as many calls in flight as fill the pace (at most <see cref="ItemListingOptions.ThrottleLimit"/>) and hands back each
    /// row's outcome in input order. No duplicates: a row with an outer_id whose item.add may have been carried out
    /// (a time-out, a lost answer) is looked up by outer_id before it is sent again; a row without one is not sent
    /// again. Every outcome goes to the journal as it happens.
    /// </summary>
    public sealed class ItemListingEngine
    {
        private static readonly TimeSpan LookupBatchWait = TimeSpan.FromMilliseconds(20);

        private readonly TopClient _client;
        private readonly ItemListingOptions _options;
        private readonly ItemJournal? _journal;
        private readonly Action<TaobaoItemResult, Exception?> _emit;
        private readonly CancellationTokenSource _stop;
        private readonly CancellationToken _cancellation;
        private readonly Action<TopCallEvent>? _observer;
        private readonly CallConcurrency _calls;
        private readonly SemaphoreSlim _room;
        private readonly TaskCompletionSource<bool> _drained = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Dictionary<long, (TaobaoItemResult Result, Exception? Error)> _finished = new Dictionary<long, (TaobaoItemResult, Exception?)>();
        private readonly Dictionary<string, string> _outerIdsSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _contentSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        private bool _warnedNoOuterId;
        private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _pictures = new ConcurrentDictionary<string, Lazy<Task<string>>>(StringComparer.Ordinal);
        private readonly object _order = new object();
        private readonly object _lookupLock = new object();
        private List<(string OuterId, TaskCompletionSource<long[]> Answer)> _lookups = new List<(string, TaskCompletionSource<long[]>)>();
        private readonly TaskCompletionSource<bool> _settled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _lookupScheduled;
        private bool _completing;
        private ItemJournalWriteException? _fatal;
        private volatile bool _stopSending;
        private int _running;
        private int _sending;
        private Task _lastTurn = Task.CompletedTask;
        private TopQuotaException? _quotaSpent;
        private long _nextSequence;
        private long _nextToEmit;

        /// <param name="emit">Called once per row, in input order, one call at a time, from any thread.</param>
        public ItemListingEngine(TopClient client, ItemListingOptions options, ItemJournal? journal, Action<TaobaoItemResult, Exception?> emit, CancellationToken cancellation = default)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _journal = journal;
            _emit = emit ?? throw new ArgumentNullException(nameof(emit));
            // A journal that cannot be written stops the run as a Ctrl+C would.
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            _cancellation = _stop.Token;
            _observer = e =>
            {
                if (e.Kind == TopCallEventKind.Retrying) options.Log?.Invoke(e.ToString());
                else if (e.Kind == TopCallEventKind.AuditFailed) (options.Warn ?? options.Log)?.Invoke(e.ToString());
            };
            var limit = Math.Max(1, options.ThrottleLimit);
            _calls = CallConcurrency.For(client, limit);
            // Rows accepted but not yet handed back. Deep enough that one row waiting out retries does not stall the
            // others behind it in the reorder buffer; still bounds memory on a sheet of any length.
            var room = Math.Max(limit * 64, 4096);
            _room = new SemaphoreSlim(room, room);
        }

        public ItemListingCounts Counts { get; } = new ItemListingCounts();

        /// <summary>Waits until another row may be submitted; throws the <see cref="ItemJournalWriteException"/> that stopped the run.</summary>
        public async Task WaitForRoomAsync()
        {
            try
            {
                await _room.WaitAsync(_cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_fatal != null)
            {
                throw _fatal;
            }
            if (_fatal != null) throw _fatal;
        }

        /// <summary>Starts adding a valid row; call after <see cref="WaitForRoomAsync"/>.</summary>
        public void Submit(ItemDraft draft)
        {
            var sequence = _nextSequence++;
            Interlocked.Increment(ref Counts.SubmittedCount);
            if (draft.OuterId != null)
            {
                if (_outerIdsSeen.TryGetValue(draft.OuterId, out var first))
                {
                    var errors = new[] { new ItemFieldError(ItemColumns.OuterId, ItemColumns.Describe(ItemColumns.OuterId) + " '" + draft.OuterId + "' repeats " + first + "; one item per outer_id") };
                    Finish(sequence, Invalid(draft.Row, errors));
                    return;
                }
                _outerIdsSeen[draft.OuterId] = draft.Row.LineNumber is int line ? "line " + line : "row " + draft.Row.RowNumber;
            }
            else
            {
                if (!_warnedNoOuterId)
                {
                    _warnedNoOuterId = true;
                    (_options.Warn ?? _options.Log)?.Invoke(draft.Row.Describe() + " and maybe others have no 商家编码 (outer_id): such rows cannot be matched against the shop, only against this run's journal by their content. Give every row a 商家编码 to never add one twice.");
                }
                var key = KeyOf(draft);
                if (_contentSeen.TryGetValue(key, out var first))
                {
                    var errors = new[] { new ItemFieldError(ItemColumns.OuterId, "the row repeats " + first + " (same content, no 商家编码); one item per row content unless a 商家编码 tells them apart") };
                    Finish(sequence, Invalid(draft.Row, errors));
                    return;
                }
                _contentSeen[key] = draft.Row.LineNumber is int line ? "line " + line : "row " + draft.Row.RowNumber;
            }
            // A row cancelled by a stop, or not sent after StopSending, is never handed back; CompleteAsync ends cancelled instead.
            Interlocked.Increment(ref _running);
            // Rows take call slots in input order, so a stop leaves the rows before it sent and the rows after it not.
            var previousTurn = _lastTurn;
            var turn = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _lastTurn = turn.Task;
            Task.Run(() => ProcessAsync(draft, previousTurn, turn), _cancellation)
                .ContinueWith(t =>
                {
                    if (t.Status == TaskStatus.RanToCompletion) Finish(sequence, t.Result);
                    if (Interlocked.Decrement(ref _running) == 0 && _stopSending) _settled.TrySetResult(true);
                }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        /// <summary>
        /// Sends no new row (for a pipeline stopped downstream or by an error): rows whose item.add is in flight finish
        /// and are journaled; the task ends when they have. Returns how many were in flight.
        /// </summary>
        public int StopSending(out Task settled)
        {
            _stopSending = true;
            if (Volatile.Read(ref _running) == 0) _settled.TrySetResult(true);
            settled = _settled.Task;
            return Volatile.Read(ref _sending);
        }

        /// <summary>Hands back a row that failed validation, in its place in the order; call after <see cref="WaitForRoomAsync"/>.</summary>
        public void SubmitInvalid(ItemRow row, IReadOnlyList<ItemFieldError> errors)
        {
            var sequence = _nextSequence++;
            Interlocked.Increment(ref Counts.SubmittedCount);
            Finish(sequence, Invalid(row, errors));
        }

        /// <summary>Completes when every submitted row has been handed back; cancelled by a stop.</summary>
        public async Task CompleteAsync()
        {
            if (_fatal != null) throw _fatal;
            lock (_order) _completing = true;
            FlushLookups();
            CheckDrained();
            using (_cancellation.Register(() => _drained.TrySetCanceled()))
            {
                await _drained.Task.ConfigureAwait(false);
            }
        }

        private void CheckDrained()
        {
            lock (_order)
            {
                if (_completing && _nextToEmit == _nextSequence) _drained.TrySetResult(true);
            }
        }

        /// <summary>
        /// The journal's key for a row: its outer_id, or a hash of its content, so a row is known again wherever it
        /// stands in the sheet (a row deleted above it moves it).
        /// </summary>
        public static string KeyOf(ItemDraft draft)
        {
            if (draft.OuterId != null) return "outer_id:" + draft.OuterId;
            var content = string.Join("\u0001", draft.Title, ItemApi.Money(draft.Price), draft.Quantity, draft.CategoryId, draft.Description,
                draft.State, draft.City, draft.StuffStatus, draft.PictureUrl ?? draft.PictureFile);
            using (var sha = System.Security.Cryptography.SHA256.Create())
            {
                var hash = sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(content));
                return "content:" + BitConverter.ToString(hash, 0, 12).Replace("-", string.Empty).ToLowerInvariant();
            }
        }

        private (TaobaoItemResult, Exception?) Invalid(ItemRow row, IReadOnlyList<ItemFieldError> errors)
        {
            var result = NewResult(row);
            result.Status = TaobaoItemStatus.Invalid;
            result.Field = errors.Count > 0 ? errors[0].Field : null;
            result.Error = string.Join("; ", errors.Select(e => e.Message));
            var message = ItemRowValidator.Describe(row, errors);
            try
            {
                _journal?.Record(new ItemJournalEntry { Key = "invalid:" + row.RowNumber, Row = row.RowNumber, Line = row.LineNumber, Status = nameof(TaobaoItemStatus.Invalid), OuterId = row.OuterId, Title = row.Title, Error = result.Error });
            }
            catch (ItemJournalWriteException ex)
            {
                Stop(ex);
                throw;
            }
            return (result, new TaobaoItemRowException(message, result));
        }

        private async Task<(TaobaoItemResult, Exception?)> ProcessAsync(ItemDraft draft, Task previousTurn, TaskCompletionSource<bool> turn)
        {
            var key = KeyOf(draft);
            var result = NewResult(draft.Row);
            try
            {
                try
                {
                    return await AddAsync(draft, key, result, previousTurn, turn).ConfigureAwait(false);
                }
                catch (Exception ex) when (!(ex is ItemJournalWriteException) && !(ex is RowNotSentException) && !_cancellation.IsCancellationRequested)
                {
                    return Failed(draft, key, result, ex.Message, ex, inDoubt: false);
                }
            }
            catch (ItemJournalWriteException ex)
            {
                Stop(ex);
                throw;
            }
            finally
            {
                turn.TrySetResult(true);
            }
        }

        /// <summary>Ends the run on the first journal write that failed: calls in flight are cancelled, nothing more is sent.</summary>
        private void Stop(ItemJournalWriteException failure)
        {
            lock (_order)
            {
                if (_fatal != null) return;
                _fatal = failure;
            }
            _drained.TrySetException(failure);
            _stop.Cancel();
        }

        private async Task<(TaobaoItemResult, Exception?)> AddAsync(ItemDraft draft, string key, TaobaoItemResult result, Task previousTurn, TaskCompletionSource<bool> turn)
        {
            var prior = _journal?.Find(key);
            if (prior != null && prior.IsDone)
            {
                result.Status = prior.Status == nameof(TaobaoItemStatus.Skipped) ? TaobaoItemStatus.Skipped : TaobaoItemStatus.AddedEarlier;
                result.NumIid = prior.NumIid;
                return (result, null);
            }

            var existing = Array.Empty<long>();
            if (draft.OuterId != null)
            {
                var now = await ExistingAsync(draft.OuterId).ConfigureAwait(false);
                if (prior != null && prior.IsOpen)
                {
                    // A run that was stopped had sent this row: an item that was not there before is its.
                    var ours = now.Except(prior.Existing ?? Array.Empty<long>()).ToArray();
                    if (ours.Length > 0)
                    {
                        Log(draft, "an earlier run sent it and item " + ours[0] + " has its outer_id: not sent again");
                        return Added(draft, key, result, ours[0], null);
                    }
                }
                existing = now;
                if (existing.Length > 0 && !_options.AllowDuplicateOuterId)
                {
                    result.Status = TaobaoItemStatus.Skipped;
                    result.NumIid = existing[0];
                    Record(draft, key, nameof(TaobaoItemStatus.Skipped), existing[0], null, null);
                    return (result, null);
                }
            }
            else if (prior != null && prior.IsOpen)
            {
                var why = "an earlier run sent this row and got no answer, so it may have been added; it has no outer_id (商家编码) to check by, so it is not sent again. Check the shop, then remove its line from the journal to add it";
                result.Status = TaobaoItemStatus.Failed;
                result.Error = why;
                return (result, new TaobaoItemRowException(draft.Row.Describe() + ": " + why + ".", result));
            }

            var pictureUrl = draft.PictureUrl;
            if (_stopSending) throw NotSent();
            if (draft.PictureFile != null)
            {
                try
                {
                    pictureUrl = await PictureUrlAsync(draft.PictureFile).ConfigureAwait(false);
                }
                catch (TopException ex)
                {
                    return Failed(draft, key, result, "the main picture could not be uploaded: " + ex.Message, ex, inDoubt: false);
                }
            }
            result.PictureUrl = pictureUrl;

            // The row counts as sent once it holds a call slot: a stop before that leaves it unsent and unjournaled.
            await previousTurn.ConfigureAwait(false);
            await _calls.WaitAsync(_cancellation).ConfigureAwait(false);
            turn.TrySetResult(true);
            if (_stopSending)
            {
                _calls.Release();
                throw NotSent();
            }
            Interlocked.Increment(ref _sending);
            try
            {
                return await SendAsync(draft, key, result, pictureUrl, existing).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _sending);
            }
        }

        private RowNotSentException NotSent()
        {
            Counts.CountNotSent();
            return new RowNotSentException();
        }

        private async Task<(TaobaoItemResult, Exception?)> SendAsync(ItemDraft draft, string key, TaobaoItemResult result, string? pictureUrl, long[] existing)
        {
            var slotHeld = true;
            try
            {
                Record(draft, key, ItemJournal.Sending, null, existing, null);
            }
            catch
            {
                _calls.Release();
                throw;
            }
            var request = ItemApi.Add(draft, pictureUrl);
            TopException? last = null;
            var inDoubt = false;
            var pause = false;
            for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
            {
                // After a lookup showed the last attempt was not carried out, the round trip was pause enough.
                if (pause) await Task.Delay(Delay(attempt), _cancellation).ConfigureAwait(false);
                pause = true;
                result.Attempts = attempt;
                try
                {
                    var held = slotHeld;
                    slotHeld = false;
                    var added = ReadAdded(await CallAsync(request, held).ConfigureAwait(false));
                    return Added(draft, key, result, added.NumIid, added.Created);
                }
                catch (TopException ex) when (ex.MayHaveBeenApplied)
                {
                    last = ex;
                    inDoubt = true;
                    if (draft.OuterId == null) break;
                    long[] found;
                    try
                    {
                        found = await ExistingAsync(draft.OuterId).ConfigureAwait(false);
                    }
                    catch (TopException lookup)
                    {
                        last = lookup;
                        break;
                    }
                    var ours = found.Except(existing).ToArray();
                    if (ours.Length > 0)
                    {
                        Log(draft, "item.add got no answer (" + ex.Message + "); looked up by outer_id, it was carried out: item " + ours[0]);
                        return Added(draft, key, result, ours[0], null);
                    }
                    Log(draft, "item.add got no answer (" + ex.Message + "); looked up by outer_id, it was not carried out: sending it again");
                    inDoubt = false;
                    pause = false;
                }
                catch (TopException ex) when (ex.IsTransient)
                {
                    last = ex;
                }
                catch (TopException ex)
                {
                    return Failed(draft, key, result, ex.Message, ex, inDoubt: false);
                }
            }

            if (inDoubt)
            {
                var why = draft.OuterId == null
                    ? "item.add got no answer and may have been carried out; without an outer_id (商家编码) it cannot be checked, so it was not sent again: " + last!.Message
                    : "item.add got no answer and whether it was carried out could not be checked: " + last!.Message + ". Run again with the same -JournalPath to finish it";
                return Failed(draft, key, result, why, last, inDoubt: true, existing);
            }
            return Failed(draft, key, result, "gave up after " + result.Attempts + " attempts: " + last!.Message, last, inDoubt: false);
        }

        /// <summary>The item of an item.add answer; an answer without a usable one leaves the add in doubt.</summary>
        private TaobaoItem ReadAdded(TopResponse response)
        {
            var excerpt = new Redactor(_client.Options.Secrets).Excerpt(response.RawJson);
            TaobaoItem item;
            try
            {
                item = ItemApi.ReadItem(response);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is FormatException || ex is OverflowException || ex is InvalidOperationException)
            {
                throw new TopResponseException(response.Api, response.Api + ": the answer could not be read (" + ex.Message + "): " + excerpt, excerpt);
            }
            if (item.NumIid <= 0)
            {
                throw new TopResponseException(response.Api, response.Api + " answered without the new item's num_iid: " + excerpt, excerpt);
            }
            return item;
        }

        private (TaobaoItemResult, Exception?) Added(ItemDraft draft, string key, TaobaoItemResult result, long numIid, DateTimeOffset? created)
        {
            result.Status = TaobaoItemStatus.Added;
            result.NumIid = numIid;
            result.Created = created;
            Record(draft, key, nameof(TaobaoItemStatus.Added), numIid, null, null);
            return (result, null);
        }

        private (TaobaoItemResult, Exception?) Failed(ItemDraft draft, string key, TaobaoItemResult result, string why, Exception? cause, bool inDoubt, long[]? existing = null)
        {
            result.Status = TaobaoItemStatus.Failed;
            result.Error = why;
            Record(draft, key, inDoubt ? ItemJournal.InDoubt : nameof(TaobaoItemStatus.Failed), null, existing, why);
            return (result, new TaobaoItemRowException(draft.Row.Describe() + ": " + why.TrimEnd('.') + ".", result, cause));
        }

        private void Record(ItemDraft draft, string key, string status, long? numIid, long[]? existing, string? error)
            => _journal?.Record(new ItemJournalEntry
            {
                Key = key,
                Row = draft.Row.RowNumber,
                Line = draft.Row.LineNumber,
                Status = status,
                NumIid = numIid,
                OuterId = draft.OuterId,
                Title = draft.Title,
                Existing = existing,
                Error = error,
            });

        private void Log(ItemDraft draft, string message) => _options.Log?.Invoke(draft.Row.Describe() + ": " + message);

        private static TaobaoItemResult NewResult(ItemRow row) => new TaobaoItemResult
        {
            RowNumber = row.RowNumber,
            LineNumber = row.LineNumber,
            OuterId = string.IsNullOrWhiteSpace(row.OuterId) ? null : row.OuterId!.Trim(),
            Title = row.Title?.Trim(),
            Price = ItemRules.TryParsePrice(row.Price ?? string.Empty, out var price, out _) ? price : (decimal?)null,
            Quantity = ItemRules.TryParseQuantity(row.Quantity ?? string.Empty, out var quantity, out _) ? quantity : (long?)null,
            Row = row.Source,
        };

        private void Finish(long sequence, (TaobaoItemResult Result, Exception? Error) outcome)
        {
            Counts.Count(outcome.Result.Status);
            lock (_order)
            {
                _finished[sequence] = outcome;
                while (_finished.TryGetValue(_nextToEmit, out var next))
                {
                    _finished.Remove(_nextToEmit);
                    _nextToEmit++;
                    _emit(next.Result, next.Error);
                    _room.Release();
                }
            }
            CheckDrained();
        }

        private TimeSpan Delay(int attempt) => TimeSpan.FromTicks(_options.RetryDelay.Ticks * (attempt - 1));

        /// <summary>Once the quota is spent nothing more is sent: each remaining row fails with the quota error unsent.</summary>
        private async Task<TopResponse> CallAsync(TopRequest request, bool slotHeld = false)
        {
            if (!slotHeld) await _calls.WaitAsync(_cancellation).ConfigureAwait(false);
            try
            {
                if (Volatile.Read(ref _quotaSpent) is TopQuotaException spent) throw spent;
                return await _client.InvokeAsync(request, _calls.Watch(_observer), _cancellation).ConfigureAwait(false);
            }
            catch (TopQuotaException spent)
            {
                Interlocked.CompareExchange(ref _quotaSpent, spent, null);
                throw;
            }
            finally
            {
                _calls.Release();
            }
        }

        /// <summary>A call that may be repeated (a read, a picture upload): tried again on any transient failure.</summary>
        private async Task<TopResponse> RepeatableCallAsync(TopRequest request)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await CallAsync(request).ConfigureAwait(false);
                }
                catch (TopException ex) when ((ex.IsTransient || ex.MayHaveBeenApplied) && attempt < _options.MaxAttempts)
                {
                    await Task.Delay(Delay(attempt + 1), _cancellation).ConfigureAwait(false);
                }
            }
        }

        private Task<string> PictureUrlAsync(string path)
            => _pictures.GetOrAdd(path, p => new Lazy<Task<string>>(async () =>
            {
                // A repeated upload after a lost answer leaves a spare copy in the picture space, nothing worse.
                var response = await RepeatableCallAsync(ItemApi.PictureUpload(p, _options.PictureCategoryId, null)).ConfigureAwait(false);
                return ItemApi.ReadPicture(response, p).PicturePath
                    ?? throw new TopResponseException("taobao.picture.upload", "taobao.picture.upload answered without a picture_path.", response.RawJson);
            })).Value;

        /// <summary>The num_iids of the seller's items with this outer_id; lookups are batched 40 to a call.</summary>
        private Task<long[]> ExistingAsync(string outerId)
        {
            var answer = new TaskCompletionSource<long[]>(TaskCreationOptions.RunContinuationsAsynchronously);
            List<(string, TaskCompletionSource<long[]>)>? full = null;
            lock (_lookupLock)
            {
                _lookups.Add((outerId, answer));
                if (_lookups.Count >= ItemApi.CustomGetBatchSize)
                {
                    full = _lookups;
                    _lookups = new List<(string, TaskCompletionSource<long[]>)>();
                }
                else if (!_lookupScheduled)
                {
                    _lookupScheduled = true;
                    Task.Delay(LookupBatchWait).ContinueWith(_ => FlushLookups(), TaskScheduler.Default);
                }
            }
            if (full != null) _ = LookupAsync(full);
            return answer.Task;
        }

        private void FlushLookups()
        {
            List<(string, TaskCompletionSource<long[]>)> batch;
            lock (_lookupLock)
            {
                _lookupScheduled = false;
                if (_lookups.Count == 0) return;
                batch = _lookups;
                _lookups = new List<(string, TaskCompletionSource<long[]>)>();
            }
            _ = LookupAsync(batch);
        }

        private async Task LookupAsync(List<(string OuterId, TaskCompletionSource<long[]> Answer)> batch)
        {
            try
            {
                var response = await RepeatableCallAsync(ItemApi.CustomGet(batch.Select(b => b.OuterId).Distinct())).ConfigureAwait(false);
                var found = ItemApi.ReadItems(response, out _).Where(i => i.OuterId != null).ToLookup(i => i.OuterId!, i => i.NumIid, StringComparer.Ordinal);
                foreach (var (outerId, answer) in batch) answer.TrySetResult(found[outerId].ToArray());
            }
            catch (Exception ex)
            {
                foreach (var (_, answer) in batch)
                {
                    if (ex is OperationCanceledException) answer.TrySetCanceled();
                    else answer.TrySetException(ex);
                }
            }
        }
    }

    /// <summary>A row not sent because sending stopped; never handed back.</summary>
    internal sealed class RowNotSentException : OperationCanceledException
    {
    }

    /// <summary>Running totals for progress reports.</summary>
    public sealed class ItemListingCounts
    {
        internal int SubmittedCount;
        private int _completed;
        private int _added;
        private int _skipped;
        private int _invalid;
        private int _failed;
        private int _notSent;

        public int Submitted => Volatile.Read(ref SubmittedCount);

        public int Completed => Volatile.Read(ref _completed);

        /// <summary>Added in this run or an earlier one.</summary>
        public int Added => Volatile.Read(ref _added);

        public int Skipped => Volatile.Read(ref _skipped);

        public int Invalid => Volatile.Read(ref _invalid);

        public int Failed => Volatile.Read(ref _failed);

        /// <summary>Submitted but not sent because sending stopped.</summary>
        public int NotSent => Volatile.Read(ref _notSent);

        internal void CountNotSent() => Interlocked.Increment(ref _notSent);

        internal void Count(TaobaoItemStatus status)
        {
            switch (status)
            {
                case TaobaoItemStatus.Added:
                case TaobaoItemStatus.AddedEarlier: Interlocked.Increment(ref _added); break;
                case TaobaoItemStatus.Skipped: Interlocked.Increment(ref _skipped); break;
                case TaobaoItemStatus.Invalid: Interlocked.Increment(ref _invalid); break;
                default: Interlocked.Increment(ref _failed); break;
            }
            Interlocked.Increment(ref _completed);
        }
    }
}

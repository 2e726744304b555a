using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Items
{
    /// <summary>How an <see cref="ItemListingEngine"/> runs.</summary>
    public sealed class ItemListingOptions
    {
        /// <summary>The most calls in flight (a memory bound); how many are follows the pace and the gateway's latency.</summary>
        public int ThrottleLimit { get; set; } = CallConcurrency.DefaultCap;

        /// <summary>Add a row whose outer_id is already in the shop; by default it is reported as Skipped with the existing item's id.</summary>
        public bool AllowDuplicateOuterId { get; set; }

        /// <summary>
        /// Sends of a write whose answer was lost (in doubt), each after a lookup showed the last was not carried out.
        /// Transient failures are retried by the client alone (its MaxRetries): one retry budget per call.
        /// </summary>
        public int MaxAttempts { get; set; } = 5;

        /// <summary>How a validated draft is published: taobao.item.add today; schema publishing can take its place.</summary>
        public IItemPublisher Publisher { get; set; } = new ItemAddPublisher();

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
        private const int MaxSkusNamed = 3;

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
                if (e.Kind == CallEventKind.Retrying) options.Log?.Invoke(e.ToString());
                else if (e.Kind == CallEventKind.AuditFailed) (options.Warn ?? options.Log)?.Invoke(e.ToString());
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
                    var errors = new[] { new ItemFieldError(ItemColumns.OuterId, CoreText.Format("OuterIdRepeatsRow", ItemColumns.Describe(ItemColumns.OuterId), draft.OuterId, first)) };
                    Finish(sequence, Invalid(draft.Row, errors));
                    return;
                }
                _outerIdsSeen[draft.OuterId] = draft.Row.LineNumber is int line ? CoreText.Format("SheetLine", line) : CoreText.Format("InputRow", draft.Row.RowNumber);
            }
            else
            {
                if (!_warnedNoOuterId)
                {
                    _warnedNoOuterId = true;
                    (_options.Warn ?? _options.Log)?.Invoke(CoreText.Format("NoOuterIdWarning", draft.Row.Describe()));
                }
                var key = KeyOf(draft);
                if (_contentSeen.TryGetValue(key, out var first))
                {
                    var errors = new[] { new ItemFieldError(ItemColumns.OuterId, CoreText.Format("ContentRepeats", first)) };
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
            // An item with SKUs has the price and stock they give, not its first row's cells.
            result.Price = draft.Price;
            result.Quantity = draft.Quantity;
            result.Cost = draft.Cost;
            result.SkuCount = draft.Skus.Count;
            try
            {
                try
                {
                    var outcome = await AddAsync(draft, key, result, previousTurn, turn).ConfigureAwait(false);
                    if (outcome.Item1.NumIid is long numIid && (outcome.Item1.Status == TaobaoItemStatus.Added || outcome.Item1.Status == TaobaoItemStatus.AddedEarlier))
                    {
                        if (draft.LaterSkus.Count > 0) outcome = await AddLaterSkusAsync(draft, key, outcome, numIid).ConfigureAwait(false);
                        await AttachPicturesAsync(draft, key, numIid).ConfigureAwait(false);
                    }
                    return outcome;
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
                        Log(draft, CoreText.Format("EarlierRunAdded", ours[0]));
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
                var why = CoreText.Get("EarlierRunInDoubt");
                result.Status = TaobaoItemStatus.Failed;
                result.Error = why;
                return (result, new TaobaoItemRowException(CoreText.Format("RowProblems", draft.Row.Describe(), why), result));
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
                    return Failed(draft, key, result, CoreText.Format("MainPictureNotUploaded", ex.Message), ex, inDoubt: false);
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
            var request = _options.Publisher.Request(draft, pictureUrl);
            TopException? last = null;
            var inDoubt = false;
            for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
            {
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
                        Log(draft, CoreText.Format("NoAnswerWasAdded", ex.Message, ours[0]));
                        return Added(draft, key, result, ours[0], null);
                    }
                    Log(draft, CoreText.Format("NoAnswerWasNotAdded", ex.Message));
                    inDoubt = false;
                }
                catch (TopException ex)
                {
                    // Transient failures were retried by the client already; the journal's Failed line makes a rerun try again.
                    return Failed(draft, key, result, ex.Message, ex, inDoubt: false);
                }
            }

            if (inDoubt)
            {
                var why = draft.OuterId == null
                    ? CoreText.Format("InDoubtNoOuterId", last!.Message)
                    : CoreText.Format("InDoubtUnchecked", last!.Message);
                return Failed(draft, key, result, why, last, inDoubt: true, existing);
            }
            return Failed(draft, key, result, CoreText.Format("SentWithoutAnswer", result.Attempts, last!.Message), last, inDoubt: false);
        }

        /// <summary>The item of an item.add answer; an answer without a usable one leaves the add in doubt.</summary>
        private TaobaoItem ReadAdded(TopResponse response)
        {
            var excerpt = new Redactor(_client.Options.Secrets).Excerpt(response.RawJson);
            TaobaoItem item;
            try
            {
                item = _options.Publisher.Read(response);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is FormatException || ex is OverflowException || ex is InvalidOperationException)
            {
                throw new TopResponseException(response.Api, CoreText.Format("ItemAnswerUnreadable", response.Api, ex.Message, excerpt), excerpt);
            }
            if (item.NumIid <= 0)
            {
                throw new TopResponseException(response.Api, CoreText.Format("ItemAnswerNoNumIid", response.Api, excerpt), excerpt);
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
            return (result, new TaobaoItemRowException(CoreText.Format("RowProblems", draft.Row.Describe(), why.TrimEnd('.')), result, cause));
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

        private void Log(ItemDraft draft, string message) => _options.Log?.Invoke(CoreText.Format("RowSays", draft.Row.Describe(), message));

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


        /// <summary>
        /// A local main picture's URL in the picture space: uploaded once per content (same bytes, same picture, whatever
        /// the file is called), and the hash → URL kept in the journal, so a resumed run uploads nothing twice. The
        /// picture's title carries the hash, so an upload whose answer was lost (or a run stopped after sending it) is
        /// found in the picture space instead of being uploaded again.
        /// </summary>
        private Task<string> PictureUrlAsync(string path)
        {
            var file = TopFile.FromPath(path);
            var hash = ContentHash(file.Content);
            var key = ItemJournal.PictureKeyPrefix + hash;
            return _pictures.GetOrAdd(key, k => new Lazy<Task<string>>(async () =>
            {
                var prior = _journal?.Find(k);
                if (prior?.PicturePath is string known) return known;
                var mark = "#" + hash.Substring(0, 16);
                var name = Path.GetFileNameWithoutExtension(file.FileName);
                var title = (name.Length > 32 ? name.Substring(0, 32) : name) + " " + mark;
                if (prior?.Status == ItemJournal.Sending && await PictureTitledAsync(mark).ConfigureAwait(false) is string found) return RecordUploaded(k, file, found);
                _journal?.Record(new ItemJournalEntry { Key = k, Status = ItemJournal.Sending, Title = file.FileName });
                TopResponse response;
                try
                {
                    response = await CallAsync(ItemApi.PictureUpload(file, _options.PictureCategoryId, title)).ConfigureAwait(false);
                }
                catch (TopException ex) when (ex.MayHaveBeenApplied)
                {
                    return RecordUploaded(k, file, await PictureTitledAsync(mark).ConfigureAwait(false) ?? throw ex);
                }
                var url = ItemApi.ReadPicture(response, path).PicturePath
                    ?? throw new TopResponseException("taobao.picture.upload", CoreText.Get("PictureAnswerNoPath"), response.RawJson);
                Interlocked.Increment(ref Counts.PicturesUploadedCount);
                return RecordUploaded(k, file, url);
            })).Value;
        }

        private string RecordUploaded(string key, TopFile file, string url)
        {
            _journal?.Record(new ItemJournalEntry { Key = key, Status = "Uploaded", Title = file.FileName, PicturePath = url });
            return url;
        }

        /// <summary>The picture-space URL of the seller's picture whose title carries this mark, or null.</summary>
        private async Task<string?> PictureTitledAsync(string mark)
        {
            var response = await CallAsync(new TopRequest("taobao.picture.get").With("title", mark).With("page_size", 1)).ConfigureAwait(false);
            return response.Body.List("pictures").Select(p => p.Text("picture_path")).FirstOrDefault(p => p != null);
        }

        private void RecordPicture(ItemDraft draft, string key, string status, long numIid, string name)
            => _journal?.Record(new ItemJournalEntry { Key = key, Row = draft.Row.RowNumber, Line = draft.Row.LineNumber, Status = status, NumIid = numIid, OuterId = draft.OuterId, Title = name });

        /// <summary>The positions of an item's main pictures and the pid:vid of its property pictures.</summary>
        private async Task<TaobaoItemPictures> PicturesOnAsync(long numIid)
        {
            var response = await CallAsync(new TopRequest("taobao.item.seller.get").With("fields", "num_iid,item_img,prop_img").With("num_iid", numIid)).ConfigureAwait(false);
            var item = response.Body.Child("item");
            return new TaobaoItemPictures(
                new HashSet<long>(item.List("item_imgs").Select(i => i.Long("position") ?? -1)),
                new HashSet<string>(item.List("prop_imgs").Select(i => i.Text("properties") ?? string.Empty), StringComparer.Ordinal));
        }

        private static string ContentHash(byte[] content)
        {
            using (var sha = System.Security.Cryptography.SHA256.Create())
                return BitConverter.ToString(sha.ComputeHash(content)).Replace("-", string.Empty).ToLowerInvariant();
        }

        /// <summary>
        /// After the add: the SKUs beyond item.add's 512 bytes (<see cref="SkuSplit"/>), one taobao.item.sku.add each,
        /// journaled once added, so a resumed run adds only what is missing. A SKU whose answer was lost, or that a
        /// stopped run had sent, is looked for on the item before it is sent again: no SKU twice. A SKU not added fails
        /// the row, naming it: the item is in the shop, and the next run with the journal adds the rest.
        /// </summary>
        private async Task<(TaobaoItemResult, Exception?)> AddLaterSkusAsync(ItemDraft draft, string key, (TaobaoItemResult Result, Exception? Error) outcome, long numIid)
        {
            HashSet<string>? onItem = null;
            var notAdded = new List<string>();
            Exception? cause = null;
            var added = 0;
            foreach (var sku in draft.LaterSkus)
            {
                var properties = ItemApi.SortedProperties(sku.Properties);
                var entryKey = ItemJournal.AttachedKeyPrefix + key + ":sku:" + properties;
                var prior = _journal?.Find(entryKey);
                if (prior?.Status == ItemJournal.Attached) continue;
                try
                {
                    if (prior != null && prior.IsOpen)
                    {
                        onItem ??= await SkusOnAsync(numIid).ConfigureAwait(false);
                        if (onItem.Contains(properties))
                        {
                            RecordSku(draft, entryKey, ItemJournal.Attached, numIid, sku, null);
                            continue;
                        }
                    }
                    RecordSku(draft, entryKey, ItemJournal.Sending, numIid, sku, null);
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            await CallAsync(ItemApi.SkuAdd(numIid, sku)).ConfigureAwait(false);
                            break;
                        }
                        catch (TopException ex) when (ex.MayHaveBeenApplied && attempt < _options.MaxAttempts)
                        {
                            // Sent again only when the item shows it did not get it.
                            if ((await SkusOnAsync(numIid).ConfigureAwait(false)).Contains(properties)) break;
                        }
                    }
                    RecordSku(draft, entryKey, ItemJournal.Attached, numIid, sku, null);
                    added++;
                }
                catch (TopException ex)
                {
                    RecordSku(draft, entryKey, ex.MayHaveBeenApplied ? ItemJournal.InDoubt : nameof(TaobaoItemStatus.Failed), numIid, sku, ex.Message);
                    notAdded.Add(CoreText.Format("SkuNotAdded", sku.Name, ex.Message.TrimEnd('.')));
                    cause ??= ex;
                }
            }
            if (added > 0) Log(draft, CoreText.Format("LaterSkusAdded", added, numIid));
            if (notAdded.Count == 0) return outcome;
            var result = outcome.Result;
            result.Status = TaobaoItemStatus.Failed;
            // A spent quota fails every SKU alike: the first few say why, the count says how many.
            var named = string.Join("; ", notAdded.Take(MaxSkusNamed)) + (notAdded.Count > MaxSkusNamed ? CoreText.Format("AndMore", notAdded.Count - MaxSkusNamed) : string.Empty);
            // Without a journal a rerun skips the item by its outer_id, so only sku.add by hand adds the rest.
            result.Error = CoreText.Format(_journal is null ? "LaterSkusNotAddedNoJournal" : "LaterSkusNotAdded", numIid, notAdded.Count, draft.Skus.Count, named);
            return (result, new TaobaoItemRowException(CoreText.Format("RowProblems", draft.Row.Describe(), result.Error), result, cause));
        }

        /// <summary>The sale properties of an item's SKUs, each in <see cref="ItemApi.SortedProperties"/> form.</summary>
        private async Task<HashSet<string>> SkusOnAsync(long numIid)
            => ItemApi.ReadSkuProperties(await CallAsync(ItemApi.SkusOf(numIid)).ConfigureAwait(false));

        private void RecordSku(ItemDraft draft, string key, string status, long numIid, SkuDraft sku, string? error)
            => _journal?.Record(new ItemJournalEntry { Key = key, Row = sku.Row.RowNumber, Line = sku.Row.LineNumber, Status = status, NumIid = numIid, OuterId = sku.OuterId ?? draft.OuterId, Title = sku.Name, Error = error });

        /// <summary>
        /// After the add: main pictures 2 to 5 (taobao.item.img.upload) and the colours' pictures
        /// (taobao.item.propimg.upload), each journaled once attached, so a resumed run attaches only what is missing. A
        /// picture that cannot be attached is a warning: the item is in the shop, and the next run tries the picture again.
        /// </summary>
        private async Task AttachPicturesAsync(ItemDraft draft, string key, long numIid)
        {
            var pictures = draft.ExtraPictures.Select(p => (Key: "img:" + p.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), Name: "主图" + (p.Position + 1), p.Picture,
                    Request: (Func<TopFile, TopRequest>)(file => ItemApi.ItemImageUpload(numIid, file, p.Position)),
                    IsOn: (Func<TaobaoItemPictures, bool>)(on => on.Positions.Contains(p.Position))))
                .Concat(draft.PropertyPictures.Select(p => (Key: "propimg:" + p.Properties, Name: "颜色图片 " + p.Properties, p.Picture,
                    Request: (Func<TopFile, TopRequest>)(file => ItemApi.PropertyImageUpload(numIid, p.Properties, file)),
                    IsOn: (Func<TaobaoItemPictures, bool>)(on => on.Properties.Contains(p.Properties)))));
            TaobaoItemPictures? onItem = null;
            foreach (var picture in pictures)
            {
                var entryKey = ItemJournal.AttachedKeyPrefix + key + ":" + picture.Key;
                var prior = _journal?.Find(entryKey);
                if (prior?.Status == ItemJournal.Attached) continue;
                try
                {
                    // A run stopped after sending the picture and before its answer: the item says whether it got it.
                    if (prior?.Status == ItemJournal.Sending)
                    {
                        onItem ??= await PicturesOnAsync(numIid).ConfigureAwait(false);
                        if (picture.IsOn(onItem))
                        {
                            RecordPicture(draft, entryKey, ItemJournal.Attached, numIid, picture.Name);
                            continue;
                        }
                    }
                    var file = picture.Picture.File != null
                        ? TopFile.FromPath(picture.Picture.File)
                        : await PictureDownloader.DownloadAsync(picture.Picture.Url!, _cancellation).ConfigureAwait(false);
                    RecordPicture(draft, entryKey, ItemJournal.Sending, numIid, picture.Name);
                    for (var attempt = 1; ; attempt++)
                    {
                        try
                        {
                            await CallAsync(picture.Request(file)).ConfigureAwait(false);
                            break;
                        }
                        catch (TopException ex) when (ex.MayHaveBeenApplied && attempt < _options.MaxAttempts)
                        {
                            // Sent again only when the item shows it did not get it: no picture twice.
                            if (picture.IsOn(await PicturesOnAsync(numIid).ConfigureAwait(false))) break;
                        }
                    }
                    Interlocked.Increment(ref Counts.PicturesUploadedCount);
                    RecordPicture(draft, entryKey, ItemJournal.Attached, numIid, picture.Name);
                }
                catch (OperationCanceledException)
                {
                    // Stopped: the item is in the shop; the journal says which pictures the next run still attaches.
                    return;
                }
                catch (Exception ex) when (ex is TopException || ex is PictureDownloadException || ex is System.Net.Http.HttpRequestException || ex is System.IO.IOException)
                {
                    (_options.Warn ?? _options.Log)?.Invoke(CoreText.Format("PictureNotAttached", draft.Row.Describe(), numIid, picture.Name, picture.Picture, ex.Message));
                }
            }
        }

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
                var response = await CallAsync(ItemApi.CustomGet(batch.Select(b => b.OuterId).Distinct())).ConfigureAwait(false);
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

    /// <summary>What pictures an item has: main picture positions and property pictures' pid:vid.</summary>
    internal sealed class TaobaoItemPictures
    {
        public TaobaoItemPictures(HashSet<long> positions, HashSet<string> properties)
        {
            Positions = positions;
            Properties = properties;
        }

        public HashSet<long> Positions { get; }

        public HashSet<string> Properties { get; }
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

        internal int PicturesUploadedCount;

        public int Submitted => Volatile.Read(ref SubmittedCount);

        /// <summary>Pictures sent to Taobao: main pictures uploaded to the picture space and pictures attached to items.</summary>
        public int PicturesUploaded => Volatile.Read(ref PicturesUploadedCount);

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

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using TaobaoTop.Base;
using TaobaoTop.Completers;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Items;
using TaobaoTop.Resources;

namespace TaobaoTop.Cmdlets.Items
{
    /// <summary>
    /// Lists products from a sheet: rows from the pipeline (Import-Csv) or a CSV file (-Path), validated against the
    /// platform's rules, added concurrently, idempotent by outer_id, each outcome journaled and written in input order.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "TaobaoItem", SupportsShouldProcess = true, DefaultParameterSetName = RowSet)]
    [OutputType(typeof(TaobaoItemResult))]
    public sealed class AddTaobaoItemCommand : TaobaoCmdlet, IDisposable
    {
        private const string RowSet = "Row";
        private const string PathSet = "Path";

        private readonly List<ItemFieldError> _errors = new List<ItemFieldError>();
        private readonly WritePump _pump = new WritePump();
        private readonly Stopwatch _clock = new Stopwatch();
        private ItemRowValidator? _validator;
        private ItemPreflight? _preflight;
        private ItemListingEngine? _engine;
        private ItemJournal? _journal;
        private int _rowNumber;
        private bool _columnsReported;
        private bool _columnsChecked;
        private readonly List<(ItemRow Row, ItemDraft? Draft, List<ItemFieldError>? Errors)> _whatIf = new List<(ItemRow, ItemDraft?, List<ItemFieldError>?)>();
        private int _whatIfOuterIds;
        private int? _total;

        [Parameter(ParameterSetName = RowSet, ValueFromPipelineByPropertyName = true)]
        [Alias("标题", "宝贝标题", "商品标题", "商品名称", "宝贝名称")]
        [AllowEmptyString, AllowNull]
        public string? Title { get; set; }

        [Parameter(ParameterSetName = RowSet, ValueFromPipelineByPropertyName = true)]
        [Alias("价格", "一口价", "售价", "价格(元)", "一口价(元)", "单价")]
        [AllowEmptyString, AllowNull]
        public string? Price { get; set; }

        [Parameter(ParameterSetName = RowSet, ValueFromPipelineByPropertyName = true)]
        [Alias("数量", "库存", "宝贝数量", "Num", "Stock", "库存数量", "宝贝库存", "可售库存")]
        [AllowEmptyString, AllowNull]
        public string? Quantity { get; set; }

        [Parameter(ParameterSetName = RowSet, ValueFromPipelineByPropertyName = true)]
        [Alias("类目ID", "类目", "Cid", "Category")]
        [ArgumentCompleter(typeof(CategoryIdCompleter))]
        [AllowEmptyString, AllowNull]
        public string? CategoryId { get; set; }

        [Parameter(ParameterSetName = RowSet, ValueFromPipelineByPropertyName = true)]
        [Alias("描述", "宝贝描述", "商品描述", "Desc")]
        [AllowEmptyString, AllowNull]
        public string? Description { get; set; }

        [Parameter(ParameterSetName = RowSet, ValueFromPipelineByPropertyName = true)]
        [Alias("商家编码", "外部编码", "outer_id")]
        [AllowEmptyString, AllowNull]
        public string? OuterId { get; set; }

        [Parameter(ParameterSetName = RowSet, ValueFromPipelineByPropertyName = true)]
        [Alias("主图", "宝贝图片", "MainPicture", "PicPath", "pic_path")]
        [AllowEmptyString, AllowNull]
        public string? Picture { get; set; }

        [Parameter(ParameterSetName = RowSet, ValueFromPipelineByPropertyName = true)]
        [Alias("省", "省份", "Province", "location.state", "所在省", "所在省份", "所在地省份", "发货地省份")]
        [AllowEmptyString, AllowNull]
        public string? State { get; set; }

        [Parameter(ParameterSetName = RowSet, ValueFromPipelineByPropertyName = true)]
        [Alias("市", "城市", "location.city", "所在市", "所在城市", "所在地城市", "发货地城市")]
        [AllowEmptyString, AllowNull]
        public string? City { get; set; }

        [Parameter(ParameterSetName = RowSet, ValueFromPipelineByPropertyName = true)]
        [Alias("新旧程度", "stuff_status")]
        [AllowEmptyString, AllowNull]
        public string? StuffStatus { get; set; }

        /// <summary>The whole input record, attached to its result as Row.</summary>
        [Parameter(ParameterSetName = RowSet, ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = null!;

        /// <summary>utf8, gb18030 (gbk), unicode or any .NET encoding name; detected when omitted.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string? Encoding { get; set; }

        /// <summary>
        /// The most calls in flight (a memory bound). How many are follows the connection's QPS and the gateway's
        /// recent latency, so the quota stays full on a slow gateway too; every call keeps to the QPS.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public int ThrottleLimit { get; set; } = CallConcurrency.DefaultCap;

        /// <summary>Adds rows whose outer_id (商家编码) is already in the shop; without it they are Skipped.</summary>
        [Parameter]
        public SwitchParameter AllowDuplicateOuterId { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        [Parameter]
        [ValidateRange(0, long.MaxValue)]
        public long PictureCategoryId { get; set; }

        protected override void BeginProcessing()
        {
            _clock.Start();
        }

        protected override void ProcessRecord()
        {
            try
            {
                ProcessRow();
            }
            catch (ItemJournalWriteException ex)
            {
                ThrowTerminatingError(JournalNotWritable(ex));
            }
        }

        private void ProcessRow()
        {
            if (ParameterSetName == PathSet)
            {
                ProcessFile();
                return;
            }
            if (!_columnsChecked)
            {
                _columnsChecked = true;
                CheckOneColumnPerField();
            }
            _validator ??= new ItemRowValidator(path => SessionState.Path.GetUnresolvedProviderPathFromPSPath(path));
            if (!_columnsReported && InputObject?.BaseObject is PSCustomObject) ReportColumns(InputObject.Properties.Select(p => p.Name).ToList());
            var row = new ItemRow
            {
                RowNumber = ++_rowNumber,
                Source = InputObject,
                Title = Title, Price = Price, Quantity = Quantity, CategoryId = CategoryId, Description = Description,
                OuterId = OuterId, Picture = Picture, State = State, City = City, StuffStatus = StuffStatus,
            };
            HandleRow(row);
        }

        protected override void EndProcessing()
        {
            if (_whatIf.Count > 0) FlushWhatIf();
            if (_engine != null)
            {
                try
                {
                    _pump.RunUntil(_engine.CompleteAsync(), Cancellation, WriteRate);
                }
                catch (ItemJournalWriteException ex)
                {
                    ThrowTerminatingError(JournalNotWritable(ex));
                }
                WriteRate();
                var counts = _engine.Counts;
                WriteVerbose(string.Format(CultureInfo.InvariantCulture, "{0} rows: {1} added, {2} skipped, {3} invalid, {4} failed, in {5:0.0} s",
                    counts.Completed, counts.Added, counts.Skipped, counts.Invalid, counts.Failed, _clock.Elapsed.TotalSeconds));
                WriteProgress(new ProgressRecord(1, "Adding items", "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        /// <summary>
        /// A record with both 标题 and Title (say) would have one win silently. Checked on the first record only: the
        /// records of one pipeline share their columns as a sheet's rows do, and listing every record's properties
        /// took a quarter of a -WhatIf run's time.
        /// </summary>
        private void CheckOneColumnPerField()
        {
            if (InputObject is null) return;
            var columnOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in InputObject.Properties)
            {
                if (!(ItemColumns.FieldOf(property.Name) is string field)) continue;
                if (columnOf.TryGetValue(field, out var first))
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new PSArgumentException("The input has both '" + first + "' and '" + property.Name + "', which both give " + ItemColumns.Describe(field) + "; keep one of them."),
                        "AmbiguousColumns", ErrorCategory.InvalidData, InputObject));
                }
                columnOf[field] = property.Name;
            }
        }

        private static ErrorRecord JournalNotWritable(ItemJournalWriteException ex) => new ErrorRecord(ex, "JournalNotWritable", ErrorCategory.WriteError, ex.Path);

        /// <summary>Also runs when the pipeline ends early: calls still in flight are cancelled and the journal closed.</summary>
        public void Dispose()
        {
            StopProcessing();
            _journal?.Dispose();
        }

        private void ProcessFile()
        {
            var file = GetUnresolvedProviderPathFromPSPath(Path);
            ItemSheetReader sheet;
            try
            {
                sheet = new ItemSheetReader(file, Encoding is null ? null : SheetEncoding.FromName(Encoding));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException || ex is InvalidDataException)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "SheetNotReadable", ErrorCategory.ReadError, Path));
                return;
            }
            var folder = System.IO.Path.GetDirectoryName(file) ?? string.Empty;
            _validator = new ItemRowValidator(picture => System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, picture)));
            List<ItemRow> rows;
            try
            {
                rows = sheet.ReadRows().ToList();
            }
            catch (InvalidDataException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "SheetNotReadable", ErrorCategory.InvalidData, Path));
                return;
            }
            _total = rows.Count;
            WriteVerbose($"{file}: {rows.Count} rows read as {sheet.Encoding.WebName}");
            ReportColumns(sheet.Headers);
            foreach (var row in rows) HandleRow(row);
        }

        /// <summary>
        /// Once per run: messages name fields by the sheet's own headers, and one warning names the columns not used
        /// with the accepted names nearest to each (a misnamed column would otherwise be "missing" on every row).
        /// </summary>
        private void ReportColumns(IReadOnlyList<string> headers)
        {
            _columnsReported = true;
            _validator!.Headers = ItemColumns.HeadersByField(headers);
            var unused = headers.Where(h => !string.IsNullOrWhiteSpace(h) && ItemColumns.FieldOf(h) is null).ToList();
            if (unused.Count == 0) return;
            var required = new[] { ItemColumns.Title, ItemColumns.Price, ItemColumns.Quantity, ItemColumns.CategoryId, ItemColumns.Description, ItemColumns.State, ItemColumns.City };
            var absent = required.Where(f => !_validator.Headers.ContainsKey(f)).Select(ItemColumns.Describe).ToList();
            var columns = string.Join(", ", unused.Select(h => Messages.Format("UnusedColumn", h, Messages.Format("NearestAccepted", string.Join(", ", ItemColumns.Nearest(h))))));
            WriteWarning(Messages.Format("ColumnsNotUsed", columns) + (absent.Count > 0 ? Messages.Format("NoColumnFor", string.Join(", ", absent)) : string.Empty) + Messages.Get("SentenceEnd"));
        }

        private void HandleRow(ItemRow row)
        {
            var whatIf = WhatIfOnly;
            // The engine (and the journal, held by one run) start with the first row, before any call, unless nothing
            // is to be sent.
            if (_engine is null && !whatIf) _engine = StartEngine();
            var draft = _validator!.Validate(row, _errors);
            if (draft != null)
            {
                _preflight ??= new ItemPreflight(RequireConnection().Client, e => _pump.Post(() => Report(e)));
                _pump.RunUntil(_preflight.CheckAsync(draft, _errors, Cancellation), Cancellation, WriteRate);
                if (_errors.Count > 0) draft = null;
            }
            if (whatIf)
            {
                // Rows wait so the shop's outer ids are looked up 40 to a call; they still come out in input order.
                _whatIf.Add((row, draft, draft is null ? _errors.ToList() : null));
                if (draft?.OuterId != null && !AllowDuplicateOuterId && ++_whatIfOuterIds == ItemApi.CustomGetBatchSize) FlushWhatIf();
                return;
            }
            var engine = _engine ??= StartEngine();
            if (draft is null)
            {
                _pump.RunUntil(engine.WaitForRoomAsync(), Cancellation, WriteRate);
                engine.SubmitInvalid(row, _errors.ToList());
                return;
            }
            if (!ShouldProcess(row.Describe(), AddAction(draft))) return;
            _pump.RunUntil(engine.WaitForRoomAsync(), Cancellation, WriteRate);
            engine.Submit(draft);
        }

        private static string AddAction(ItemDraft draft) => Messages.Format("AddItemAction", draft.Title, ItemApi.Money(draft.Price), draft.Quantity);

        /// <summary>Under -WhatIf: what the real run would do with each waiting row, in order, after one lookup of their outer ids.</summary>
        private void FlushWhatIf()
        {
            var outerIds = AllowDuplicateOuterId
                ? new List<string>()
                : _whatIf.Where(w => w.Draft?.OuterId != null).Select(w => w.Draft!.OuterId!).Distinct(StringComparer.Ordinal).ToList();
            var existing = new Dictionary<string, long>(StringComparer.Ordinal);
            if (outerIds.Count > 0)
            {
                var lookup = _preflight!.ExistingAsync(outerIds, Cancellation);
                try
                {
                    _pump.RunUntil(lookup, Cancellation);
                    existing = lookup.Result;
                }
                catch (TopException ex)
                {
                    WriteWarning("Whether " + outerIds.Count + " rows' 商家编码 are already in the shop could not be looked up: " + ex.Message);
                }
            }
            foreach (var (row, draft, errors) in _whatIf)
            {
                if (draft is null)
                {
                    var result = new TaobaoItemResult
                    {
                        RowNumber = row.RowNumber, LineNumber = row.LineNumber, Status = TaobaoItemStatus.Invalid, OuterId = row.OuterId, Title = row.Title,
                        Field = errors![0].Field, Error = string.Join("; ", errors.Select(e => e.Message)), Row = row.Source,
                    };
                    WriteRowError(result, new TaobaoItemRowException(ItemRowValidator.Describe(row, errors), result));
                }
                else if (draft.OuterId != null && existing.TryGetValue(draft.OuterId, out var numIid))
                {
                    ShouldProcess(row.Describe(), Messages.Format("SkipItemAction", draft.OuterId, numIid.ToString(CultureInfo.InvariantCulture)));
                }
                else
                {
                    ShouldProcess(row.Describe(), AddAction(draft));
                }
            }
            _whatIf.Clear();
            _whatIfOuterIds = 0;
        }

        private bool WhatIfOnly
            => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
                ? LanguagePrimitives.IsTrue(whatIf)
                : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

        private ItemListingEngine StartEngine()
        {
            var client = RequireConnection().Client;
            if (JournalPath != null)
            {
                var path = GetUnresolvedProviderPathFromPSPath(JournalPath);
                try
                {
                    _journal = ItemJournal.Open(path);
                }
                catch (ItemJournalInUseException ex)
                {
                    ThrowTerminatingError(new ErrorRecord(ex, "JournalInUse", ErrorCategory.ResourceBusy, path));
                    throw;
                }
                if (_journal!.PriorEntries > 0) WriteVerbose($"{path}: {_journal.PriorEntries} rows known from an earlier run; rows it has as added are not sent again");
            }
            var options = new ItemListingOptions
            {
                ThrottleLimit = ThrottleLimit, AllowDuplicateOuterId = AllowDuplicateOuterId, PictureCategoryId = PictureCategoryId,
                Log = message => _pump.Post(() => WriteVerbose(message)),
                Warn = message => _pump.Post(() => WriteWarning(message)),
            };
            return new ItemListingEngine(client, options, _journal, (result, error) => _pump.Post(() =>
            {
                try
                {
                    if (error is null) WriteObject(WithRecord(result));
                    else WriteRowError(result, error);
                }
                catch (Exception stop) when (!(stop is OperationCanceledException))
                {
                    // Downstream stopped (Select-Object -First) or this error stops the pipeline (-ErrorAction Stop).
                    StopSending();
                    throw;
                }
            }), Cancellation);
        }

        /// <summary>Sends no new row, lets the rows in flight finish into the journal, and says how many of each.</summary>
        private void StopSending()
        {
            var inFlight = _engine!.StopSending(out var settled);
            settled.Wait();
            var counts = _engine.Counts;
            var unread = _total is int total ? total - counts.Submitted : 0;
            var notSent = counts.NotSent + unread;
            try
            {
                WriteWarning(Messages.Format("StoppedWarning", inFlight, _journal is null ? string.Empty : Messages.Get("StoppedJournaled"), notSent));
            }
            catch (PipelineStoppedException)
            {
                // Ctrl+C: nothing more can be written.
            }
        }

        private void WriteRowError(TaobaoItemResult result, Exception error)
        {
            string id;
            ErrorCategory category;
            if (error.InnerException is TopException call)
            {
                // A failed call has the id and category it has in every other cmdlet (TopQuotaExceeded, TopApiError27:…).
                id = ErrorRecords.ErrorId(call);
                category = ErrorRecords.Category(call);
            }
            else
            {
                id = result.Status == TaobaoItemStatus.Invalid ? "InvalidItemRow" : "ItemAddFailed";
                category = result.Status == TaobaoItemStatus.Invalid ? ErrorCategory.InvalidData : ErrorCategory.NotSpecified;
            }
            WriteError(new ErrorRecord(error, id, category, WithRecord(result)));
        }

        /// <summary>A CSV row's columns become a record like Import-Csv's only when the row is written: -WhatIf over a big sheet stays fast.</summary>
        private static TaobaoItemResult WithRecord(TaobaoItemResult result)
        {
            if (result.Row is IDictionary<string, string> columns) result.Row = AsRecord(columns);
            return result;
        }

        private void WriteRate()
        {
            if (_engine is null) return;
            var counts = _engine.Counts;
            var seconds = _clock.Elapsed.TotalSeconds;
            var rate = seconds > 0 ? counts.Completed / seconds : 0;
            var status = string.Format(CultureInfo.InvariantCulture, "{0} of {1} rows, {2:0.0} rows/s: {3} added, {4} skipped, {5} invalid, {6} failed",
                counts.Completed, _total?.ToString(CultureInfo.InvariantCulture) ?? counts.Submitted.ToString(CultureInfo.InvariantCulture), rate,
                counts.Added, counts.Skipped, counts.Invalid, counts.Failed);
            var progress = new ProgressRecord(1, "Adding items", status);
            if (_total is int total && total > 0)
            {
                progress.PercentComplete = Math.Min(100, counts.Completed * 100 / total);
                if (rate > 0) progress.SecondsRemaining = (int)Math.Ceiling((total - counts.Completed) / rate);
            }
            WriteProgress(progress);
        }

        private static PSObject AsRecord(IDictionary<string, string> columns)
        {
            var record = new PSObject();
            foreach (var column in columns) record.Properties.Add(new PSNoteProperty(column.Key, column.Value));
            return record;
        }
    }
}

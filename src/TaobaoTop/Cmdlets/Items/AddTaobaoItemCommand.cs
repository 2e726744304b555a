using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using TaobaoTop.Base;
using TaobaoTop.Completers;
using TaobaoTop.Core.Errors;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Items;
using TaobaoTop.Resources;
// A row as -WhatIf checked it: its draft, or the errors that refused it.
using CheckedRow = (TaobaoTop.Core.Items.ItemRow Row, TaobaoTop.Core.Items.ItemDraft? Draft, System.Collections.Generic.List<TaobaoTop.Core.Items.ItemFieldError>? Errors);

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
        private readonly ItemRowGrouper _grouper = new ItemRowGrouper();
        private List<string> _unusedColumns = new List<string>();
        private string _absentColumns = string.Empty;
        private int _rowNumber;
        private bool _columnsReported;
        private bool _whatIfOnly;
        private readonly List<(string Field, string? Value)> _commandLine = new List<(string, string?)>();
        private readonly Dictionary<string, string?> _fieldOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _given = new Dictionary<string, string>(StringComparer.Ordinal);
        private OuterIdBatches<CheckedRow>? _whatIf;
        private int? _total;

        [Parameter(ParameterSetName = RowSet)]
        [Alias("标题", "宝贝标题", "商品标题", "商品名称", "宝贝名称")]
        [AllowEmptyString, AllowNull]
        public string? Title { get; set; }

        [Parameter(ParameterSetName = RowSet)]
        [Alias("价格", "一口价", "售价", "价格(元)", "一口价(元)", "单价")]
        [AllowEmptyString, AllowNull]
        public string? Price { get; set; }

        [Parameter(ParameterSetName = RowSet)]
        [Alias("数量", "库存", "宝贝数量", "Num", "Stock", "库存数量", "宝贝库存", "可售库存")]
        [AllowEmptyString, AllowNull]
        public string? Quantity { get; set; }

        [Parameter(ParameterSetName = RowSet)]
        [Alias("类目ID", "类目", "Cid", "Category")]
        [ArgumentCompleter(typeof(CategoryIdCompleter))]
        [AllowEmptyString, AllowNull]
        public string? CategoryId { get; set; }

        [Parameter(ParameterSetName = RowSet)]
        [Alias("描述", "宝贝描述", "商品描述", "Desc")]
        [AllowEmptyString, AllowNull]
        public string? Description { get; set; }

        [Parameter(ParameterSetName = RowSet)]
        [Alias("商家编码", "外部编码", "outer_id")]
        [AllowEmptyString, AllowNull]
        public string? OuterId { get; set; }

        [Parameter(ParameterSetName = RowSet)]
        [Alias("主图", "宝贝图片", "MainPicture", "PicPath", "pic_path")]
        [AllowEmptyString, AllowNull]
        public string? Picture { get; set; }

        [Parameter(ParameterSetName = RowSet)]
        [Alias("省", "省份", "Province", "location.state", "所在省", "所在省份", "所在地省份", "发货地省份")]
        [AllowEmptyString, AllowNull]
        public string? State { get; set; }

        [Parameter(ParameterSetName = RowSet)]
        [Alias("市", "城市", "location.city", "所在市", "所在城市", "所在地城市", "发货地城市")]
        [AllowEmptyString, AllowNull]
        public string? City { get; set; }

        [Parameter(ParameterSetName = RowSet)]
        [Alias("新旧程度", "stuff_status")]
        [AllowEmptyString, AllowNull]
        public string? StuffStatus { get; set; }

        /// <summary>运费模板ID: the freight template (postage_id) from Get-TaobaoFreightTemplate.</summary>
        [Parameter(ParameterSetName = RowSet)]
        [Alias("运费模板ID", "运费模板", "postage_id", "PostageId")]
        [AllowEmptyString, AllowNull]
        public string? FreightTemplateId { get; set; }

        /// <summary>成本价: the cost -PriceRule turns into the price of a row (or SKU row) that gives none.</summary>
        [Parameter(ParameterSetName = RowSet)]
        [Alias("成本价", "成本", "进价", "采购价", "cost_price")]
        [AllowEmptyString, AllowNull]
        public string? Cost { get; set; }

        /// <summary>SKU价格: the price of the SKU this row gives; rows sharing a 商家编码 are the SKUs of one item.</summary>
        [Parameter(ParameterSetName = RowSet)]
        [Alias("SKU价格", "SKU价", "SKU售价", "sku_price", "规格价格")]
        [AllowEmptyString, AllowNull]
        public string? SkuPrice { get; set; }

        [Parameter(ParameterSetName = RowSet)]
        [Alias("SKU库存", "SKU数量", "sku_quantity", "规格库存")]
        [AllowEmptyString, AllowNull]
        public string? SkuQuantity { get; set; }

        [Parameter(ParameterSetName = RowSet)]
        [Alias("SKU编码", "SKU商家编码", "sku_outer_id", "规格编码")]
        [AllowEmptyString, AllowNull]
        public string? SkuOuterId { get; set; }

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

        /// <summary>Prices rows from their 成本价: @{ Margin = 30; AddOn = 5; PlatformFee = 5; Ending = '.9'; Floor = 9.9; Ceiling = 999 }.</summary>
        [Parameter]
        [Conversion.PriceRule]
        public PriceRule? PriceRule { get; set; }

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

        /// <summary>Lists a SKU's colour or size that is not one of the category's values under the sheet's own name (雾霾蓝).</summary>
        [Parameter]
        public SwitchParameter AllowCustomSaleValue { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        [Parameter]
        [ValidateRange(0, long.MaxValue)]
        public long PictureCategoryId { get; set; }

        protected override void OnBegin()
        {
            _clock.Start();
            _whatIfOnly = MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
                ? LanguagePrimitives.IsTrue(whatIf)
                : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));
            // Fields given on the command line hold for every record, as a parameter bound by name would.
            foreach (var bound in MyInvocation.BoundParameters)
            {
                if (ItemColumns.Aliases.ContainsKey(bound.Key)) _commandLine.Add((bound.Key, bound.Value as string));
            }
        }

        protected override void OnRecord()
        {
            if (ParameterSetName == PathSet)
            {
                ProcessFile();
                return;
            }
            _validator ??= NewValidator(path => SessionState.Path.GetUnresolvedProviderPathFromPSPath(path));
            if (!_columnsReported && InputObject?.BaseObject is PSCustomObject) ReportColumns(RecordProperties.Of(InputObject).Select(p => p.Name).ToList());
            var row = new ItemRow { RowNumber = ++_rowNumber, Source = InputObject };
            foreach (var (field, value) in _commandLine) row.Set(field, value);
            row.Extra = ReadRecord(InputObject, row);
            if (_grouper.Add(row) is ItemRow item) HandleRow(item);
        }

        /// <summary>
        /// Sets the row's fields from the record's properties named after them (标题, Title …, as -Path reads a sheet's
        /// headers) and returns the other columns of a PSCustomObject: category properties among them. One pass over the
        /// properties instead of PowerShell binding sixteen parameters by their names and aliases, which took most of a
        /// -WhatIf run's time. A record with two columns for one field (标题 and Title) stops the run: one would win silently.
        /// </summary>
        private IReadOnlyDictionary<string, string> ReadRecord(PSObject? record, ItemRow row)
        {
            if (record is null) return NoColumns;
            Dictionary<string, string>? extra = null;
            var isCustom = record.BaseObject is PSCustomObject;
            _given.Clear();
            foreach (var property in RecordProperties.Of(record))
            {
                var name = property.Name;
                if (!_fieldOf.TryGetValue(name, out var field)) _fieldOf[name] = field = ItemColumns.FieldOf(name);
                if (field is null)
                {
                    if (!isCustom) continue;
                    extra ??= new Dictionary<string, string>(StringComparer.Ordinal);
                    if (!extra.ContainsKey(name)) extra[name] = TextOf(property.Value) ?? string.Empty;
                    continue;
                }
                if (_given.TryGetValue(field, out var first))
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new PSArgumentException(Messages.Format("AmbiguousColumns", first, name, ItemColumns.Describe(field))),
                        "AmbiguousColumns", ErrorCategory.InvalidData, record));
                }
                _given[field] = name;
                if (!IsOnCommandLine(field)) row.Set(field, TextOf(property.Value));
            }
            return extra ?? NoColumns;
        }

        private bool IsOnCommandLine(string field)
        {
            foreach (var (given, _) in _commandLine)
            {
                if (given == field) return true;
            }
            return false;
        }

        /// <summary>A property's value as PowerShell would bind it to a string parameter (numbers in the invariant culture).</summary>
        private static string? TextOf(object? value)
            => value switch
            {
                null => null,
                string text => text,
                PSObject wrapped when wrapped.BaseObject is string text => text,
                int number => number.ToString(CultureInfo.InvariantCulture),
                long number => number.ToString(CultureInfo.InvariantCulture),
                decimal number => number.ToString(CultureInfo.InvariantCulture),
                _ => LanguagePrimitives.ConvertTo<string>(value),
            };

        private static readonly IReadOnlyDictionary<string, string> NoColumns = new Dictionary<string, string>(StringComparer.Ordinal);

        protected override void OnEnd()
        {
            if (_grouper.Flush() is ItemRow item) HandleRow(item);
            if (_whatIf != null) WriteWhatIf(all: true);
            WarnUnusedColumns();
            if (_engine != null)
            {
                _pump.RunUntil(_engine.CompleteAsync(), Cancellation, WriteRate);
                WriteRate();
                var counts = _engine.Counts;
                WriteVerbose(Messages.Format("AddSummary",
                    counts.Completed, counts.Added, counts.Skipped, counts.Invalid, counts.Failed, counts.PicturesUploaded, _clock.Elapsed.TotalSeconds));
                WriteProgress(new ProgressRecord(1, Messages.Get("AddingActivity"), Messages.Get("ProgressDone")) { RecordType = ProgressRecordType.Completed });
            }
        }

        private ItemRowValidator NewValidator(Func<string, string> resolvePath)
            => new ItemRowValidator(resolvePath) { Rule = PriceRule, Warn = WriteWarning };

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
            _validator = NewValidator(picture => System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, picture)));
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
            var items = new List<ItemRow>();
            foreach (var row in rows)
            {
                if (_grouper.Add(row) is ItemRow item) items.Add(item);
            }
            if (_grouper.Flush() is ItemRow last) items.Add(last);
            _total = items.Count;
            WriteVerbose(Messages.Format("RowsRead", file, rows.Count, sheet.Encoding.WebName) + (items.Count < rows.Count ? Messages.Format("RowsReadSkuItems", items.Count) : string.Empty));
            ReportColumns(sheet.Headers);
            foreach (var item in items) HandleRow(item);
        }

        /// <summary>
        /// Once per run: messages name fields by the sheet's own headers, and one warning names the columns not used
        /// with the accepted names nearest to each (a misnamed column would otherwise be "missing" on every row).
        /// </summary>
        private void ReportColumns(IReadOnlyList<string> headers)
        {
            _columnsReported = true;
            _validator!.Headers = ItemColumns.HeadersByField(headers);
            _unusedColumns = headers.Where(h => !string.IsNullOrWhiteSpace(h) && ItemColumns.FieldOf(h) is null && ItemColumns.ExtraPicturePosition(h) is null && !ItemColumns.IsSkuPicture(h)).Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
            var required = new[] { ItemColumns.Title, ItemColumns.Price, ItemColumns.Quantity, ItemColumns.CategoryId, ItemColumns.Description, ItemColumns.State, ItemColumns.City };
            var absent = required.Where(f => !_validator.Headers.ContainsKey(f)).Select(ItemColumns.Describe).ToList();
            _absentColumns = absent.Count > 0 ? Messages.Format("NoColumnFor", string.Join(", ", absent)) : string.Empty;
        }

        /// <summary>At the end, when every row's category has said which columns are its properties (品牌, 颜色分类 …).</summary>
        private void WarnUnusedColumns()
        {
            var unused = _unusedColumns.Where(h => _preflight is null || !_preflight.PropertyColumns.Contains(h)).ToList();
            if (unused.Count == 0) return;
            var columns = string.Join(", ", unused.Select(h => Messages.Format("UnusedColumn", h, Messages.Format("NearestAccepted", string.Join(", ", ItemColumns.Nearest(h))))));
            WriteWarning(Messages.Format("ColumnsNotUsed", columns) + _absentColumns + Messages.Get("SentenceEnd"));
        }

        private void HandleRow(ItemRow row)
        {
            var whatIf = _whatIfOnly;
            // The engine (and the journal, held by one run) start with the first row, before any call, unless nothing
            // is to be sent.
            if (_engine is null && !whatIf) _engine = StartEngine();
            var draft = _validator!.Validate(row, _errors);
            if (draft != null)
            {
                _preflight ??= new ItemPreflight(RequireConnection().Client, e => _pump.Post(() => Report(e))) { AllowCustomSaleValues = AllowCustomSaleValue };
                _pump.RunUntil(_preflight.CheckAsync(draft, _errors, Cancellation), Cancellation, WriteRate);
                if (_errors.Count > 0) draft = null;
            }
            if (whatIf)
            {
                // Rows wait so the shop's outer ids are looked up 40 to a call, while the next rows are checked; they
                // still come out in input order.
                _whatIf ??= new OuterIdBatches<CheckedRow>(outerIds => Task.Run(() => _preflight!.ExistingAsync(outerIds, Cancellation)));
                _whatIf.Add((row, draft, draft is null ? _errors.ToList() : null), AllowDuplicateOuterId ? null : draft?.OuterId);
                WriteWhatIf(all: false);
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

        /// <summary>What would be added; a price made from a cost shows cost → price and the rule, so -WhatIf checks the pricing.</summary>
        private string AddAction(ItemDraft draft)
        {
            var action = Messages.Format("AddItemAction", draft.Title, ItemApi.Money(draft.Price), draft.Quantity);
            var priced = new List<string>();
            if (draft.Cost is decimal cost) priced.Add(ItemApi.Money(cost) + " → " + ItemApi.Money(draft.Price));
            foreach (var sku in draft.Skus)
            {
                if (sku.Cost is decimal skuCost) priced.Add((sku.OuterId ?? sku.Row.DescribeSku(null)) + " " + ItemApi.Money(skuCost) + " → " + ItemApi.Money(sku.Price));
            }
            if (draft.LaterSkus.Count > 0) action += Messages.Format("WithLaterSkus", draft.Skus.Count, draft.LaterSkus.Count);
            else if (draft.Skus.Count > 0) action += Messages.Format("WithSkus", draft.Skus.Count);
            if (draft.PropertyAlias != null) action += Messages.Format("WithOwnNames", string.Join(", ", draft.PropertyAlias.Split(';').Select(a => a.Substring(a.IndexOf(':', a.IndexOf(':') + 1) + 1))));
            if (priced.Count > 0) action += Messages.Format("PricedFromCost", string.Join(", ", priced), PriceRule);
            return action;
        }

        /// <summary>
        /// Under -WhatIf: what the real run would do with each row whose batch has been looked up, in input order. Waits
        /// for the oldest batch only when -ThrottleLimit batches are out (a memory bound), or for all at the sheet's end.
        /// </summary>
        private void WriteWhatIf(bool all)
        {
            if (all) _whatIf!.Send();
            while (_whatIf!.Oldest is Task oldest)
            {
                if (!oldest.IsCompleted)
                {
                    if (!all && _whatIf.Waiting <= ThrottleLimit) return;
                    try
                    {
                        _pump.RunUntil(oldest, Cancellation);
                    }
                    catch (TopException)
                    {
                        // Written with its batch's rows.
                    }
                }
                WriteWhatIf(_whatIf.TakeFinished()!);
            }
        }

        private void WriteWhatIf(OuterIdBatches<CheckedRow>.Batch batch)
        {
            Dictionary<string, long>? existing = null;
            try
            {
                existing = batch.Found!.GetAwaiter().GetResult();
            }
            catch (TopException ex)
            {
                WriteWarning(Messages.Format("OuterIdLookupFailed", batch.OuterIds.Count, ex.Message));
            }
            foreach (var (row, draft, errors) in batch.Rows)
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
                else if (draft.OuterId != null && existing != null && existing.TryGetValue(draft.OuterId, out var numIid))
                {
                    ShouldProcess(row.Describe(), Messages.Format("SkipItemAction", draft.OuterId, numIid.ToString(CultureInfo.InvariantCulture)));
                }
                else
                {
                    ShouldProcess(row.Describe(), AddAction(draft));
                }
            }
        }

        private ItemListingEngine StartEngine()
        {
            var client = RequireConnection().Client;
            if (JournalPath != null)
            {
                var path = GetUnresolvedProviderPathFromPSPath(JournalPath);
                _journal = ItemJournal.Open(path);
                if (_journal.PriorEntries > 0) WriteVerbose(Messages.Format("JournalPrior", path, _journal.PriorEntries));
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

        /// <summary>A failed call has the id and category it has in every other cmdlet (TopQuotaExceeded, TopApiError27:…).</summary>
        private void WriteRowError(TaobaoItemResult result, Exception error) => WriteFailure(error, WithRecord(result));

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
            var status = Messages.Format("AddProgress",
                counts.Completed, _total?.ToString(CultureInfo.InvariantCulture) ?? counts.Submitted.ToString(CultureInfo.InvariantCulture), rate,
                counts.Added, counts.Skipped, counts.Invalid, counts.Failed);
            var progress = new ProgressRecord(1, Messages.Get("AddingActivity"), status);
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

using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace TaobaoTop.Core.Items
{
    /// <summary>
    /// Rows waiting for the look-up of the shop's outer ids (taobao.items.custom.get, <see cref="ItemApi.CustomGetBatchSize"/>
    /// to a call) before -WhatIf can say what the real run would do with them. A batch is looked up as soon as it is full,
    /// while later rows are still being checked, so a slow gateway costs a big sheet its latency once, not once a batch;
    /// batches come back in input order.
    /// </summary>
    public sealed class OuterIdBatches<TRow>
    {
        private static readonly Task<Dictionary<string, long>> NothingToLookUp = Task.FromResult(new Dictionary<string, long>(StringComparer.Ordinal));

        private readonly Func<IReadOnlyCollection<string>, Task<Dictionary<string, long>>> _lookUp;
        private readonly Queue<Batch> _sent = new Queue<Batch>();
        private Batch _filling = new Batch();

        /// <param name="lookUp">Starts the look-up of one batch's outer ids; its task gives the items found by outer id.</param>
        public OuterIdBatches(Func<IReadOnlyCollection<string>, Task<Dictionary<string, long>>> lookUp)
        {
            _lookUp = lookUp ?? throw new ArgumentNullException(nameof(lookUp));
        }

        /// <summary>Batches sent and not taken yet.</summary>
        public int Waiting => _sent.Count;

        /// <summary>The oldest batch's look-up, or null when none waits.</summary>
        public Task? Oldest => _sent.Count > 0 ? _sent.Peek().Found : null;

        /// <param name="outerId">Null for a row that needs no look-up (invalid, or no outer id); it keeps its place.</param>
        public void Add(TRow row, string? outerId)
        {
            _filling.Rows.Add(row);
            if (outerId != null) _filling.OuterIds.Add(outerId);
            // Rows without outer ids need no call: they go on in groups instead of waiting for the sheet's end.
            if (_filling.OuterIds.Count == ItemApi.CustomGetBatchSize || (_filling.OuterIds.Count == 0 && _filling.Rows.Count == ItemApi.CustomGetBatchSize)) Send();
        }

        /// <summary>Sends the rows added since the last full batch (the sheet's end).</summary>
        public void Send()
        {
            if (_filling.Rows.Count == 0) return;
            _filling.Found = _filling.OuterIds.Count == 0 ? NothingToLookUp : _lookUp(_filling.OuterIds);
            _sent.Enqueue(_filling);
            _filling = new Batch();
        }

        /// <summary>The oldest batch once its look-up has ended (a failed look-up's task is faulted); null while it runs.</summary>
        public Batch? TakeFinished()
        {
            if (_sent.Count == 0 || !_sent.Peek().Found!.IsCompleted) return null;
            return _sent.Dequeue();
        }

        public sealed class Batch
        {
            internal Batch()
            {
            }

            public List<TRow> Rows { get; } = new List<TRow>();

            public HashSet<string> OuterIds { get; } = new HashSet<string>(StringComparer.Ordinal);

            /// <summary>The shop's items among <see cref="OuterIds"/>, by outer id.</summary>
            public Task<Dictionary<string, long>>? Found { get; internal set; }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TaobaoTop.Core.Json;
using TaobaoTop.Core.Pipeline;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Core.Affiliate.Orders
{
    /// <summary>
    /// Pages the option-object order APIs (refunds, punished orders), whose answers are
    /// <c>result.data{page_no, page_size, total_count, results}</c> and whose paging lives inside a JSON option parameter.
    /// </summary>
    public sealed class TbkRecordPager
    {
        private readonly TopClient _client;

        public TbkRecordPager(TopClient client)
        {
            _client = client;
        }

        /// <param name="option">The option object of one query without page_no/page_size; each page adds them.</param>
        public async Task RunAsync(string method, string optionName, IDictionary<string, object?> option, int pageSize, Action<JsonElement> onRecord, Action<TopCallEvent>? observer, CancellationToken cancellationToken)
        {
            for (var pageNo = 1; ; pageNo++)
            {
                var page = new Dictionary<string, object?>(option) { ["page_no"] = pageNo, ["page_size"] = pageSize };
                var request = new TopRequest(method).With(optionName, JsonSerializer.Serialize(Formatted(page)));
                var response = await _client.InvokeAsync(request, observer, cancellationToken).ConfigureAwait(false);
                var data = response.Body.Child("result").Child("data");
                var count = 0;
                foreach (var record in data.Child("results").Items())
                {
                    count++;
                    onRecord(record);
                }
                var total = data.Long("total_count");
                if (count < pageSize || (total.HasValue && (long)pageNo * pageSize >= total.Value)) return;
            }
        }

        private static Dictionary<string, object?> Formatted(Dictionary<string, object?> option)
        {
            var result = new Dictionary<string, object?>();
            foreach (var pair in option)
            {
                if (pair.Value is null) continue;
                result[pair.Key] = pair.Value is DateTimeOffset instant ? TopTime.ToTopString(instant) : pair.Value;
            }
            return result;
        }
    }
}

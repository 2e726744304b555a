using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using TaobaoTop.Core.Protocol;
using static TaobaoTop.Core.Json.Utf8Fields;

namespace TaobaoTop.Core.Affiliate
{
    /// <summary>
    /// The answer of taobao.tbk.item.info.upgrade.get / item.details.upgrade.get read straight from its bytes, giving what
    /// <see cref="TbkAnswers.ItemDetails"/> gives over the parsed document, without building the document.
    /// </summary>
    public static class TbkItemDetails
    {
        /// <summary>Given to a details request (<see cref="TopRequest.AnswerReader"/>): the parser's one pass over the answer fills the items.</summary>
        public static ITopAnswerReader NewReader() => new DetailsReader();

        /// <summary>The items the parser's pass filled; an answer of another shape (simplify=true) is read from its body.</summary>
        public static IReadOnlyList<TbkItem> Read(TopResponse response)
            => response.Model is DetailsReader details ? details.Items : TbkAnswers.ItemDetails(response.Body);

        private sealed class DetailsReader : ITopAnswerReader
        {
            private static readonly byte[] Results = Encoding.UTF8.GetBytes("results");

            public readonly List<TbkItem> Items = new List<TbkItem>();
            private readonly TextPool _texts = new TextPool();

            public void ReadProperty(ref Utf8JsonReader reader)
            {
                var isResults = reader.ValueTextEquals(Results);
                reader.Read();
                if (!isResults)
                {
                    reader.Skip();
                    return;
                }
                // Like JsonFields: the last of repeated fields counts.
                Items.Clear();
                TbkMaterialPages.ReadItems(ref reader, Items, _texts);
            }
        }
    }
}

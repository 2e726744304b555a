using System.Text.Json;

namespace TaobaoTop.Core.Protocol
{
    /// <summary>
    /// A request's own reader of its answer: the parser hands it each property of the answer's object in the one pass
    /// that also checks the answer, so a typed model (an order page) is filled without reading the bytes twice.
    /// </summary>
    public interface ITopAnswerReader
    {
        /// <summary>Reads one property of the answer's object: <paramref name="reader"/> is on its name and must be left on the value's last token.</summary>
        void ReadProperty(ref Utf8JsonReader reader);
    }
}

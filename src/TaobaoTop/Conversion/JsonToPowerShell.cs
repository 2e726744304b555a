using System.Management.Automation;
using System.Text.Json;

namespace TaobaoTop.Conversion
{
    /// <summary>
    /// JSON answers as PowerShell objects: objects as PSCustomObjects, arrays as object[], integers as long (64-bit ids
    /// are never rounded through double), other numbers as decimal, strings kept as strings (string item ids too).
    /// </summary>
    internal static class JsonToPowerShell
    {
        public static object? Convert(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var result = new PSObject();
                    foreach (var property in element.EnumerateObject())
                    {
                        result.Properties.Add(new PSNoteProperty(property.Name, Convert(property.Value)));
                    }
                    return result;
                case JsonValueKind.Array:
                    var items = new object?[element.GetArrayLength()];
                    var i = 0;
                    foreach (var item in element.EnumerateArray()) items[i++] = Convert(item);
                    return items;
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    if (element.TryGetInt64(out var integer)) return integer;
                    if (element.TryGetDecimal(out var exact)) return exact;
                    return element.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }
    }
}

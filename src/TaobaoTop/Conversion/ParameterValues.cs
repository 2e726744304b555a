using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Encodings.Web;
using System.Text.Json;
using TaobaoTop.Core.Protocol;

namespace TaobaoTop.Conversion
{
    /// <summary>
    /// PowerShell values as TOP parameter text: lists comma-joined (num_iids=1,2,3), hashtables and objects as JSON
    /// (search_option={…}), scalars as <see cref="TopRequest.FormatValue"/> writes them.
    /// </summary>
    internal static class ParameterValues
    {
        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static string? ToText(object? value)
        {
            var bare = value is PSObject wrapped ? wrapped.BaseObject : value;
            switch (bare)
            {
                case null: return null;
                case string text: return text;
                case IDictionary _:
                case PSCustomObject _:
                    return JsonSerializer.Serialize(ToPlain(value), Json);
                case IEnumerable list:
                    return string.Join(",", list.Cast<object?>().Select(ToText));
                default:
                    return TopRequest.FormatValue(bare);
            }
        }

        /// <summary>Hashtables and PSCustomObjects as dictionaries System.Text.Json can write.</summary>
        private static object? ToPlain(object? value)
        {
            var bare = value is PSObject wrapped ? wrapped.BaseObject : value;
            switch (bare)
            {
                case null: return null;
                case string text: return text;
                case IDictionary dictionary:
                    var map = new Dictionary<string, object?>();
                    foreach (DictionaryEntry entry in dictionary) map[entry.Key.ToString()!] = ToPlain(entry.Value);
                    return map;
                case PSCustomObject _:
                    var properties = new Dictionary<string, object?>();
                    foreach (var property in ((PSObject)value!).Properties) properties[property.Name] = ToPlain(property.Value);
                    return properties;
                case IEnumerable list:
                    return list.Cast<object?>().Select(ToPlain).ToList();
                default:
                    return bare;
            }
        }
    }
}

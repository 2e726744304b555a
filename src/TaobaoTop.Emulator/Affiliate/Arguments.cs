using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Affiliate
{
    /// <summary>Typed reads of business parameters, failing with TOP's 40/41 codes.</summary>
    internal static class Arguments
    {
        public static long? OptionalLong(ApiCall call, string name)
        {
            var text = call.Optional(name);
            if (text == null) return null;
            if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                throw TopApiException.InvalidArgument(name, "参数" + name + "必须是数字");
            return value;
        }

        public static long RequiredLong(ApiCall call, string name)
        {
            call.Required(name);
            return OptionalLong(call, name)!.Value;
        }

        public static int Int(ApiCall call, string name, int defaultValue, int min, int max)
        {
            var value = OptionalLong(call, name) ?? defaultValue;
            if (value < min || value > max)
                throw TopApiException.InvalidArgument(name, "参数" + name + "取值范围为" + min + "~" + max);
            return (int)value;
        }

        public static bool? OptionalBool(ApiCall call, string name)
        {
            var text = call.Optional(name);
            if (text == null) return null;
            if (text == "true" || text == "1") return true;
            if (text == "false" || text == "0") return false;
            throw TopApiException.InvalidArgument(name, "参数" + name + "必须是true或false");
        }

        /// <summary>A comma-separated list, at most <paramref name="max"/> entries.</summary>
        public static List<string> List(ApiCall call, string name, int max, bool required)
        {
            var text = required ? call.Required(name) : call.Optional(name);
            var values = (text ?? "").Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
            if (values.Count > max) throw TopApiException.InvalidArgument(name, "参数" + name + "最多" + max + "个");
            return values;
        }

        /// <summary>An object-valued parameter (TOP clients send it as JSON text).</summary>
        public static JsonObject? OptionalObject(ApiCall call, string name)
        {
            var text = call.Optional(name);
            if (text == null) return null;
            try
            {
                return JsonNode.Parse(text) as JsonObject ?? throw TopApiException.InvalidArgument(name, "参数" + name + "必须是JSON对象");
            }
            catch (System.Text.Json.JsonException)
            {
                throw TopApiException.InvalidArgument(name, "参数" + name + "不是合法的JSON");
            }
        }

        public static long? Long(JsonObject option, string name, string parameter)
        {
            var node = option[name];
            if (node == null) return null;
            var text = node.ToString();
            if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                throw TopApiException.InvalidArgument(parameter, parameter + "." + name + "必须是数字");
            return value;
        }

        public static string? Text(JsonObject option, string name) => option[name]?.ToString() is string s && s.Length > 0 ? s : null;
    }
}

using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using TaobaoTop.Core;

namespace TaobaoTop.Conversion
{
    /// <summary>
    /// Binds a money parameter through <see cref="Money"/> so PowerShell's own [decimal] conversion, which drops every
    /// comma ('59,90' → 5990), never sees it. Numbers pass as they are; '1,2345' typed unquoted is a list and refused.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class MoneyAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null: return null;
                case decimal _:
                case int _:
                case long _:
                case short _:
                case byte _:
                    return Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                case double number:
                    // The shortest text that round-trips: 59.9, not 59.899999999999999.
                    return decimal.Parse(number.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
                case float number:
                    return decimal.Parse(number.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
                case string text:
                    if (Money.TryParse(text, out var amount, out var problem)) return amount;
                    throw new ArgumentTransformationMetadataException(Resources.Messages.Format("Sentence", problem));
                case IList list:
                    var items = list.Cast<object?>().Select(i => Convert.ToString(i is PSObject p ? p.BaseObject : i, CultureInfo.InvariantCulture)).ToArray();
                    throw new ArgumentTransformationMetadataException(Resources.Messages.Format("MoneyListNotAmount", string.Join(",", items), items.Length));
                default:
                    return Transform(engineIntrinsics, value.ToString());
            }
        }
    }
}

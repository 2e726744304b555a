using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using TaobaoTop.Core.Protocol;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Affiliate.Orders
{
    /// <summary>
    /// The big-sale days on which the order API allows 20-minute windows: those shipped with the module (big-sales.tsv)
    /// and those the user adds to BigSales.tsv in ~/.taobaotop or the file <see cref="UserFileVariable"/> names.
    /// </summary>
    public sealed class BigSaleCalendar
    {
        public const string UserFileVariable = "TAOBAOTOP_BIGSALES";

        private const string ResourceName = "TaobaoTop.Core.Affiliate.Orders.big-sales.tsv";

        private static readonly Lazy<IReadOnlyList<Sale>> ShippedSales = new Lazy<IReadOnlyList<Sale>>(() =>
        {
            using (var stream = typeof(BigSaleCalendar).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException(CoreText.Format("BigSaleCalendarMissing", typeof(BigSaleCalendar).Assembly.FullName)))
            using (var reader = new StreamReader(stream, Encoding.UTF8))
            {
                return Parse(reader, "big-sales.tsv").ToList();
            }
        });

        private readonly IReadOnlyList<Sale> _sales;

        private BigSaleCalendar(IReadOnlyList<Sale> sales)
        {
            _sales = sales;
        }

        /// <summary>The shipped sales only.</summary>
        public static BigSaleCalendar Shipped { get; } = new BigSaleCalendar(ShippedSales.Value);

        /// <summary>~/.taobaotop/BigSales.tsv, or the file $env:TAOBAOTOP_BIGSALES names.</summary>
        public static string UserFilePath
            => Environment.GetEnvironmentVariable(UserFileVariable) is string path && path.Length > 0
                ? path
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".taobaotop", "BigSales.tsv");

        /// <summary>The shipped sales and those of <paramref name="userFile"/> when it exists.</summary>
        /// <exception cref="FormatException">A line of the user file is not <c>name, first day, last day</c>; the message names the file and line.</exception>
        public static BigSaleCalendar Load(string? userFile = null)
        {
            userFile ??= UserFilePath;
            if (!File.Exists(userFile)) return Shipped;
            using (var reader = new StreamReader(userFile, Encoding.UTF8))
            {
                return new BigSaleCalendar(ShippedSales.Value.Concat(Parse(reader, userFile)).ToList());
            }
        }

        public bool Contains(DateTimeOffset instant)
        {
            var day = TopTime.ToTopZone(instant).Date;
            return _sales.Any(sale => sale.Contains(day));
        }

        private static IEnumerable<Sale> Parse(TextReader reader, string source)
        {
            var number = 0;
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                number++;
                if (line.Trim().Length == 0 || line.TrimStart().StartsWith("#", StringComparison.Ordinal)) continue;
                var cells = line.Split('\t');
                if (cells.Length < 3 || !Sale.TryCreate(cells[0].Trim(), cells[1].Trim(), cells[2].Trim(), out var sale))
                {
                    throw new FormatException(CoreText.Format("BigSaleCalendarBadLine", source, number, line));
                }
                yield return sale;
            }
        }

        private sealed class Sale
        {
            private DateTime _first;
            private DateTime _last;
            private bool _yearly;

            public static bool TryCreate(string name, string first, string last, out Sale sale)
            {
                sale = new Sale();
                if (name.Length == 0) return false;
                if (DateTime.TryParseExact(first, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out sale._first)
                    && DateTime.TryParseExact(last, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out sale._last))
                {
                    return sale._first <= sale._last;
                }
                // Yearly days are read in a leap year, so 02-29 is a day.
                sale._yearly = true;
                return DateTime.TryParseExact("2000-" + first, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out sale._first)
                    && DateTime.TryParseExact("2000-" + last, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out sale._last);
            }

            public bool Contains(DateTime day)
            {
                if (!_yearly) return day >= _first && day <= _last;
                var monthDay = day.Month * 100 + day.Day;
                var from = _first.Month * 100 + _first.Day;
                var to = _last.Month * 100 + _last.Day;
                // A yearly sale whose last day comes before its first runs over new year.
                return from <= to ? monthDay >= from && monthDay <= to : monthDay >= from || monthDay <= to;
            }
        }
    }
}

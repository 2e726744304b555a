using System;
using System.Globalization;
using System.Text;

namespace TaobaoTop.Emulator.Affiliate
{
    /// <summary>
    /// SplitMix64 stream: the same seed and keys always give the same values, on every runtime
    /// (System.Random's sequence is not guaranteed across .NET versions).
    /// </summary>
    internal struct SeededRandom
    {
        private ulong _state;

        public SeededRandom(long a)
        {
            _state = Mix(0x9E3779B97F4A7C15UL ^ (ulong)a);
        }

        public SeededRandom(long a, long b)
            : this(a)
        {
            _state = Mix(_state ^ (ulong)b);
        }

        public SeededRandom(long a, long b, long c)
            : this(a, b)
        {
            _state = Mix(_state ^ (ulong)c);
        }

        public SeededRandom(long a, long b, long c, long d)
            : this(a, b, c)
        {
            _state = Mix(_state ^ (ulong)d);
        }

        public static ulong Mix(ulong z)
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public ulong NextULong()
        {
            _state += 0x9E3779B97F4A7C15UL;
            return Mix(_state);
        }

        /// <summary>0 ≤ value &lt; max.</summary>
        public int Next(int max) => (int)(NextULong() % (ulong)max);

        public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

        public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

        public bool Chance(double probability) => NextDouble() < probability;

        public T Pick<T>(T[] values) => values[Next(values.Length)];

        public string Alphanumeric(int length) => Base62.Random(ref this, length);
    }

    internal static class Base62
    {
        private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

        public static string Random(ref SeededRandom random, int length)
        {
            var text = new StringBuilder(length);
            for (var i = 0; i < length; i++) text.Append(Digits[random.Next(Digits.Length)]);
            return text.ToString();
        }

        public static string Encode(long value)
        {
            if (value <= 0) return "0";
            var text = new StringBuilder();
            while (value > 0)
            {
                text.Insert(0, Digits[(int)(value % 62)]);
                value /= 62;
            }
            return text.ToString();
        }

        public static bool TryDecode(string text, out long value)
        {
            value = 0;
            if (text.Length == 0 || text.Length > 11) return false;
            foreach (var c in text)
            {
                var digit = Digits.IndexOf(c);
                if (digit < 0) return false;
                value = value * 62 + digit;
            }
            return true;
        }

        public static bool IsAlphanumeric(char c) => c < 128 && Digits.IndexOf(c) >= 0;
    }

    /// <summary>TOP's text forms: money as a string with two decimals.</summary>
    internal static class TopFormat
    {
        public static string Money(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

        public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}

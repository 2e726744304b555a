using System;
using System.Text;
using TaobaoTop.Core.Resources;

namespace TaobaoTop.Core.Items
{
    /// <summary>The encodings product sheets come in: UTF-8 with or without BOM, and GB18030/GBK from Excel in China.</summary>
    public static class SheetEncoding
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <summary>GB18030 (a superset of GBK and GB2312); on .NET Core it needs the code-pages provider.</summary>
        public static Encoding Gb18030
        {
            get
            {
                try
                {
                    return Encoding.GetEncoding(54936);
                }
                catch (NotSupportedException)
                {
                    Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                    return Encoding.GetEncoding(54936);
                }
            }
        }

        /// <summary>An encoding by name: utf8, utf8BOM, gb18030, gbk, gb2312, unicode, or any name or code page .NET knows.</summary>
        public static Encoding FromName(string name)
        {
            switch (name.Trim().ToLowerInvariant().Replace("-", string.Empty))
            {
                case "utf8":
                case "utf8bom":
                case "utf8nobom": return Utf8;
                case "gb18030":
                case "gbk":
                case "gb2312":
                case "936":
                case "54936": return Gb18030;
                case "unicode":
                case "utf16": return Encoding.Unicode;
            }
            try
            {
                return int.TryParse(name, out var codePage) ? Encoding.GetEncoding(codePage) : Encoding.GetEncoding(name);
            }
            catch (NotSupportedException)
            {
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                return int.TryParse(name, out var codePage) ? Encoding.GetEncoding(codePage) : Encoding.GetEncoding(name);
            }
        }

        /// <summary>
        /// Reads a sheet's bytes as text. A given encoding decides (a BOM is then skipped); else a BOM decides, unless
        /// the text behind a UTF-8 BOM is mostly not UTF-8; otherwise UTF-8 when most non-ASCII text decodes as UTF-8
        /// (so one mis-saved row shows up as that row's error), else GB18030.
        /// </summary>
        /// <exception cref="System.IO.InvalidDataException">A UTF-8 BOM stands before text in another encoding.</exception>
        public static string Decode(byte[] bytes, Encoding? encoding, out Encoding used)
        {
            var utf8Bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
            if (encoding != null && utf8Bom)
            {
                used = encoding;
                return encoding.GetString(bytes, 3, bytes.Length - 3);
            }
            if (utf8Bom)
            {
                used = Utf8;
                var text = Utf8.GetString(bytes, 3, bytes.Length - 3);
                if (!MostlyUtf8(text))
                {
                    var gb = Gb18030.GetString(bytes, 3, bytes.Length - 3);
                    var seems = CoreText.Get(gb.IndexOf('\uFFFD') < 0 ? "SeemsGb18030" : "SeemsNeither");
                    throw new System.IO.InvalidDataException(CoreText.Format("BomNotUtf8", seems));
                }
                return text;
            }
            if (bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF))
            {
                used = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
                return used.GetString(bytes, 2, bytes.Length - 2);
            }
            used = encoding ?? Guess(bytes);
            return used.GetString(bytes);
        }

        private static Encoding Guess(byte[] bytes) => MostlyUtf8(Utf8.GetString(bytes)) ? Utf8 : Gb18030;

        private static bool MostlyUtf8(string text)
        {
            int decoded = 0, broken = 0;
            foreach (var c in text)
            {
                if (c == '\uFFFD') broken++;
                else if (c >= 0x80) decoded++;
            }
            return broken == 0 || decoded > broken;
        }
    }
}

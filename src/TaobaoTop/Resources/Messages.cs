using System.Globalization;
using System.Resources;

namespace TaobaoTop.Resources
{
    /// <summary>The module's messages in the UI language (Messages.zh-CN.resx for Chinese), English as the fallback.</summary>
    internal static class Messages
    {
        private static readonly ResourceManager Manager = new ResourceManager("TaobaoTop.Resources.Messages", typeof(Messages).Assembly);

        public static string Get(string name) => Manager.GetString(name, CultureInfo.CurrentUICulture) ?? name;

        public static string Format(string name, params object?[] arguments) => string.Format(CultureInfo.CurrentCulture, Get(name), arguments);
    }
}

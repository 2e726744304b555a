using TaobaoTop.Core.Resources;

namespace TaobaoTop.Resources
{
    /// <summary>The module's messages in the UI language (Messages.zh-CN.resx for Chinese), English as the fallback.</summary>
    internal static class Messages
    {
        private static readonly ResourceTexts Texts = new ResourceTexts("TaobaoTop.Resources.Messages", typeof(Messages).Assembly);

        public static string Get(string name) => Texts.Get(name);

        public static string Format(string name, params object?[] arguments) => Texts.Format(name, arguments);
    }
}

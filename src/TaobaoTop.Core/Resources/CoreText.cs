namespace TaobaoTop.Core.Resources
{
    /// <summary>
    /// The core's messages in the UI language (CoreText.zh-CN.resx, a satellite in zh-CN/ beside TaobaoTop.Core.dll),
    /// English as the fallback. Plain .NET resources: the core stays free of PowerShell.
    /// </summary>
    internal static class CoreText
    {
        private static readonly ResourceTexts Texts = new ResourceTexts("TaobaoTop.Core.Resources.CoreText", typeof(CoreText).Assembly);

        public static string Get(string name) => Texts.Get(name);

        public static string Format(string name, params object?[] arguments) => Texts.Format(name, arguments);
    }
}

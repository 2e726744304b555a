namespace TaobaoTop.Core { internal static class Placeholder {} }

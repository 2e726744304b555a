namespace TaobaoTop { internal static class Placeholder {} }

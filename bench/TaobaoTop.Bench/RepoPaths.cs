namespace TaobaoTop.Bench;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Manifest => Path.Combine(Root, "out", "TaobaoTop", "TaobaoTop.psd1");

    public static string DefaultReport => Path.Combine(Root, "docs", "benchmarks.md");

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "TaobaoTop.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("TaobaoTop.sln not found above " + Directory.GetCurrentDirectory() + " or " + AppContext.BaseDirectory);
    }
}

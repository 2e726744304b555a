namespace TaobaoTop.Runner;

/// <summary>The built module: out/TaobaoTop/TaobaoTop.psd1 in the repository that holds TaobaoTop.sln.</summary>
public static class ModuleLocation
{
    public static string? Manifest()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "TaobaoTop.sln"))) continue;
                var manifest = Path.Combine(dir.FullName, "out", "TaobaoTop", "TaobaoTop.psd1");
                return File.Exists(manifest) ? manifest : null;
            }
        }
        return null;
    }
}

using TaobaoTop.Loading;
using Xunit;

namespace TaobaoTop.Loading.Tests;

/// <summary>Import refuses .NET Framework older than 4.7.2 with one message that says what to install.</summary>
public sealed class NetFrameworkReleaseTests
{
    [Theory]
    [InlineData(461308)] // 4.7.1
    [InlineData(394802)] // 4.6.2
    [InlineData(378389)] // 4.5
    public void An_older_framework_is_refused_with_what_to_install(int release)
    {
        var problem = NetFrameworkRelease.Problem(release);

        Assert.NotNull(problem);
        Assert.Contains(".NET Framework 4.7.2", problem);
        Assert.Contains("4.8", problem);
        Assert.Contains("pwsh", problem);
    }

    [Theory]
    [InlineData("zh-CN", "TaobaoTop 需要 .NET Framework 4.7.2 或更高版本，而这台 Windows 上的版本较旧（release 461308）。")]
    [InlineData("en-US", "TaobaoTop needs .NET Framework 4.7.2 or later, and this Windows has an older one (release 461308). ")]
    public void The_refusal_speaks_the_UI_language(string culture, string expected)
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.StartsWith(expected, NetFrameworkRelease.Problem(461308));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData(461808)] // 4.7.2
    [InlineData(528040)] // 4.8
    [InlineData(533320)] // 4.8.1
    [InlineData(null)]   // not Windows, or no .NET Framework 4.5+ key: nothing to judge by
    public void A_framework_of_4_7_2_or_later_imports(int? release) => Assert.Null(NetFrameworkRelease.Problem(release));

    [Fact]
    public void Importing_on_an_older_framework_fails_before_anything_is_hooked()
    {
        var ex = Assert.Throws<PlatformNotSupportedException>(() => ModuleLoading.Start(TestPaths.ModuleFolder, 461308));

        Assert.Contains(".NET Framework 4.7.2", ex.Message);
    }

    /// <summary>Loads TaobaoTop.dll alone: its other assemblies (TaobaoTop.Core first) refuse to load, as they may on an old framework.</summary>
    private sealed class ModuleAlone : System.Runtime.Loader.AssemblyLoadContext
    {
        public ModuleAlone() : base(isCollectible: true)
        {
        }

        protected override System.Reflection.Assembly? Load(System.Reflection.AssemblyName name)
            => name.Name!.StartsWith("TaobaoTop", StringComparison.Ordinal) ? throw new FileNotFoundException("Not loadable here: " + name.Name) : null;
    }

    [Fact]
    public void The_refusal_needs_nothing_but_the_module_assembly_and_mscorlib()
    {
        var context = new ModuleAlone();
        try
        {
            var module = context.LoadFromAssemblyPath(typeof(NetFrameworkRelease).Assembly.Location);
            var problem = module.GetType(typeof(NetFrameworkRelease).FullName!)!.GetMethod(nameof(NetFrameworkRelease.Problem))!.Invoke(null, new object?[] { 461308 });

            Assert.Contains(".NET Framework 4.7.2", (string?)problem);
        }
        finally
        {
            context.Unload();
        }
    }
}

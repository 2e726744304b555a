using System.Reflection;
using TaobaoTop.Loading;
using Xunit;

namespace TaobaoTop.Loading.Tests;

/// <summary>The resolver's rule over the laid-out folder, called directly (it has no PowerShell in it).</summary>
public sealed class DependencyResolverTests
{
    private readonly DependencyResolver _resolver = new(ModuleLoading.DependencyFolder(TestPaths.ModuleFolder));

    [Theory]
    [InlineData("System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a")]
    [InlineData("System.Buffers, Version=4.0.2.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51")]
    [InlineData("System.Memory, Version=4.0.1.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51")]
    [InlineData("System.Text.Encoding.CodePages, Version=4.1.1.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a")]
    public void AnOlderRequestForAShippedDependencyGetsTheShippedFile(string request)
    {
        var requested = new AssemblyName(request);
        var path = _resolver.PathFor(requested);

        Assert.Equal(Path.Combine(ModuleLoading.DependencyFolder(TestPaths.ModuleFolder), requested.Name + ".dll"), path);
        Assert.True(AssemblyName.GetAssemblyName(path!).Version >= requested.Version);
    }

    [Fact]
    public void TheShippedVersionItselfIsAnswered() =>
        Assert.NotNull(_resolver.PathFor(AssemblyName.GetAssemblyName(Path.Combine(ModuleLoading.DependencyFolder(TestPaths.ModuleFolder), "System.Text.Json.dll"))));

    [Theory]
    [InlineData("System.Runtime.CompilerServices.Unsafe, Version=7.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a")]
    [InlineData("System.Memory, Version=4.0.1.0, Culture=neutral, PublicKeyToken=b77a5c561934e089")]
    [InlineData("System.Memory, Version=4.0.1.0, Culture=neutral, PublicKeyToken=null")]
    [InlineData("Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed")]
    [InlineData("mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089")]
    public void NewerOtherKeyOrForeignRequestsAreLeftToTheRuntime(string request) =>
        Assert.Null(_resolver.PathFor(new AssemblyName(request)));

    [Fact]
    public void ItIsOnlyHookedWhereTheRuntimeHasNoAssemblyLoadContext() => Assert.False(DependencyResolver.IsNeeded);
}
